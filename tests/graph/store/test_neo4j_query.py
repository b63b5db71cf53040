"""Read-only Cypher on a real Neo4j (`ckg query` and the app's query box): reads return rows as
JSON values up to the row limit; writes of every sort are refused before they run and the graph
stays as it was; a syntax error and a query past its time limit say so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store.neo4j import Neo4jStore
from graph.store.neo4j_query import QueryRefusedError, run_read_query
from ingest.loader import ingest_paths

pytestmark = pytest.mark.neo4j


@pytest.fixture
def seeded_neo4j(neo4j_credentials: tuple[str, str, str], seed_dir: Path) -> Iterator[Neo4jStore]:
    uri, username, password = neo4j_credentials
    store = Neo4jStore(uri, username, password)
    store.clear()
    ingest_paths(store, [seed_dir])
    try:
        yield store
    finally:
        store.close()


def test_a_read_returns_columns_rows_and_json_values(seeded_neo4j: Neo4jStore) -> None:
    result = run_read_query(
        seeded_neo4j,
        "MATCH (a:Entity {id: $id})-[r:INVESTS_IN]->(b:Entity) "
        "RETURN a, r, b, b.name AS place, date('2026-01-29') AS day",
        parameters={"id": "ionq"},
    )
    assert result.columns == ["a", "r", "b", "place", "day"]
    [[node, tie, _, place, day]] = result.rows
    assert node["id"] == "ionq" and "Company" in node["_labels"]
    assert (tie["_type"], tie["_from"], tie["_to"]) == ("INVESTS_IN", "ionq", "south-korea")
    assert place == "South Korea" and day == "2026-01-29"
    assert not result.truncated


def test_the_row_limit_cuts_and_says_so(seeded_neo4j: Neo4jStore) -> None:
    result = run_read_query(seeded_neo4j, "MATCH (e:Entity) RETURN e.id ORDER BY e.id", limit=5)
    assert len(result.rows) == 5 and result.truncated


@pytest.mark.parametrize(
    "cypher",
    [
        "MATCH (e:Entity) DETACH DELETE e",
        "CREATE (:Entity {id: 'intruder', name: 'Intruder'})",
        "MERGE (e:Entity {id: 'ionq'}) SET e.name = 'Renamed'",
        "MATCH (e:Entity {id: 'ionq'}) SET e.name = 'Renamed' RETURN e",
        "MATCH (e:Entity {id: 'ionq'}) REMOVE e.name",
        "CREATE INDEX intruder IF NOT EXISTS FOR (n:Entity) ON (n.description)",
        "MATCH (e:Entity) WITH e LIMIT 1 CALL { WITH e DELETE e } RETURN 1",
    ],
)
def test_writes_are_refused_and_change_nothing(seeded_neo4j: Neo4jStore, cypher: str) -> None:
    before = seeded_neo4j.stats()
    with pytest.raises(QueryRefusedError, match=r"Nothing was changed|rejected"):
        run_read_query(seeded_neo4j, cypher)
    assert seeded_neo4j.stats() == before
    assert seeded_neo4j.get_entity("ionq").name == "IonQ"  # type: ignore[union-attr]


def test_a_syntax_error_and_an_empty_query_say_what_is_wrong(seeded_neo4j: Neo4jStore) -> None:
    with pytest.raises(QueryRefusedError, match="rejected the query"):
        run_read_query(seeded_neo4j, "MATCH (e:Entity RETURN e")
    with pytest.raises(QueryRefusedError, match="empty"):
        run_read_query(seeded_neo4j, "  ;  ")


def test_a_query_past_its_time_limit_is_stopped(seeded_neo4j: Neo4jStore) -> None:
    slow = "UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)"
    with pytest.raises(QueryRefusedError, match=r"longer than 0\.5 seconds"):
        run_read_query(seeded_neo4j, slow, timeout=0.5)
