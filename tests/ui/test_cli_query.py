"""`ckg query`: read-only Cypher from the shell on Neo4j (table and --json), writes refused with
exit 1 and the data unchanged, and a clear usage error on the embedded store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from graph.errors import CkgError, UsageError
from graph.store.base import GraphStore
from graph.store.neo4j import Neo4jStore
from ingest.loader import ingest_paths
from ui import cli_query
from ui.cli_context import choose_store


def _run(store_uri: str, *args: str) -> tuple[int, str, str]:
    """Invoke the command as `ckg` would, turning our errors into exit codes like ui.cli.main."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        choose_store(store_uri)

    cli_query.register(app)
    runner = CliRunner()
    result = runner.invoke(app, list(args))
    if isinstance(result.exception, UsageError):
        return 2, result.stdout, str(result.exception)
    if isinstance(result.exception, CkgError):
        return 1, result.stdout, str(result.exception)
    return result.exit_code, result.stdout, result.stderr


def test_query_prints_rows_and_refuses_writes(store: GraphStore, store_uri: str, seed_dir: Path) -> None:
    ingest_paths(store, [seed_dir])
    if not isinstance(store, Neo4jStore):
        code, _, message = _run(store_uri, "query", "MATCH (e) RETURN e")
        assert code == 2 and "only a Neo4j store" in message
        return
    code, out, _ = _run(
        store_uri, "query", "MATCH (e:Entity {id: $id}) RETURN e.name AS name", "--param", "id=ionq", "--json"
    )
    assert code == 0
    assert json.loads(out) == {"columns": ["name"], "rows": [["IonQ"]], "truncated": False, "limit": 1000}

    code, out, _ = _run(store_uri, "query", "MATCH (e:Entity) RETURN e.id AS id ORDER BY id", "--limit", "2")
    assert code == 0 and "bae-kyung-hoon" in out

    before = store.stats()
    code, _, message = _run(store_uri, "query", "MATCH (e:Entity) DETACH DELETE e")
    assert code == 1 and "refused" in message
    assert store.stats() == before


@pytest.mark.parametrize("bad", ["novalue", "=1"])
def test_a_malformed_parameter_is_bad_input(store: GraphStore, store_uri: str, bad: str) -> None:
    code, _, message = _run(store_uri, "query", "RETURN 1", "--param", bad)
    assert code == 1 and "NAME=VALUE" in message
