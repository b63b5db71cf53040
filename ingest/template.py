"""The table layout of data files, and empty templates to fill in: an Excel workbook with drop-down
lists for the kinds, or a folder of CSV headers.

The columns come from the models, so a field added to ``graph.model`` appears in the next
template without an edit here. Fields a table cannot hold (an entity's free-form
``attributes``) are left out; a relationship's first piece of evidence takes the
``evidence_*`` columns, as in the CSV format.

>>> COLUMNS["relationships"][:3]
('kind', 'source', 'target')
"""

from __future__ import annotations

import csv
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel

from graph.model import (
    Entity,
    EntityKind,
    EntityStatus,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Source,
    SourceKind,
    Visibility,
)
from ingest.readers.tabular import EVIDENCE_COLUMNS, TABLES

_MODELS: dict[str, type[BaseModel]] = {"sources": Source, "entities": Entity, "relationships": Relationship}
_NOT_TABULAR = {"entities": {"attributes"}, "relationships": {"evidence"}}


def _columns(table: str) -> tuple[str, ...]:
    fields = [name for name in _MODELS[table].model_fields if name not in _NOT_TABULAR.get(table, set())]
    if table == "relationships":
        fields += list(EVIDENCE_COLUMNS)
    return tuple(fields)


COLUMNS: dict[str, tuple[str, ...]] = {table: _columns(table) for table in TABLES}
"""The columns of each table, in the order templates write them."""

REQUIRED: dict[str, tuple[str, ...]] = {
    table: tuple(name for name, info in _MODELS[table].model_fields.items() if info.is_required())
    for table in TABLES
}
"""Columns a table cannot do without: a sheet missing one is reported once, not on every row."""

CHOICES: dict[tuple[str, str], type[StrEnum]] = {
    ("sources", "kind"): SourceKind,
    ("sources", "visibility"): Visibility,
    ("entities", "kind"): EntityKind,
    ("entities", "status"): EntityStatus,
    ("relationships", "kind"): RelationshipKind,
    ("relationships", "status"): RelationshipStatus,
}
"""Columns whose values come from a kind enum: the workbook offers them as drop-down lists."""

DATE_COLUMNS = frozenset({"published", "since", "until"})
_TEMPLATE_ROWS = 5000  # rows that carry the drop-downs and date format; Excel extends them on insert


def _help(table: str, column: str) -> str:
    if column in EVIDENCE_COLUMNS:
        return f"Evidence: {EVIDENCE_COLUMNS[column]} (repeat the row for a second source)."
    info = _MODELS[table].model_fields[column]
    text = info.description or ""
    if column in {"aliases", "sectors"}:
        text += " Separate items with ';'."
    if column in DATE_COLUMNS:
        text += " A date, YYYY-MM-DD."
    if (table, column) in CHOICES:
        text += " One of: " + ", ".join(member.value for member in CHOICES[(table, column)]) + "."
    if info.is_required():
        text = "Required. " + text
    return text.strip()


def write_xlsx_template(path: Path) -> None:
    """Write an empty workbook with the sheets ``sources``, ``entities`` and ``relationships``:
    a bold, frozen header row with a note on each column, and drop-down lists for the kinds."""
    # openpyxl takes a third of a second to import: only the command that writes a workbook pays
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.comments import Comment  # type: ignore[import-untyped]
    from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    workbook = Workbook()
    workbook.remove(workbook.active)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for table in TABLES:
        sheet = workbook.create_sheet(table)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(COLUMNS[table], start=1):
            cell = sheet.cell(row=1, column=index, value=column)
            cell.font = Font(bold=True)
            cell.fill = header_fill
            help_text = _help(table, column)
            if help_text:
                cell.comment = Comment(help_text, "consortium-kg")
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(12, min(40, len(column) + 4))
            cells = f"{letter}2:{letter}{_TEMPLATE_ROWS}"
            choices = CHOICES.get((table, column))
            if choices is not None:
                listed = ",".join(member.value for member in choices)
                validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
                validation.error = f"{column} must be one of: {listed.replace(',', ', ')}"
                validation.errorTitle = f"Not a {column}"
                validation.showErrorMessage = True
                sheet.add_data_validation(validation)
                validation.add(cells)
            if column in DATE_COLUMNS:
                for row in range(2, 200):
                    sheet.cell(row=row, column=index).number_format = "yyyy-mm-dd"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def write_csv_template(folder: Path) -> list[Path]:
    """Write ``sources.csv``, ``entities.csv`` and ``relationships.csv`` holding their header rows."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for table in TABLES:
        path = folder / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerow(COLUMNS[table])
        written.append(path)
    return written
