"""Raw records -> models, collecting every problem with its file, line and field.

Each record is validated on its own so that one bad row does not hide the next; the caller
decides that a unit with any problem writes nothing. A section is validated as one list (one
call into pydantic's validator instead of one per record, the same checks on each record); its
errors carry the record's index, so each problem still names its row and field.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from graph.errors import Problem
from graph.model import Entity, Relationship, Source
from ingest.raw import Path_, RawDocument, dotted

SECTIONS: dict[str, type[BaseModel]] = {"sources": Source, "entities": Entity, "relationships": Relationship}
_LISTS: dict[str, TypeAdapter[list[Any]]] = {
    section: TypeAdapter(list[model])  # type: ignore[valid-type]
    for section, model in SECTIONS.items()
}


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
    for section in SECTIONS:
        records = raw.data.get(section) or []
        if not isinstance(records, list):
            result.problem((section,), "must be a list")
            continue
        _validate_section(result, section, records)
    _check_duplicate_ids(result, "sources", [(i, s.id) for i, s in result.sources])
    _check_duplicate_ids(result, "entities", [(i, e.id) for i, e in result.entities])
    return result


def _validate_section(result: ValidatedDocument, section: str, records: list[Any]) -> None:
    """Validate ``records`` in one call; when some fail, report their errors and validate the
    others again without them, so every valid record is kept (names resolve against them)."""
    indices = [index for index, record in enumerate(records) if isinstance(record, dict)]
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            result.problem((section, index), "must be a mapping of field names to values")
    adapter = _LISTS[section]
    while indices:
        try:
            items = adapter.validate_python([records[index] for index in indices])
        except ValidationError as error:
            failed: set[int] = set()
            for detail in error.errors(include_url=False):
                position, *rest = detail["loc"]
                index = indices[int(position)]
                failed.add(index)
                location: Path_ = tuple(part for part in rest if isinstance(part, str | int))
                result.problem((section, index, *location), _message(detail))
            if not failed:  # every error names its record; a bare one is a bug to surface
                raise
            indices = [index for index in indices if index not in failed]
            continue
        getattr(result, section).extend(zip(indices, items, strict=True))
        return


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
