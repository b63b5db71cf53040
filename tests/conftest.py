"""Shared fixtures. Store tests take ``store`` and run once per store: the embedded SQLite file
and a real Neo4j server (``NEO4J_URI`` when set, else one started for the session by
``graph.neo4j_local``). Under ``CI=true`` a Neo4j that cannot start fails the run; elsewhere
the Neo4j cases skip with the reason."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.errors import CkgError
from graph.store.base import GraphStore
from graph.store.neo4j import Neo4jStore
from graph.store.sqlite import SqliteStore
from tests.unavailable import unavailable

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed"
ARTICLE = ROOT / "data" / "sources" / "2026-01-29-korea-quantum-strategy.txt"


def _neo4j_unavailable(reason: str) -> None:
    """Neo4j cases must run in CI: there a missing server fails the run; elsewhere they skip."""
    unavailable(f"Neo4j is unavailable: {reason}")


@pytest.fixture(scope="session")
def neo4j_unavailable() -> Callable[[str], None]:
    """Call with the reason when a Neo4j case cannot run (fails under CI=true, else skips)."""
    return _neo4j_unavailable


@pytest.fixture(scope="session")
def neo4j_credentials(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str]]:
    """(uri, username, password) of a running Neo4j for the whole session."""
    if os.environ.get("NEO4J_URI"):
        yield (
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USERNAME", "neo4j"),
            os.environ["NEO4J_PASSWORD"],
        )
        return
    from graph.neo4j_local import LocalNeo4j

    server = LocalNeo4j(tmp_path_factory.mktemp("neo4j-state"))
    try:
        info = server.start(timeout=240)
    except CkgError as error:
        _neo4j_unavailable(str(error))
    try:
        yield (info.uri, info.username, info.password)
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store of each kind."""
    opened: GraphStore
    if request.param == "sqlite":
        opened = SqliteStore(tmp_path / "ckg.db")
    else:
        uri, username, password = request.getfixturevalue("neo4j_credentials")
        opened = Neo4jStore(uri, username, password)
        opened.clear()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def store_uri(store: GraphStore, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The ``--store`` URI of ``store``, with its credentials in the environment, for CLI tests."""
    if isinstance(store, Neo4jStore):
        credentials: tuple[str, str, str] = request.getfixturevalue("neo4j_credentials")
        uri, username, password = credentials
        monkeypatch.setenv("NEO4J_USERNAME", username)
        monkeypatch.setenv("NEO4J_PASSWORD", password)
        return uri
    return store.uri


@pytest.fixture
def seed_dir() -> Path:
    return SEED
