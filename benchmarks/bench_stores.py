"""The stores benchmarks measure: Neo4j from NEO4J_URI (and its credentials) or a local server."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.store.base import GraphStore


@contextmanager
def neo4j_store() -> Iterator[GraphStore]:
    """The Neo4j at NEO4J_URI, else a throwaway local server started for the run."""
    from graph.store.neo4j import Neo4jStore

    if os.environ.get("NEO4J_URI"):
        with Neo4jStore(os.environ["NEO4J_URI"]) as store:
            yield store
        return
    from graph.neo4j_local import LocalNeo4j

    server = LocalNeo4j(Path(tempfile.mkdtemp(prefix="ckg-bench-neo4j-")))
    info = server.start(timeout=300)
    try:
        with Neo4jStore(info.uri, info.username, info.password) as store:
            yield store
    finally:
        server.stop()
