"""graph.neo4j_local against a real server: what `ckg neo4j start | status | stop` promise."""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j
import pytest

from graph.errors import ServerError
from graph.neo4j_local import LocalNeo4j, ServerInfo, check_prerequisites

pytestmark = pytest.mark.neo4j


@pytest.fixture
def server(tmp_path: Path, neo4j_unavailable: Callable[[str], None]) -> Iterator[LocalNeo4j]:
    try:
        check_prerequisites()
    except ServerError as error:
        neo4j_unavailable(str(error))
    local = LocalNeo4j(tmp_path / "state")
    try:
        yield local
    finally:
        local.stop()  # never leave a JVM behind, whatever failed


def query_with(info: ServerInfo, query: str) -> list[neo4j.Record]:
    """Connect the way a user would: with the printed NEO4J_* lines, not the object's fields."""
    env = dict(line.split("=", 1) for line in info.env_lines())
    auth = (env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"])
    with neo4j.GraphDatabase.driver(env["NEO4J_URI"], auth=auth) as driver:
        return driver.execute_query(query).records


def test_throwaway_start_status_stop(server: LocalNeo4j) -> None:
    info = server.start(timeout=240)
    assert info.throwaway
    assert info.data_dir.is_dir()
    assert query_with(info, "RETURN 1 AS one")[0]["one"] == 1
    assert server.status() == info
    assert server.start() == info  # already running: same server, not a second one
    state = server.state_dir / "state.json"
    assert stat.S_IMODE(state.stat().st_mode) == 0o600

    assert server.stop() is True
    assert server.status() is None
    assert not info.data_dir.exists()
    assert not state.exists()
    assert server.stop() is False


def test_kept_data_dir_survives_a_restart_with_its_password(server: LocalNeo4j, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = server.start(data_dir=data, timeout=240)
    assert not first.throwaway
    query_with(first, "CREATE (:Probe {name: 'kept'})")
    assert server.stop() is True
    assert data.is_dir()

    second = server.start(data_dir=data, timeout=240)
    assert second.password == first.password
    assert query_with(second, "MATCH (p:Probe) RETURN p.name AS name")[0]["name"] == "kept"
