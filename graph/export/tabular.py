"""Tables for spreadsheets and scripts: a folder of CSV files, or one XLSX workbook.

Both hold the same four tables (entities, relationships with their evidence as columns, one
row per piece of evidence, sources) and the provenance (``provenance.json`` beside the CSV
files, an ``about`` sheet in the workbook). CSV files are UTF-8 with a byte-order mark, so Excel
opens Korean text correctly and Python's ``encoding="utf-8-sig"`` reads them unchanged.

>>> write_csv(view, Path("korea-csv"))  # doctest: +SKIP
>>> sorted(p.name for p in Path("korea-csv").iterdir())  # doctest: +SKIP
['edges.csv', 'evidence.csv', 'nodes.csv', 'provenance.json', 'sources.csv']
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # type: ignore[import-untyped]

from graph.export.base import ExportView, ProgressFn, Ticker, no_progress
from graph.export.records import (
    ENTITY_FIELDS,
    EVIDENCE_FIELDS,
    RELATIONSHIP_FIELDS,
    SOURCE_FIELDS,
    Scalar,
    entity_record,
    evidence_records,
    relationship_record,
    source_record,
    xml_safe,
)

T = TypeVar("T")
CSV_FILES = {
    "entities": "nodes.csv",
    "relationships": "edges.csv",
    "evidence": "evidence.csv",
    "sources": "sources.csv",
}
XLSX_CELL_LIMIT = 32_767
"""Characters an Excel cell holds; longer text is cut there (``evidence_json`` of a tie with very
many quotes, say) and ends in ``…[cut]``. The CSV and JSON exports keep everything."""
DATE_COLUMNS = frozenset({"since", "until", "published", "source_published"})


def tables(
    view: ExportView, progress: ProgressFn = no_progress
) -> Iterator[tuple[str, tuple[str, ...], list[dict[str, Scalar]]]]:
    """(name, columns, rows) of each table, in the order the files and sheets are written."""
    projection = view.projection
    names = {eid: entity.name for eid, entity in projection.entities.items()}
    yield "entities", ENTITY_FIELDS, _rows(projection.entities.values(), entity_record, progress, "entities")
    relationships = list(projection.relationships.values())
    yield (
        "relationships",
        RELATIONSHIP_FIELDS,
        _rows(
            relationships,
            lambda rel: relationship_record(rel, projection.sources, names),
            progress,
            "relationships",
        ),
    )
    yield (
        "evidence",
        EVIDENCE_FIELDS,
        [row for rel in relationships for row in evidence_records(rel, projection.sources)],
    )
    cited = [projection.sources[ref.id] for ref in view.provenance.sources if ref.id in projection.sources]
    yield "sources", SOURCE_FIELDS, [source_record(source) for source in cited]


def _rows(
    items: Iterable[T], record: Callable[[T], dict[str, Scalar]], progress: ProgressFn, stage: str
) -> list[dict[str, Scalar]]:
    listed = list(items)
    ticker = Ticker(progress, stage, len(listed))
    rows = []
    for item in listed:
        rows.append(record(item))
        ticker.tick()
    ticker.done()
    return rows


def write_csv(view: ExportView, folder: Path, progress: ProgressFn = no_progress) -> None:
    """Write ``nodes.csv``, ``edges.csv``, ``evidence.csv``, ``sources.csv`` and ``provenance.json``
    into ``folder`` (created if missing; other files in it are left alone)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns, rows in tables(view, progress):
        with (folder / CSV_FILES[name]).open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=columns, extrasaction="raise")
            writer.writeheader()
            writer.writerows(rows)
    (folder / "provenance.json").write_text(
        json.dumps(view.provenance.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


def write_xlsx(view: ExportView, path: Path, progress: ProgressFn = no_progress) -> None:
    """Write one workbook with the sheets ``entities``, ``relationships``, ``evidence``, ``sources``
    and ``about``. Text is always text: a note starting with ``=`` stays a note, not a formula."""
    workbook = Workbook(write_only=True)
    for name, columns, rows in tables(view, progress):
        sheet = workbook.create_sheet(name)
        sheet.freeze_panes = "A2"
        _set_widths(sheet, columns)
        sheet.append([_cell(sheet, column, bold=True) for column in columns])
        for row in rows:
            sheet.append(
                [_cell(sheet, row.get(column), date_column=column in DATE_COLUMNS) for column in columns]
            )
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    about = workbook.create_sheet("about")
    _set_widths(about, ("field", "value"))
    provenance = view.provenance
    facts: list[tuple[str, Scalar]] = [
        ("view", provenance.description),
        ("view options", json.dumps(provenance.view, ensure_ascii=False, sort_keys=True)),
        ("store", provenance.store),
        ("made at", provenance.made_at.isoformat()),
        ("tool", provenance.tool),
        ("entities", provenance.entities),
        ("relationships", provenance.relationships),
        ("sources", provenance.sources_line(limit=len(provenance.sources) or 1)),
    ]
    for field, value in facts:
        about.append([_cell(about, field, bold=True), _cell(about, value)])
    progress("writing XLSX", 0, 1)
    workbook.save(path)
    progress("writing XLSX", 1, 1)


def _set_widths(sheet: WriteOnlyWorksheet, columns: Iterable[str]) -> None:
    wide = {
        "name",
        "description",
        "note",
        "quote",
        "evidence_quotes",
        "title",
        "source_title",
        "value",
        "evidence_titles",
    }
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            60 if column in wide else max(12, len(column) + 2)
        )


def _cell(
    sheet: WriteOnlyWorksheet, value: Scalar | None, *, bold: bool = False, date_column: bool = False
) -> WriteOnlyCell:
    if isinstance(value, str) and date_column:
        cell = WriteOnlyCell(sheet, value=date.fromisoformat(value))
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, str):
        text = xml_safe(value)
        if len(text) > XLSX_CELL_LIMIT:
            text = text[: XLSX_CELL_LIMIT - 6] + "…[cut]"
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # openpyxl would read '=...' as a formula and '#N/A' as an error
    else:
        cell = WriteOnlyCell(sheet, value=value)
    if bold:
        cell.font = Font(bold=True)
    return cell
