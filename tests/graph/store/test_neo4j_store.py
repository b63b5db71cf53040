"""What only the Neo4j store has: its schema, labels and types from the model, and login errors."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest

from graph.errors import StoreUnavailableError, UsageError
from graph.model import EntityKind, RelationshipKind
from graph.store.neo4j import Neo4jStore
from graph.store.sqlite import SqliteStore
from ingest.loader import ingest_paths

pytestmark = pytest.mark.neo4j


@pytest.fixture
def driver(neo4j_credentials: tuple[str, str, str]) -> neo4j.Driver:
    uri, username, password = neo4j_credentials
    return neo4j.GraphDatabase.driver(uri, auth=(username, password))


def test_the_store_creates_its_constraints(
    neo4j_credentials: tuple[str, str, str], driver: neo4j.Driver
) -> None:
    Neo4jStore(*neo4j_credentials).close()
    records = driver.execute_query("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties").records
    constraints = {(r["labelsOrTypes"][0], r["properties"][0]) for r in records}
    assert {("Entity", "id"), ("Source", "id")} <= constraints
    indexes = driver.execute_query("SHOW INDEXES YIELD labelsOrTypes, properties").records
    assert {(r["labelsOrTypes"][0], r["properties"][0]) for r in indexes if r["labelsOrTypes"]} >= {
        (kind.value, "key") for kind in RelationshipKind
    }


def test_labels_and_types_come_from_the_model(
    neo4j_credentials: tuple[str, str, str], driver: neo4j.Driver, seed_dir: Path
) -> None:
    with Neo4jStore(*neo4j_credentials) as store:
        store.clear()
        ingest_paths(store, [seed_dir])
    labels = {
        label
        for record in driver.execute_query("MATCH (n) RETURN labels(n) AS labels").records
        for label in record["labels"]
    }
    assert labels <= {"Entity", "Source"} | {kind.value for kind in EntityKind}
    types = {r["t"] for r in driver.execute_query("MATCH ()-[r]->() RETURN DISTINCT type(r) AS t").records}
    assert types <= {kind.value for kind in RelationshipKind}
    quotes = driver.execute_query(
        "MATCH (:Entity {id: 'ionq'})-[r:SIGNED_MOU_WITH]-(:Entity {id: 'ministry-of-science-and-ict'}) "
        "RETURN r.evidence_quotes AS quotes"
    ).records[0]["quotes"]
    assert "memorandum of understanding" in quotes[0]


def test_both_stores_hold_the_same_graph(neo4j_credentials: tuple[str, str, str], seed_dir: Path) -> None:
    with Neo4jStore(*neo4j_credentials) as graph_db, SqliteStore(":memory:") as embedded:
        graph_db.clear()
        for store in (graph_db, embedded):
            ingest_paths(store, [seed_dir])
        assert list(graph_db.entities()) == list(embedded.entities())
        assert list(graph_db.relationships()) == list(embedded.relationships())
        assert list(graph_db.sources()) == list(embedded.sources())
        assert graph_db.stats().model_dump(exclude={"store"}) == embedded.stats().model_dump(
            exclude={"store"}
        )


def test_a_wrong_password_is_a_clear_error(neo4j_credentials: tuple[str, str, str]) -> None:
    uri, username, _ = neo4j_credentials
    with pytest.raises(StoreUnavailableError, match="refused the login of 'neo4j'"):
        Neo4jStore(uri, username, "wrong-password")


def test_credentials_never_come_from_the_command_line(neo4j_credentials: tuple[str, str, str]) -> None:
    uri, username, password = neo4j_credentials
    host = uri.split("://", 1)[1]
    with pytest.raises(UsageError, match="put no password in the store URI"):
        Neo4jStore(f"bolt://{username}:{password}@{host}")


def test_password_file_must_be_private(
    neo4j_credentials: tuple[str, str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uri, _, password = neo4j_credentials
    secret = tmp_path / "neo4j-password"
    secret.write_text(password + "\n", encoding="utf-8")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD_FILE", str(secret))
    secret.chmod(0o644)
    with pytest.raises(StoreUnavailableError, match="can be read by others"):
        Neo4jStore(uri)
    secret.chmod(0o600)
    with Neo4jStore(uri) as store:
        assert store.stats().store == uri
