"""Raw records -> models, collecting every problem with its file, line and field.

Each record is validated on its own so that one bad row does not hide the next; the caller
decides that a unit with any problem writes nothing.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from graph.errors import Problem
from graph.model import Entity, Relationship, Source
from ingest.raw import Path_, RawDocument, dotted

SECTIONS: dict[str, type[BaseModel]] = {"sources": Source, "entities": Entity, "relationships": Relationship}


class ValidatedDocument:
    """The records of one unit that passed validation, and the problems of those that did not."""

    def __init__(self, raw: RawDocument) -> None:
        self.raw = raw
        self.sources: list[tuple[int, Source]] = []
        self.entities: list[tuple[int, Entity]] = []
        self.relationships: list[tuple[int, Relationship]] = []
        self.problems: list[Problem] = []

    def problem(self, path: Path_, message: str) -> None:
        where = self.raw.locations.find(path)
        self.problems.append(Problem(where.file, where.field or dotted(path), message, line=where.line))


def validate(raw: RawDocument) -> ValidatedDocument:
    """Validate every record of ``raw``; duplicates of an id within the unit are problems too."""
    result = ValidatedDocument(raw)
    for key in raw.data:
        if key not in SECTIONS:
            result.problem((key,), f"unknown section (expected {', '.join(SECTIONS)})")
    for section, model in SECTIONS.items():
        records = raw.data.get(section) or []
        if not isinstance(records, list):
            result.problem((section,), "must be a list")
            continue
        for index, record in enumerate(records):
            _validate_record(result, section, model, index, record)
    _check_duplicate_ids(result, "sources", [(i, s.id) for i, s in result.sources])
    _check_duplicate_ids(result, "entities", [(i, e.id) for i, e in result.entities])
    return result


def _validate_record(
    result: ValidatedDocument, section: str, model: type[BaseModel], index: int, record: Any
) -> None:
    path: Path_ = (section, index)
    if not isinstance(record, dict):
        result.problem(path, "must be a mapping of field names to values")
        return
    try:
        item = model.model_validate(record)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            location: Path_ = tuple(part for part in detail["loc"] if isinstance(part, str | int))
            result.problem(path + location, _message(detail))
        return
    getattr(result, section).append((index, item))


def _message(detail: Any) -> str:
    message = str(detail["msg"]).removeprefix("Value error, ")
    if detail["type"] == "extra_forbidden":
        return "unknown field"
    if detail["type"] == "string_pattern_mismatch":
        return "must be a slug of lower-case letters, digits, '.', '_' and '-', e.g. samsung-electronics"
    if detail["type"] == "enum":
        expected = re.findall(r"'([^']+)'", str(detail.get("ctx", {}).get("expected", "")))
        close = difflib.get_close_matches(str(detail["input"]), expected, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{message}, got {detail['input']!r}{hint}"
    if str(detail["type"]).startswith("date_") and detail["type"] != "date_type":
        why = message[0].lower() + message[1:]
        return f"not a date: {detail['input']!r} (write YYYY-MM-DD, e.g. 2026-01-29; {why})"
    return message


def _check_duplicate_ids(result: ValidatedDocument, section: str, ids: list[tuple[int, str]]) -> None:
    first: dict[str, int] = {}
    for index, item_id in ids:
        if item_id in first:
            where = result.raw.locations.find((section, first[item_id]))
            at = (
                f" (first at line {where.line})" if where.line else f" (first at {section}[{first[item_id]}])"
            )
            result.problem((section, index, "id"), f"duplicate id {item_id!r}{at}")
        else:
            first[item_id] = index
