"""Checks made on a unit before it is parsed, so that a wrong file gets one clear message instead
of none or a thousand: a file too large to load at once, an empty file, a CSV table without a
column every row needs, and a proposal from ``ckg extract`` given to ``ckg ingest``.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from graph.errors import BadInputError, Problem
from ingest.raw import RawDocument
from ingest.readers.tabular import TABLES
from ingest.template import REQUIRED

MAX_FILE_MB_ENV = "CKG_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 256
PROPOSAL_SECTION = "proposals"
TEXT_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".csv"})
_MB = 1024 * 1024


def max_file_bytes() -> int:
    """The largest data file ingest reads (``$CKG_MAX_FILE_MB`` megabytes, 256 by default): a file
    is validated whole in memory before anything is written, so a bigger one should be split."""
    try:
        megabytes = float(os.environ.get(MAX_FILE_MB_ENV, DEFAULT_MAX_FILE_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_FILE_MB
    return int(megabytes * _MB)


def check_files(unit: Path) -> None:
    """Raise BadInputError for a unit whose files are too large, empty, or (CSV) lack a header
    or a required column."""
    files = [unit / f"{table}.csv" for table in TABLES] if unit.is_dir() else [unit]
    problems: list[Problem] = []
    limit = max_file_bytes()
    for path in files:
        if not path.is_file():
            continue
        size = path.stat().st_size
        if size > limit:
            problems.append(
                Problem(
                    str(path),
                    "",
                    f"the file is {size / _MB:.1f} MB, over the limit of {limit / _MB:.0f} MB: "
                    f"split it into several files (or raise {MAX_FILE_MB_ENV})",
                )
            )
        elif path.suffix.lower() in TEXT_SUFFIXES and (encoding := _encoding_problem(path)) is not None:
            problems.append(encoding)
        elif _is_blank(path):
            problems.append(Problem(str(path), "", "the file is empty"))
        elif path.suffix.lower() == ".csv":
            problems += _csv_header_problems(path)
    if problems:
        raise BadInputError(problems)


def check_document(raw: RawDocument) -> None:
    """Raise BadInputError for a parsed document that holds nothing to load, or that is a
    proposal awaiting review (its ``proposals`` section tells them apart)."""
    if PROPOSAL_SECTION in raw.data:
        where = raw.locations.find((PROPOSAL_SECTION,))
        raise BadInputError(
            [
                Problem(
                    raw.name,
                    "",
                    "this is a proposal from `ckg extract`, not yet reviewed: run `ckg review "
                    f"{raw.name}` to accept, reject or edit its items and load the accepted ones",
                    line=where.line,
                )
            ]
        )
    if not any(raw.data.get(section) for section in TABLES) and set(raw.data) <= set(TABLES):
        raise BadInputError([Problem(raw.name, "", "holds no sources, entities or relationships")])


def _encoding_problem(path: Path) -> Problem | None:
    """A file that is not UTF-8, located by line and column: spreadsheet programs often save
    CSV in a local code page (Windows-1252, EUC-KR), and the fix is to save it again as UTF-8."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(
            str(path),
            "",
            f"not UTF-8 text: byte 0x{data[error.start]:02x} at column {column}; save the file as UTF-8",
            line=line,
        )
    return None


def _is_blank(path: Path) -> bool:
    if path.stat().st_size == 0:
        return True
    if path.suffix.lower() in {".xlsx", ".xlsm"} or path.stat().st_size > 4096:
        return False
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (UnicodeDecodeError, OSError):
        return False  # the reader says what is wrong with it
    return not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _csv_header_problems(path: Path) -> list[Problem]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (UnicodeDecodeError, csv.Error):
        return []  # the reader reports these with their position
    columns = {column.strip() for column in header}
    return [
        Problem(str(path), column, "missing required column", line=1)
        for column in REQUIRED[path.stem]
        if column not in columns
    ]
