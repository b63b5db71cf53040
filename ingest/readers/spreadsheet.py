"""Excel workbooks (``.xlsx``): the sheets ``entities``, ``relationships`` and ``sources``, with
the columns of the CSV format, read as one ingest unit like a CSV folder.

Problems name the sheet, the spreadsheet's row number and the column, e.g.
``partners.xlsx[relationships]:7: target: no entity is called 'Samsong Electronics'``.
Cells are turned into the text the CSV reader would have seen: a date cell becomes
``YYYY-MM-DD``, a whole number loses its ``.0``, so both formats validate alike.
Other sheets (notes, lists) are ignored; sheet names match without regard to case.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl takes a third of a second to import: only a workbook's reader pays
    from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from graph.errors import BadInputError, Problem
from ingest.raw import RawDocument
from ingest.readers.tabular import TABLES, Row, rows_to_document
from ingest.template import REQUIRED

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm"})


def read_workbook(path: Path) -> RawDocument:
    """Read a workbook as one ingest unit. Raises BadInputError for a file that is not a
    workbook, a workbook with none of the three sheets, or a sheet missing a required column."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    name = str(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise BadInputError([Problem(name, "", f"not an Excel workbook (.xlsx): {error}")]) from error
    try:
        sheets = {sheet.title.strip().lower(): sheet for sheet in workbook.worksheets}
        found = [table for table in TABLES if table in sheets]
        if not found:
            raise BadInputError(
                [Problem(name, "", "no sheet named 'entities', 'relationships' or 'sources'")]
            )
        tables: dict[str, tuple[str, Iterable[Row]]] = {}
        problems: list[Problem] = []
        for table in found:
            sheet = sheets[table]
            where = f"{name}[{sheet.title}]"
            rows = list(_sheet_rows(sheet, where, problems))
            tables[table] = (where, rows)
        if problems:
            raise BadInputError(problems)
        return rows_to_document(name, tables)
    finally:
        workbook.close()


def _sheet_rows(sheet: Worksheet, where: str, problems: list[Problem]) -> Iterator[Row]:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    values = sheet.iter_rows(values_only=True)
    header_cells = next(values, None)
    if header_cells is None or not any(cell is not None for cell in header_cells):
        if sheet.max_row and sheet.max_row > 1:
            problems.append(Problem(where, "", "the first row must hold the column names", line=1))
        return
    header = [_text(cell) for cell in header_cells]
    table = sheet.title.strip().lower()
    missing = [column for column in REQUIRED[table] if column not in header]
    for column in missing:
        problems.append(Problem(where, column, "missing required column", line=1))
    seen: dict[str, int] = {}
    for position, column in enumerate(header, start=1):
        if column and column in seen:
            problems.append(
                Problem(
                    where,
                    column,
                    f"column {get_column_letter(position)} repeats column {get_column_letter(seen[column])}",
                    line=1,
                )
            )
        seen.setdefault(column, position)
    if missing:
        return
    for number, cells in enumerate(values, start=2):
        row: dict[str, str] = {}
        for position, cell in enumerate(cells):
            column = header[position] if position < len(header) else ""
            text = _text(cell)
            if not column:
                if text:
                    letter = get_column_letter(position + 1)
                    problems.append(Problem(where, letter, "a value in a column without a name", line=number))
                continue
            row[column] = text
        yield number, row


def _text(cell: Any) -> str:
    """A cell as the text a CSV export would hold."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time(0) else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()
