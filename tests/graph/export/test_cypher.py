"""The Cypher script: literals that mean exactly the text, and a script that, run into a real
Neo4j, gives back the same graph the Neo4j store reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import neo4j
import pytest

from graph.export.base import ExportView
from graph.export.cypher_script import (
    cypher_number,
    cypher_string,
    identifier,
    read_statements,
    write_cypher,
)
from graph.store.neo4j import Neo4jStore

HOSTILE = [
    "plain",
    "it's",
    'say "hi"',
    "back\\slash",
    "\\'",
    "\\",
    "new\nline\r\nwindows",
    "tab\there",
    "'}) DETACH DELETE n; //",
    "</script>",
    "\\u0041 stays six characters",
    "nul\x00 and bell\x07 and \x1f and \u2028",
    "한국어 😀",
]


def test_string_literals_escape_every_special_character() -> None:
    assert cypher_string("it's") == "'it\\'s'"
    assert cypher_string("a\\b") == "'a\\\\b'"
    assert cypher_string("x\ny") == "'x\\ny'"
    assert cypher_string("\x00") == "'\\u0000'"
    for text in HOSTILE:
        literal = cypher_string(text)
        assert "\n" not in literal and "\r" not in literal
    assert cypher_number(1.5e20) == "1.5e20"
    assert cypher_number(15) == "15"
    with pytest.raises(ValueError, match="identifier"):
        identifier("Company) DETACH DELETE (n")


@pytest.mark.neo4j
def test_literals_mean_the_text_in_neo4j(neo4j_credentials: tuple[str, str, str]) -> None:
    uri, user, password = neo4j_credentials
    with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
        query = "RETURN [" + ", ".join(cypher_string(text) for text in HOSTILE) + "] AS texts"
        records, _, _ = driver.execute_query(query)
        assert records[0]["texts"] == HOSTILE
        number, _, _ = driver.execute_query("RETURN " + cypher_number(1.5e20) + " AS n")
        assert number[0]["n"] == 1.5e20


def _run_script(path: Path, credentials: tuple[str, str, str]) -> None:
    uri, user, password = credentials
    with (
        neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver,
        path.open(encoding="utf-8") as lines,
    ):
        for statement in read_statements(lines):
            driver.execute_query(statement)


def _count(credentials: tuple[str, str, str], query: str) -> int:
    uri, user, password = credentials
    with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
        records, _, _ = driver.execute_query(query)
        count: int = records[0][0]
        return count


@pytest.mark.neo4j
def test_script_recreates_the_view_in_a_fresh_neo4j(
    odd_view: ExportView, tmp_path: Path, neo4j_credentials: tuple[str, str, str]
) -> None:
    uri, user, password = neo4j_credentials
    fresh = Neo4jStore(uri, user, password)
    fresh.clear()
    path = tmp_path / "odd.cypher"
    write_cypher(odd_view, path)
    head = path.read_text(encoding="utf-8").splitlines()[:6]
    assert all(line.startswith("//") for line in head)
    assert "memory://odd" in head[1]

    _run_script(path, neo4j_credentials)
    projection = odd_view.projection
    assert _count(neo4j_credentials, "MATCH (e:Entity) RETURN count(e)") == len(projection.entities)
    assert _count(neo4j_credentials, "MATCH (:Entity)-[r]->(:Entity) RETURN count(r)") == len(
        projection.relationships
    )
    assert _count(neo4j_credentials, "MATCH (s:Source) RETURN count(s)") == 2
    assert _count(neo4j_credentials, "MATCH (e:Entity:Company) RETURN count(e)") == 2
    try:
        assert {e.id: e for e in fresh.entities()} == projection.entities
        assert {r.key: r for r in fresh.relationships()} == projection.relationships
        assert {s.id: s for s in fresh.sources()} == projection.sources
        assert fresh.get_entity("msit") is not None
        assert fresh.lookup_names(["아이온큐"]) == {"아이온큐": {"ionq"}}

        _run_script(path, neo4j_credentials)  # MERGE: a second run changes nothing
        assert fresh.stats().entities.total == len(projection.entities)
        assert fresh.stats().relationships.total == len(projection.relationships)
    finally:
        fresh.clear()
        fresh.close()


@pytest.mark.neo4j
def test_seed_script_counts_match_the_store(
    seed_view: ExportView, tmp_path: Path, neo4j_credentials: tuple[str, str, str]
) -> None:
    """The seed graph, read from either store, exported and loaded into Neo4j: the same counts."""
    path = tmp_path / "seed.cypher"
    write_cypher(seed_view, path)
    uri, user, password = neo4j_credentials
    target = Neo4jStore(uri, user, password)
    try:
        target.clear()
        _run_script(path, neo4j_credentials)
        stats = target.stats()
        assert (stats.entities.total, stats.relationships.total, stats.sources) == (
            len(seed_view.projection.entities),
            len(seed_view.projection.relationships),
            1,
        )
        assert stats.evidence == sum(len(r.evidence) for r in seed_view.projection.relationships.values())
        ionq = target.get_entity("ionq")
        assert ionq is not None and ionq.aliases == ["아이온큐"]
        assert min(r.since for r in target.relationships() if r.since) >= date(2000, 1, 1)
    finally:
        target.clear()
        target.close()
