"""Tables of stakeholders: a folder of ``entities.csv``, ``relationships.csv`` and ``sources.csv``.

One row is one record; list fields (``aliases``, ``sectors``) separate their items with ``;``;
a relationship's evidence sits in ``evidence_*`` columns, and a relationship with several
sources takes one row per source (rows with the same identity merge). An empty cell is an
absent value. Spreadsheet readers reuse :func:`rows_to_document` with their own row source.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from graph.errors import BadInputError, Problem
from ingest.raw import Locations, Path_, RawDocument

TABLES = ("sources", "entities", "relationships")
LIST_COLUMNS = frozenset({"aliases", "sectors"})
EVIDENCE_COLUMNS = {
    "evidence_source": "source",
    "evidence_quote": "quote",
    "evidence_locator": "locator",
    "evidence_extracted_by": "extracted_by",
}
Row = tuple[int, dict[str, str]]  # (line or row number, cells by column)


def is_csv_folder(path: Path) -> bool:
    return path.is_dir() and any((path / f"{table}.csv").is_file() for table in TABLES)


def read_csv_folder(folder: Path) -> RawDocument:
    """Read the CSV tables of one folder as one ingest unit (they reference each other)."""
    name = str(folder)
    data: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    locations = Locations(default_file=name, field_label=column_of)
    for table in TABLES:
        path = folder / f"{table}.csv"
        if path.is_file():
            header, rows = _csv_table(path)
            columns = [column.strip() for column in header]
            if len(set(columns)) < len(columns):  # a repeated column: the later cell wins
                as_dicts = [(line, dict(zip(header, cells, strict=False))) for line, cells in rows]
                _add_rows(data, locations, {table: (str(path), as_dicts)})
                continue
            lines: list[int] = []
            for line, cells in rows:
                record = _record(table, zip(columns, cells, strict=False))
                if record:  # empty when every cell is: a blank row is not a record
                    data[table].append(record)
                    lines.append(line)
            locations.add_rows(table, str(path), lines)
    return RawDocument(name=name, data=data, locations=locations)


def _csv_table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the (line, cells) of each row: csv.reader's lists, as they come (a dict per
    row, as csv.DictReader makes, cost as much again). A short row's missing cells are empty."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            width = len(header)
            rows: list[tuple[int, list[str]]] = []
            for cells in reader:
                if not cells:
                    continue  # a blank line, which DictReader skips too
                if len(cells) > width:
                    raise BadInputError(
                        [Problem(str(path), "", "more cells than header columns", line=reader.line_num)]
                    )
                rows.append((reader.line_num, cells))
            return header, rows
    except UnicodeDecodeError as error:
        raise BadInputError([Problem(str(path), "", f"not UTF-8 text (byte {error.start})")]) from error
    except csv.Error as error:
        raise BadInputError([Problem(str(path), "", f"not valid CSV: {error}")]) from error


def rows_to_document(name: str, tables: dict[str, tuple[str, Iterable[Row]]]) -> RawDocument:
    """Turn rows of the three tables into a raw document, recording each cell's position.

    ``tables`` maps a table name to (the file or sheet users know it by, its rows).
    """
    data: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    locations = Locations(default_file=name, field_label=column_of)
    _add_rows(data, locations, tables)
    return RawDocument(name=name, data=data, locations=locations)


def _add_rows(
    data: dict[str, list[dict[str, Any]]],
    locations: Locations,
    tables: Mapping[str, tuple[str, Iterable[Row]]],
) -> None:
    for table, (file_name, rows) in tables.items():
        records = data[table]
        lines: list[int] = []
        for line, cells in rows:
            values = {column.strip(): cell or "" for column, cell in cells.items()}
            record = _record(table, values.items())
            if record:  # empty when every cell is: a blank row in a spreadsheet is not a record
                records.append(record)
                lines.append(line)
        locations.add_rows(table, file_name, lines)


def column_of(path: Path_) -> str | None:
    """The column a field of a row comes from: ``("relationships", 3, "evidence", 0, "source")``
    is the column ``evidence_source``; ``("entities", 1, "kind")`` is ``kind``."""
    field_path = path[2:]
    if field_path[:1] == ("evidence",):
        inner = field_path[2] if len(field_path) > 2 else "source"
        return next((column for column, name in EVIDENCE_COLUMNS.items() if name == inner), "evidence_source")
    return str(field_path[0]) if field_path else None


def _record(table: str, cells: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """One record from (column, cell) pairs, the column names stripped; cells are stripped here,
    and an empty one is an absent value."""
    record: dict[str, Any] = {}
    evidence: dict[str, str] = {}
    relationships = table == "relationships"
    for column, cell in cells:
        if not cell or not (cell := cell.strip()):
            continue
        if relationships and column in EVIDENCE_COLUMNS:
            evidence[EVIDENCE_COLUMNS[column]] = cell
        elif column in LIST_COLUMNS:
            record[column] = [item.strip() for item in cell.split(";") if item.strip()]
        else:
            record[column] = cell
    if evidence:
        record["evidence"] = [evidence]
    return record
