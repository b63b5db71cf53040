"""Tables of stakeholders: a folder of ``entities.csv``, ``relationships.csv`` and ``sources.csv``.

One row is one record; list fields (``aliases``, ``sectors``) separate their items with ``;``;
a relationship's evidence sits in ``evidence_*`` columns, and a relationship with several
sources takes one row per source (rows with the same identity merge). An empty cell is an
absent value. Spreadsheet readers reuse :func:`rows_to_document` with their own row source.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from graph.errors import BadInputError, Problem
from ingest.raw import Location, Locations, Path_, RawDocument

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
    tables: dict[str, tuple[str, Iterable[Row]]] = {}
    for table in TABLES:
        path = folder / f"{table}.csv"
        if path.is_file():
            tables[table] = (str(path), list(_csv_rows(path)))
    return rows_to_document(str(folder), tables)


def _csv_rows(path: Path) -> Iterator[Row]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for cells in reader:
                if None in cells:
                    raise BadInputError(
                        [Problem(str(path), "", "more cells than header columns", line=reader.line_num)]
                    )
                yield reader.line_num, {k: v for k, v in cells.items() if k is not None}
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
    for table, (file_name, rows) in tables.items():
        for line, cells in rows:
            values = {column.strip(): (cell or "").strip() for column, cell in cells.items()}
            if not any(values.values()):
                continue  # a blank row in a spreadsheet is not a record
            index = len(data[table])
            record = _record(table, values)
            data[table].append(record)
            locations.add((table, index), Location(file_name, line))
    return RawDocument(name=name, data=data, locations=locations)


def column_of(path: Path_) -> str | None:
    """The column a field of a row comes from: ``("relationships", 3, "evidence", 0, "source")``
    is the column ``evidence_source``; ``("entities", 1, "kind")`` is ``kind``."""
    field_path = path[2:]
    if field_path[:1] == ("evidence",):
        inner = field_path[2] if len(field_path) > 2 else "source"
        return next((column for column, name in EVIDENCE_COLUMNS.items() if name == inner), "evidence_source")
    return str(field_path[0]) if field_path else None


def _record(table: str, values: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    evidence: dict[str, str] = {}
    for column, cell in values.items():
        if not cell:
            continue
        if table == "relationships" and column in EVIDENCE_COLUMNS:
            evidence[EVIDENCE_COLUMNS[column]] = cell
        elif column in LIST_COLUMNS:
            record[column] = [item.strip() for item in cell.split(";") if item.strip()]
        else:
            record[column] = cell
    if evidence:
        record["evidence"] = [evidence]
    return record
