"""Stores: where the graph lives. Pick one with a URI; callers then see only ``GraphStore``.

>>> store = open_store("sqlite:///:memory:")
>>> store.stats().relationships.total
0
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from graph.errors import UsageError
from graph.store.base import GraphStore, Stats

DEFAULT_STORE_URI = "sqlite:///ckg.db"
STORE_ENV = "CKG_STORE"


def resolve_store_uri(uri: str | None = None) -> str:
    """The store to use: the given URI, else ``$CKG_STORE``, else ``ckg.db`` in the working directory."""
    return uri or os.environ.get(STORE_ENV) or DEFAULT_STORE_URI


def open_store(uri: str | None = None, *, create: bool = True) -> GraphStore:
    """Open the store a URI names: ``sqlite:///PATH`` or ``neo4j://``, ``bolt://``, ``neo4j+s://``...
    Neo4j credentials come from ``NEO4J_USERNAME``/``NEO4J_PASSWORD`` (``NEO4J_DATABASE`` picks a
    database). Raises StoreUnavailableError with what to do when the store cannot be opened.
    ``create=False`` refuses to make a new embedded store file: for commands that only read."""
    uri = resolve_store_uri(uri)
    scheme = urlsplit(uri).scheme
    if scheme == "sqlite":
        from graph.store.sqlite import SqliteStore, path_from_uri

        return SqliteStore(path_from_uri(uri), create=create)
    from graph.store.neo4j import NEO4J_SCHEMES, Neo4jStore

    if scheme in NEO4J_SCHEMES:
        return Neo4jStore(uri)
    raise UsageError(
        f"unknown store {uri!r}: use sqlite:///PATH or neo4j://HOST:PORT (also bolt://, neo4j+s://)"
    )


__all__ = ["DEFAULT_STORE_URI", "STORE_ENV", "GraphStore", "Stats", "open_store", "resolve_store_uri"]
