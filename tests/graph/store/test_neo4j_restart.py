"""Neo4j going away under an open store, through a relay in front of the real server that drops
every connection and refuses new ones (as a restart does, see ``proxy.Relay``): reads run in
managed read transactions, which the driver retries with backoff, so a read made while the
server is briefly away waits and answers; one made while it stays away fails, after the retry
time, with a one-line StoreUnavailableError, not a driver exception."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from graph.errors import StoreUnavailableError
from graph.store.neo4j import Neo4jStore
from graph.store.neo4j_query import run_read_query
from graph.store.path_query import PathQuery
from ingest.loader import ingest_paths
from tests.graph.store.proxy import Relay

pytestmark = pytest.mark.neo4j
AWAY = 2.0
"""Seconds the server is away in the restart case."""


@pytest.fixture
def relay(neo4j_credentials: tuple[str, str, str], seed_dir: Path) -> Iterator[Relay]:
    uri, username, password = neo4j_credentials
    with Neo4jStore(uri, username, password) as direct:
        direct.clear()
        ingest_paths(direct, [seed_dir])
    port = urlsplit(uri).port
    assert port is not None
    with Relay(port) as running:
        yield running


def _open(relay: Relay, credentials: tuple[str, str, str], retry_seconds: float) -> Neo4jStore:
    _, username, password = credentials
    return Neo4jStore(relay.uri, username, password, retry_seconds=retry_seconds)


def test_reads_made_while_neo4j_restarts_wait_for_it_and_answer(
    relay: Relay, neo4j_credentials: tuple[str, str, str]
) -> None:
    with _open(relay, neo4j_credentials, retry_seconds=30) as store:
        stats = store.stats()
        paths = store.shortest_paths("lg-electronics", "ionq", PathQuery())
        assert stats.entities.total == 19 and paths
        reads: dict[str, Callable[[], object]] = {
            "stats": store.stats,
            "paths": lambda: store.shortest_paths("lg-electronics", "ionq", PathQuery()),
            "query": lambda: run_read_query(store, "MATCH (e:Entity) RETURN count(e) AS n").rows,
            "entity": lambda: store.get_entity("ionq"),
        }
        expected = {"stats": stats, "paths": paths, "query": [[19]], "entity": store.get_entity("ionq")}
        for name, read in reads.items():
            relay.stop()  # the open connections drop, new ones are refused...
            back = threading.Timer(AWAY, relay.start)  # ... until the server is back
            back.start()
            started = time.monotonic()
            try:
                answer = read()
            finally:
                back.join()
            assert answer == expected[name], name
            assert time.monotonic() - started >= AWAY * 0.9, f"{name} answered while the server was away"


def test_reads_made_while_neo4j_stays_away_fail_with_one_plain_line(
    relay: Relay, neo4j_credentials: tuple[str, str, str]
) -> None:
    with _open(relay, neo4j_credentials, retry_seconds=1) as store:
        assert store.stats().entities.total == 19
        relay.stop()
        reads: dict[str, Callable[[], object]] = {
            "stats": store.stats,
            "paths": lambda: store.shortest_paths("lg-electronics", "ionq", PathQuery()),
            "query": lambda: run_read_query(store, "MATCH (e:Entity) RETURN e.name"),
            "entities": lambda: list(store.entities()),
            "clear": store.clear,
        }
        for name, read in reads.items():
            with pytest.raises(StoreUnavailableError) as raised:
                read()
            message = str(raised.value)
            assert message.startswith(f"cannot reach Neo4j at {relay.uri}: "), name
            assert "\n" not in message and "try again" in message, name
        relay.start()
        assert store.stats().entities.total == 19  # nothing was cleared while it was away
