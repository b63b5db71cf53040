"""A Cypher script that recreates the view in Neo4j, node for node as the Neo4j store writes it,
so ``ckg --store neo4j://...`` reads the result like any store (``cypher-shell -f FILE``).

A script cannot carry parameters, so values are written as literals. That is the one place in
the project where values become query text, and it is done here only: every string goes
through :func:`cypher_string` (backslash, quote and every control character escaped), every
number through :func:`cypher_number`, and labels, relationship types and property names come
from the model's enums and field names, checked against a plain identifier pattern.

>>> cypher_string("it's \\\\ done\\n")
"'it\\\\'s \\\\\\\\ done\\\\n'"
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from graph.export.base import ExportView, ProgressFn, Ticker, no_progress
from graph.model import Entity, EntityKind, Relationship, RelationshipKind, Source, normalise_name
from graph.store.cypher import ENTITY_LABEL, SOURCE_LABEL, schema_statements

BATCH = 200
"""Rows per ``UNWIND`` statement: large enough to load 5,000 entities in seconds, small enough
for cypher-shell to parse each statement quickly."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NEEDS_ESCAPE = re.compile("[\\\\'\x00-\x1f\x7f-\x9f\u2028\u2029]")

T = TypeVar("T")
CypherValue = str | int | float | bool | date | list[str] | None


def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal that means exactly ``text``."""

    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        return _ESCAPES.get(char, f"\\u{ord(char):04x}")

    return "'" + _NEEDS_ESCAPE.sub(escape, text) + "'"


def cypher_number(value: int | float) -> str:
    """A Cypher numeric literal; ``1e+20`` is written ``1e20``, the form Cypher's grammar takes."""
    if isinstance(value, bool):
        raise TypeError("a bool is not a number here")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} has no Cypher literal")
    text = repr(value)
    return text.replace("e+", "e")


def identifier(name: str) -> str:
    """A label, type or property name, refused unless it is a plain identifier."""
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"{name!r} is not a plain identifier")
    return name


