"""User-written Cypher, read only: the app's query box and `ckg query`.

A user's query is a string we did not write, so it gets three guards:

1. It is planned first (``EXPLAIN``, which runs nothing) and refused unless Neo4j says it only
   reads (query type ``r``): a ``CREATE``, ``MERGE``, ``SET``, ``DELETE``, schema command or
   writing procedure is turned away with a clear message before anything runs.
2. It then runs in a managed *read* transaction, which the server itself refuses to let write,
   with a time limit after which the server stops it.
3. At most ``limit`` rows are read; the result says when more were left.

>>> result = run_read_query(store, "MATCH (e:Entity) RETURN e.name AS name", limit=5)  # doctest: +SKIP
>>> result.columns, result.truncated  # doctest: +SKIP
(['name'], True)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

import neo4j
from neo4j.exceptions import ClientError, Neo4jError
from neo4j.graph import Node, Path, Relationship
from pydantic import BaseModel, Field

from graph.errors import CkgError
from graph.store.neo4j import Neo4jStore

DEFAULT_TIMEOUT = 15.0
"""Seconds a query may run before the server stops it."""
DEFAULT_LIMIT = 1_000
"""Rows returned at most."""


class QueryRefusedError(CkgError):
    """A query that would change the graph, or that the server rejected; nothing was changed."""


class QueryResult(BaseModel):
    """`ckg query --json`: the columns, the rows (JSON values), and whether rows were left out."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="True when the query had more than `limit` rows.")
    limit: int


def run_read_query(
    store: Neo4jStore,
    text: str,
    *,
    parameters: Mapping[str, Any] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    """Run ``text`` read-only on ``store`` and return at most ``limit`` rows.

    Raises QueryRefusedError when the query would write, has a syntax error, or runs past
    ``timeout`` seconds (the message says which); the graph is unchanged in every case.
    """
    text = text.strip().rstrip(";").strip()
    if not text:
        raise QueryRefusedError("the query is empty")
    params = dict(parameters or {})
    with store.read_session() as session:
        kind = _query_type(session, text, params)
        if kind != "r":
            raise QueryRefusedError(
                f"refused: this query would {_WHAT.get(kind, 'change the graph')}; the query box and "
                "`ckg query` only read. Nothing was changed."
            )
        try:
            work = neo4j.unit_of_work(timeout=timeout)(_fetch)
            result: QueryResult = session.execute_read(work, text, params, limit)
            return result
        except ClientError as error:
            raise QueryRefusedError(_explain(error, timeout)) from error
        except Neo4jError as error:
            raise QueryRefusedError(f"Neo4j could not run the query: {error.message or error}") from error


_WHAT = {"w": "write to the graph", "rw": "read and write the graph", "s": "change the schema"}


def _query_type(session: neo4j.Session, text: str, params: dict[str, Any]) -> str:
    try:
        summary = session.run(f"EXPLAIN {text}", params).consume()
    except ClientError as error:
        raise QueryRefusedError(_explain(error, None)) from error
    return str(summary.query_type or "")


def _fetch(tx: neo4j.ManagedTransaction, text: str, params: dict[str, Any], limit: int) -> QueryResult:
    result = tx.run(text, params)
    columns = list(result.keys())
    rows: list[list[Any]] = []
    truncated = False
    for record in result:
        if len(rows) == limit:
            truncated = True
            break
        rows.append([to_json(value) for value in record.values()])
    return QueryResult(columns=columns, rows=rows, truncated=truncated, limit=limit)


def _explain(error: ClientError, timeout: float | None) -> str:
    code = error.code or ""
    if "TransactionTimedOut" in code or "Terminated" in code:
        return f"the query ran longer than {timeout:g} seconds and was stopped; narrow it (a LIMIT, a WHERE)"
    if "AccessMode" in code or "Forbidden" in code:
        return "refused: this query would change the graph; the query box only reads. Nothing was changed."
    return f"Neo4j rejected the query: {error.message or code}"


def to_json(value: Any) -> Any:
    """A Neo4j value as JSON: nodes and relationships as their properties (plus labels or
    type), paths as their nodes and relationships in order, temporal values as ISO strings."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: to_json(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        # an end the query did not return arrives without properties: fall back to its element id
        ends = [(node.get("id") or node.element_id) if node is not None else None for node in value.nodes]
        properties = {k: to_json(v) for k, v in value.items()}
        return {"_type": value.type, "_from": ends[0], "_to": ends[1], **properties}
    if isinstance(value, Path):
        return {
            "nodes": [to_json(node) for node in value.nodes],
            "relationships": [to_json(rel) for rel in value.relationships],
        }
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if hasattr(value, "iso_format"):  # neo4j.time.Date, DateTime, Duration
        return value.iso_format()
    return value
