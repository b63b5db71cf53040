"""Read-only Cypher on a real Neo4j (`ckg query` and the app's query box): reads return rows as
JSON values up to the row limit; writes of every sort are refused before they run and the graph
stays as it was; a syntax error and a query past its time limit say so. Each kind of write, file
access, procedure and administration command is refused on its own, with a message saying what
it would have done, and the graph, its schema, its tokens and the server's users are unchanged;
reads of the graph and its schema still run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graph.store.neo4j import Neo4jStore
from graph.store.neo4j_query import QueryRefusedError, run_read_query
from ingest.loader import ingest_paths
from tests.graph.store.content import content_digest

pytestmark = pytest.mark.neo4j
SEED = Path(__file__).resolve().parents[3] / "data" / "seed"


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


REFUSED = (
    "refused: this query would {}; the query box and `ckg query` only read the graph. Nothing was changed."
)
WRITES = REFUSED.format("write to the graph")
SCHEMA = REFUSED.format("act on the schema or the server (indexes, constraints, settings, caches)")
ADMIN = REFUSED.format("administer the server (users, roles, databases)")
IN_TRANSACTIONS = REFUSED.format("run in transactions of its own (CALL { ... } IN TRANSACTIONS)")
LOAD_CSV = REFUSED.format("read a file on the server or a web address (LOAD CSV)")
REJECTED = "Neo4j rejected the query: "


def _procedure(name: str) -> str:
    return REFUSED.format(f"call the procedure {name}, which is not one that only reads")


@pytest.mark.parametrize(
    ("cypher", "message"),
    [
        pytest.param("CREATE (:Entity {id: 'intruder', name: 'Intruder'})", WRITES, id="create"),
        pytest.param("MERGE (e:Entity {id: 'intruder'})", WRITES, id="merge"),
        pytest.param("MATCH (e:Entity {id: 'ionq'}) SET e:Intruder", WRITES, id="set-label"),
        pytest.param("MATCH ()-[r]->() DELETE r", WRITES, id="delete"),
        pytest.param("MATCH (e:Entity) DETACH DELETE e", WRITES, id="detach-delete"),
        pytest.param("MATCH (e:Entity) REMOVE e:Company", WRITES, id="remove-label"),
        pytest.param("MATCH (e:Entity) FOREACH (x IN [1] | SET e.x = x)", WRITES, id="foreach-set"),
        pytest.param("FOREACH (x IN [1] | CREATE (:Intruder))", WRITES, id="foreach-create"),
        pytest.param("UNWIND [1] AS x CALL { CREATE (:Intruder) } RETURN x", WRITES, id="subquery-create"),
        pytest.param(
            "CALL { MATCH (e:Entity) RETURN e } IN TRANSACTIONS RETURN e.id", IN_TRANSACTIONS, id="in-tx-read"
        ),
        pytest.param(
            "MATCH (e:Entity) CALL { WITH e DETACH DELETE e } IN TRANSACTIONS",
            IN_TRANSACTIONS,
            id="in-tx-delete",
        ),
        pytest.param("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", LOAD_CSV, id="load-csv-file"),
        pytest.param(
            "LOAD CSV WITH HEADERS FROM 'https://example.org/x.csv' AS row RETURN row",
            LOAD_CSV,
            id="load-csv-url",
        ),
        pytest.param(
            "LOAD CSV FROM 'file:///x.csv' AS line CREATE (:Intruder {v: line[0]})",
            LOAD_CSV,
            id="load-csv-create",
        ),
        pytest.param("CREATE INDEX intruder FOR (n:Entity) ON (n.description)", SCHEMA, id="create-index"),
        pytest.param("DROP INDEX entity_kind", SCHEMA, id="drop-index"),
        pytest.param(
            "CREATE CONSTRAINT intruder FOR (n:Entity) REQUIRE n.name IS UNIQUE",
            SCHEMA,
            id="create-constraint",
        ),
        pytest.param("DROP CONSTRAINT entity_id", SCHEMA, id="drop-constraint"),
        pytest.param("CALL db.createLabel('Intruder')", WRITES, id="db.createLabel"),
        pytest.param("CALL db.createProperty('intruder')", WRITES, id="db.createProperty"),
        pytest.param("CALL db.createRelationshipType('INTRUDER')", WRITES, id="db.createRelationshipType"),
        pytest.param("CALL db.clearQueryCaches()", SCHEMA, id="db.clearQueryCaches"),
        pytest.param("CALL dbms.listConfig()", SCHEMA, id="dbms.listConfig"),
        pytest.param("CALL tx.setMetaData({who: 'intruder'})", SCHEMA, id="tx.setMetaData"),
        pytest.param(
            "CALL db.resampleIndex('entity_kind')", _procedure("db.resampleIndex"), id="db.resampleIndex"
        ),
        pytest.param(
            "CALL db.prepareForReplanning()",
            _procedure("db.prepareForReplanning"),
            id="db.prepareForReplanning",
        ),
        # not in Community 5.26: the server says there is no such procedure, and nothing runs
        pytest.param(
            "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", REJECTED, id="dbms.setConfigValue"
        ),
        pytest.param(
            "CALL db.index.fulltext.createNodeIndex('intruder', ['Entity'], ['name'])",
            REJECTED,
            id="db.index.fulltext.createNodeIndex",
        ),
        pytest.param(
            "CALL dbms.security.createUser('intruder', 'secret-password', false)",
            REJECTED,
            id="dbms.security.createUser",
        ),
        pytest.param("SHOW USERS", ADMIN, id="show-users"),
        pytest.param("CREATE USER intruder SET PASSWORD 'secret-password'", ADMIN, id="create-user"),
        pytest.param("ALTER USER neo4j SET PASSWORD 'secret-password'", ADMIN, id="alter-user"),
        pytest.param("SHOW DATABASES", ADMIN, id="show-databases"),
        pytest.param("CREATE DATABASE intruder", REJECTED, id="create-database"),
        pytest.param("STOP DATABASE neo4j", REJECTED, id="stop-database"),
        pytest.param("USE system SHOW USERS", REJECTED, id="use-system-show-users"),
        pytest.param("USE system MATCH (n) RETURN n", REJECTED, id="use-system-match"),
        pytest.param(
            "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
            REFUSED.format("stop other transactions on the server"),
            id="terminate-transactions",
        ),
        pytest.param(
            "SHOW TRANSACTIONS",
            REFUSED.format("list the transactions running on the server"),
            id="show-transactions",
        ),
        pytest.param("SHOW SETTINGS", REFUSED.format("read the server's settings"), id="show-settings"),
    ],
)
def test_each_write_file_and_admin_query_is_refused_and_changes_nothing(
    seeded_once: Neo4jStore, driver: neo4j.Driver, cypher: str, message: str
) -> None:
    before = _everything(seeded_once, driver)
    with pytest.raises(QueryRefusedError) as refused:
        run_read_query(seeded_once, cypher)
    assert str(refused.value).startswith(message), str(refused.value)
    assert _everything(seeded_once, driver) == before


@pytest.fixture(scope="module")
def seeded_once(neo4j_credentials: tuple[str, str, str]) -> Iterator[Neo4jStore]:
    """The seed data, loaded once for all the refusal cases: each checks it changed nothing."""
    uri, username, password = neo4j_credentials
    with Neo4jStore(uri, username, password) as store:
        store.clear()
        ingest_paths(store, [SEED])
        yield store


@pytest.fixture(scope="module")
def driver(neo4j_credentials: tuple[str, str, str]) -> Iterator[neo4j.Driver]:
    uri, username, password = neo4j_credentials
    with neo4j.GraphDatabase.driver(uri, auth=(username, password)) as opened:
        yield opened


def _everything(store: Neo4jStore, driver: neo4j.Driver) -> dict[str, object]:
    """What a query could change: the graph, the schema, the tokens, the users, the settings."""

    def column(query: str, database: str | None = None) -> list[object]:
        records, _, _ = driver.execute_query(query, database_=database)
        return sorted(record[0] for record in records)

    return {
        "graph": content_digest(store),
        "stats": store.stats(),
        "nodes": column("MATCH (n) RETURN count(n)"),
        "indexes": column("SHOW INDEXES YIELD name RETURN name"),
        "constraints": column("SHOW CONSTRAINTS YIELD name RETURN name"),
        "labels": column("CALL db.labels() YIELD label RETURN label"),
        "types": column("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType"),
        "keys": column("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey"),
        "users": column("SHOW USERS YIELD user RETURN user", "system"),
        "databases": column("SHOW DATABASES YIELD name, currentStatus RETURN name + currentStatus", "system"),
        "query log": column(
            "SHOW SETTINGS YIELD name, value WHERE name = 'db.logs.query.enabled' RETURN value"
        ),
    }


@pytest.mark.parametrize(
    "cypher",
    [
        "CALL db.labels()",
        "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
        "CALL db.schema.visualization()",
        "SHOW INDEXES",
        "SHOW CONSTRAINTS",
        "USE neo4j MATCH (e:Entity) RETURN count(e)",
        "MATCH p = (:Entity {id: 'lg-electronics'})-[*..3]-(:Entity {id: 'ionq'}) RETURN length(p) LIMIT 1",
    ],
)
def test_reads_of_the_graph_and_its_schema_still_run(seeded_once: Neo4jStore, cypher: str) -> None:
    assert run_read_query(seeded_once, cypher).rows
