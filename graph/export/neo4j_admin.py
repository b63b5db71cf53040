"""The files ``neo4j-admin database import full`` reads: the fastest first load of a very large
graph into an empty Neo4j database, which then reads like one the Neo4j store wrote.

The folder holds ``sources.csv``, ``entities.csv`` and ``relationships.csv`` with typed headers
(``id:ID(Entity)``, ``:LABEL``, ``since:date``, ``aliases:string[]``...), ``provenance.json``,
``import.sh`` with the command, and ``after-import.cypher`` to run once the server is up. Lists
(and a node's labels) use U+001F, the unit separator no text of ours holds, between items, so an
alias or quote may contain any ordinary character; fields may hold newlines, so the import runs
with ``--multiline-fields=true``.

>>> write_neo4j_admin(view, Path("korea-import"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from graph.export.base import ExportView, ProgressFn, Ticker, no_progress
from graph.export.cypher_script import (
    CypherValue,
    entity_properties,
    relationship_properties,
    source_properties,
)
from graph.store.cypher import ENTITY_LABEL, SOURCE_LABEL, schema_statements

ARRAY_DELIMITER = "\u001f"
ARRAY_DELIMITER_OPTION = "U+001F"

SOURCE_COLUMNS = (
    ("title", "string"),
    ("kind", "string"),
    ("publisher", "string"),
    ("author", "string"),
    ("url", "string"),
    ("published", "date"),
    ("local_copy", "string"),
    ("visibility", "string"),
)
ENTITY_COLUMNS = (
    ("kind", "string"),
    ("name", "string"),
    ("aliases", "string[]"),
    ("status", "string"),
    ("country", "string"),
    ("region", "string"),
    ("sectors", "string[]"),
    ("description", "string"),
    ("website", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("attributes_json", "string"),
    ("names_norm", "string[]"),
)
RELATIONSHIP_COLUMNS = (
    ("key", "string"),
    ("since", "date"),
    ("until", "date"),
    ("status", "string"),
    ("amount", "double"),
    ("currency", "string"),
    ("note", "string"),
    ("evidence_sources", "string[]"),
    ("evidence_quotes", "string[]"),
    ("evidence_locators", "string[]"),
    ("evidence_extracted_by", "string[]"),
)


def _cell(value: CypherValue) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(item.replace(ARRAY_DELIMITER, " ") for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value.replace(ARRAY_DELIMITER, " ")
    return value.isoformat() if hasattr(value, "isoformat") else repr(value)


def _header(columns: tuple[tuple[str, str], ...]) -> list[str]:
    return [name if kind == "string" else f"{name}:{kind}" for name, kind in columns]


def write_neo4j_admin(view: ExportView, folder: Path, progress: ProgressFn = no_progress) -> None:
    """Write the import files into ``folder`` (created if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    projection = view.projection
    cited = [projection.sources[ref.id] for ref in view.provenance.sources if ref.id in projection.sources]
    with _open(folder / "sources.csv") as out:
        writer = _Writer(out)
        writer.writerow([f"id:ID({SOURCE_LABEL})", ":LABEL", *_header(SOURCE_COLUMNS)])
        for source in cited:
            props = source_properties(source)
            writer.writerow(
                [source.id, SOURCE_LABEL, *(_cell(props.get(name)) for name, _ in SOURCE_COLUMNS)]
            )
    ticker = Ticker(progress, "entities", len(projection.entities))
    with _open(folder / "entities.csv") as out:
        writer = _Writer(out)
        writer.writerow([f"id:ID({ENTITY_LABEL})", ":LABEL", *_header(ENTITY_COLUMNS)])
        for entity in projection.entities.values():
            props = entity_properties(entity)
            labels = ARRAY_DELIMITER.join((ENTITY_LABEL, entity.kind.value))  # :LABEL splits on it too
            writer.writerow([entity.id, labels, *(_cell(props.get(name)) for name, _ in ENTITY_COLUMNS)])
            ticker.tick()
    ticker.done()
    ticker = Ticker(progress, "relationships", len(projection.relationships))
    with _open(folder / "relationships.csv") as out:
        writer = _Writer(out)
        writer.writerow(
            [
                f":START_ID({ENTITY_LABEL})",
                f":END_ID({ENTITY_LABEL})",
                ":TYPE",
                *_header(RELATIONSHIP_COLUMNS),
            ]
        )
        for rel in projection.relationships.values():
            props = relationship_properties(rel)
            writer.writerow(
                [
                    rel.source,
                    rel.target,
                    rel.kind.value,
                    *(_cell(props.get(name)) for name, _ in RELATIONSHIP_COLUMNS),
                ]
            )
            ticker.tick()
    ticker.done()
    (folder / "provenance.json").write_text(
        json.dumps(view.provenance.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
    (folder / "after-import.cypher").write_text(
        "".join(statement + ";\n" for statement in after_import_statements()), encoding="utf-8"
    )
    script = folder / "import.sh"
    script.write_text(import_script(), encoding="utf-8")
    script.chmod(0o755)


def import_arguments(folder: Path | None = None, database: str = "neo4j") -> list[str]:
    """The arguments after ``neo4j-admin`` that load the folder into ``database`` (empty or new)."""
    prefix = f"{folder}/" if folder is not None else ""
    return [
        "database",
        "import",
        "full",
        f"--nodes={prefix}sources.csv",
        f"--nodes={prefix}entities.csv",
        f"--relationships={prefix}relationships.csv",
        f"--array-delimiter={ARRAY_DELIMITER_OPTION}",
        "--multiline-fields=true",
        "--overwrite-destination=false",
        database,
    ]


AFTER_IMPORT_BATCH = 10_000
"""Relationships the after-import statements update per transaction: in one transaction,
500,000 relationships needed more than the 1.4 GiB of transaction memory a 2 GB heap allows."""


def after_import_statements() -> list[str]:
    """What to run once the imported database is started: the store's constraints and indexes,
    and the evidence lists neo4j-admin cannot write. It reads a list holding only an empty string
    (the locator of a relationship whose one piece of evidence is a quote) as no list at all; the
    store needs every evidence list as long as ``evidence_sources``, '' meaning absent.

    The updates commit every ``AFTER_IMPORT_BATCH`` relationships (``CALL ... IN TRANSACTIONS``),
    so each statement must run in an auto-commit transaction of its own, as ``cypher-shell -f``
    runs them (a driver's ``session.run``, not a managed transaction). Both are idempotent."""
    fill = ", ".join(
        f"r.{name} = coalesce(r.{name}, [s IN r.evidence_sources | ''])"
        for name in ("evidence_quotes", "evidence_locators")
    )
    # the dates as-of searches read, as the store's upsert sets them (graph/store/cypher.py)
    first_reported = (
        f"MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL}) CALL (r) {{ "
        f"OPTIONAL MATCH (s:{SOURCE_LABEL}) WHERE s.id IN coalesce(r.evidence_sources, []) "
        "WITH r, min(s.published) AS first "
        "SET r.sources_first = first, r.first_reported = coalesce(r.since, first) "
        f"}} IN TRANSACTIONS OF {AFTER_IMPORT_BATCH} ROWS"
    )
    return [
        *schema_statements(),
        f"MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL}) WHERE r.evidence_sources IS NOT NULL "
        f"CALL (r) {{ SET {fill} }} IN TRANSACTIONS OF {AFTER_IMPORT_BATCH} ROWS",
        first_reported,
    ]


def import_script() -> str:
    arguments = " \\\n    ".join(shlex.quote(argument) for argument in import_arguments())
    return (
        "#!/bin/sh\n"
        "# Load this folder into a new, empty Neo4j 5 database (stop the server first), e.g.\n"
        "#   NEO4J_HOME=/var/lib/neo4j ./import.sh\n"
        "# then start Neo4j and run after-import.cypher once (constraints, indexes, and evidence lists\n"
        "# neo4j-admin cannot write), e.g. cypher-shell -a neo4j://HOST:7687 -f after-import.cypher\n"
        "# (each statement in its own auto-commit transaction: the updates commit in batches)\n"
        'cd "$(dirname "$0")" || exit 1\n'
        f'"${{NEO4J_ADMIN:-neo4j-admin}}" {arguments}\n'
    )


class _Writer:
    """CSV rows in which an absent value is an empty field (neo4j-admin: no property) and every
    present one is quoted, so an empty string, or a list holding one, stays an empty string
    (neo4j-admin reads an unquoted empty field as null and a quoted one as '')."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def writerow(self, cells: Iterable[str | None]) -> None:
        fields = ("" if cell is None else '"' + cell.replace('"', '""') + '"' for cell in cells)
        self._out.write(",".join(fields) + "\n")


def _open(path: Path) -> TextIO:
    """UTF-8 without a byte-order mark: neo4j-admin would read one as part of the first header."""
    return path.open("w", encoding="utf-8", newline="")