def cypher_value(value: CypherValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return cypher_number(value)
    if isinstance(value, date):
        return f"date({cypher_string(value.isoformat())})"
    if isinstance(value, str):
        return cypher_string(value)
    return "[" + ", ".join(cypher_string(item) for item in value) + "]"


def cypher_map(values: dict[str, CypherValue]) -> str:
    return "{" + ", ".join(f"{identifier(key)}: {cypher_value(value)}" for key, value in values.items()) + "}"


def _plain(values: dict[str, Any]) -> dict[str, CypherValue]:
    """Model fields as Cypher values: enums by value, absent (None) fields left out."""
    return {
        key: value.value if isinstance(value, Enum) else value
        for key, value in values.items()
        if value is not None
    }


def source_properties(source: Source) -> dict[str, CypherValue]:
    values = source.model_dump(mode="python")
    return _plain(values)


def entity_properties(entity: Entity) -> dict[str, CypherValue]:
    """The node's properties as the Neo4j store writes them (``names_norm`` for lookups,
    ``attributes`` as the JSON string ``attributes_json``)."""
    values = entity.model_dump(mode="python", exclude={"attributes"})
    props = _plain(values)
    props["names_norm"] = sorted({normalise_name(name) for name in entity.names()})
    if entity.attributes:
        props["attributes_json"] = json.dumps(entity.attributes, ensure_ascii=False, sort_keys=True)
    return props


def relationship_properties(relationship: Relationship) -> dict[str, CypherValue]:
    """The relationship's properties as the Neo4j store writes them: its ``key``, its fields, and
    the evidence as parallel lists (Neo4j properties hold no maps)."""
    values = relationship.model_dump(mode="python", exclude={"kind", "source", "target", "evidence"})
    props: dict[str, CypherValue] = {"key": relationship.key}
    props.update(_plain(values))
    evidence = relationship.evidence
    props["evidence_sources"] = [e.source for e in evidence]
    props["evidence_quotes"] = [e.quote or "" for e in evidence]
    props["evidence_locators"] = [e.locator or "" for e in evidence]
    props["evidence_extracted_by"] = [e.extracted_by for e in evidence]
    return props


def statements(view: ExportView, progress: ProgressFn = no_progress) -> Iterator[str]:
    """The script's statements, without terminators: schema first, then sources, entities and
    relationships in batches. Each statement is one line; string literals never hold a raw
    newline, so a line ending in ``;`` always ends a statement."""
    projection = view.projection
    yield from schema_statements()
    cited = [projection.sources[ref.id] for ref in view.provenance.sources if ref.id in projection.sources]
    for source_batch in _batches(cited):
        rows = ", ".join(cypher_map(source_properties(source)) for source in source_batch)
        yield f"UNWIND [{rows}] AS row MERGE (s:{SOURCE_LABEL} {{id: row.id}}) SET s = row"
    by_kind: dict[EntityKind, list[Entity]] = defaultdict(list)
    for entity in projection.entities.values():
        by_kind[entity.kind].append(entity)
    ticker = Ticker(progress, "entities", len(projection.entities))
    for kind in EntityKind:
        label = identifier(kind.value)
        for batch in _batches(by_kind[kind]):
            rows = ", ".join(cypher_map(entity_properties(entity)) for entity in batch)
            yield f"UNWIND [{rows}] AS row MERGE (e:{ENTITY_LABEL} {{id: row.id}}) SET e = row SET e:{label}"
            for _ in batch:
                ticker.tick()
    ticker.done()
    rel_by_kind: dict[RelationshipKind, list[Relationship]] = defaultdict(list)
    for relationship in projection.relationships.values():
        rel_by_kind[relationship.kind].append(relationship)
    ticker = Ticker(progress, "relationships", len(projection.relationships))
    for rel_kind in RelationshipKind:
        rel_type = identifier(rel_kind.value)
        for rel_batch in _batches(rel_by_kind[rel_kind]):
            rows = ", ".join(
                "{"
                + f"source: {cypher_string(rel.source)}, target: {cypher_string(rel.target)}, "
                + f"props: {cypher_map(relationship_properties(rel))}"
                + "}"
                for rel in rel_batch
            )
            yield (
                f"UNWIND [{rows}] AS row "
                f"MATCH (a:{ENTITY_LABEL} {{id: row.source}}) MATCH (b:{ENTITY_LABEL} {{id: row.target}}) "
                f"MERGE (a)-[r:{rel_type} {{key: row.props.key}}]->(b) SET r = row.props"
            )
            for _ in rel_batch:
                ticker.tick()
    ticker.done()


def _batches(items: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def header(view: ExportView) -> list[str]:
    """Comment lines naming the view, store, time and sources; each is one line whatever the text."""
    provenance = view.provenance

    def comment(text: str) -> str:
        return "// " + " ".join(_CONTROL.sub(" ", text).split())

    return [
        comment(f"consortium-kg Cypher export: {provenance.description}"),
        comment(f"from {provenance.store}, made {provenance.made_at.isoformat()} by {provenance.tool}"),
        comment(
            f"{provenance.entities} entities, {provenance.relationships} relationships, "
            f"{len(provenance.sources)} sources; "
            f"view options {json.dumps(provenance.view, ensure_ascii=False)}"
        ),
        comment(provenance.sources_line(limit=len(provenance.sources) or 1)),
        comment("Run into a Neo4j 5 database: cypher-shell -a URI -u USER -f THIS_FILE"),
        comment("Statements MERGE on ids and keys, so running it twice changes nothing."),
    ]


def write_cypher(view: ExportView, path: Path, progress: ProgressFn = no_progress) -> None:
    """Write the script: comment header, then one statement per line, each ending in ``;``."""
    with path.open("w", encoding="utf-8") as out:
        for line in header(view):
            out.write(line + "\n")
        for statement in statements(view, progress):
            out.write(statement + ";\n")


def read_statements(lines: Iterable[str]) -> list[str]:
    """The statements of a script written by :func:`write_cypher` (what a test or a loader runs)."""
    return [
        line.rstrip("\n")[:-1]
        for line in lines
        if line.rstrip("\n").endswith(";") and not line.startswith("//")
    ]
