"""User-written Cypher, read only: the app's query box and `ckg query`.

A user's query is a string we did not write, so it gets three guards:

1. It is planned first (``EXPLAIN``, which runs nothing) and refused unless Neo4j says it only
   reads (query type ``r``): a ``CREATE``, ``MERGE``, ``SET``, ``DELETE``, schema command or
   writing procedure is turned away with a clear message before anything runs. The plan is
   then read operator by operator, because some queries Neo4j calls reads are not ones a
   reader of the graph should run: ``LOAD CSV`` (files on the server, or any web address),
   ``CALL { ... } IN TRANSACTIONS``, administration commands and other users' transactions
   (``SHOW USERS``, ``TERMINATE TRANSACTIONS``), the server's settings, a database other than
   the store's, and every procedure but the few that describe the graph (``db.labels()``...).
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
    with store.reachable(), store.read_session() as session:
        try:
            summary = session.execute_read(_plan, text, params)
        except ClientError as error:
            raise QueryRefusedError(_explain(error, None)) from error
        refusal = refusal_reason(summary)
        if refusal is not None:
            raise QueryRefusedError(
                f"refused: this query would {refusal}; the query box and `ckg query` only read the "
                "graph. Nothing was changed."
            )
        try:
            work = neo4j.unit_of_work(timeout=timeout)(_fetch)
            result: QueryResult = session.execute_read(work, text, params, limit)
            return result
        except ClientError as error:
            raise QueryRefusedError(_explain(error, timeout)) from error
        except Neo4jError as error:
            raise QueryRefusedError(f"Neo4j could not run the query: {error.message or error}") from error


_WHAT = {
    "w": "write to the graph",
    "rw": "write to the graph",
    "s": "act on the schema or the server (indexes, constraints, settings, caches)",
}

REFUSED_OPERATORS = {
    "LoadCSV": "read a file on the server or a web address (LOAD CSV)",
    "TransactionApply": "run in transactions of its own (CALL { ... } IN TRANSACTIONS)",
    "TransactionForeach": "run in transactions of its own (CALL { ... } IN TRANSACTIONS)",
    "AdministrationCommand": "administer the server (users, roles, databases)",
    "TerminateTransactions": "stop other transactions on the server",
    "ShowTransactions": "list the transactions running on the server",
    "ShowSettings": "read the server's settings",
}
"""Plan operators of queries Neo4j calls reads that the query box still refuses, and why."""

READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
    }
)
"""The procedures a query may call: those that describe the graph. Any other is refused, even one
Neo4j plans as a read (``db.resampleIndex``, ``db.awaitIndexes`` act on the server)."""


def _plan(tx: neo4j.ManagedTransaction, text: str, params: dict[str, Any]) -> neo4j.ResultSummary:
    return tx.run(f"EXPLAIN {text}", params).consume()


def refusal_reason(summary: neo4j.ResultSummary) -> str | None:
    """Why the planned query may not run in the query box (what it would do), or None for a read
    of the store's graph: by the operators of its plan and the query type Neo4j gives it."""
    operators = _operators(summary.plan or {})
    for operator in operators:
        name = str(operator.get("operatorType", "")).partition("@")[0]
        if name in REFUSED_OPERATORS:
            return REFUSED_OPERATORS[name]
    kind = str(summary.query_type or "")
    if kind != "r":
        return _WHAT.get(kind, "change the graph")
    database = summary.database
    for operator in operators:
        name, _, on = str(operator.get("operatorType", "")).partition("@")
        if on and database and on != database:
            return f"use the database {on!r}, not the store's"
        if name == "ProcedureCall":
            details = str((operator.get("args") or {}).get("Details", ""))
            procedure = details.split("(", 1)[0].strip()
            if procedure not in READ_PROCEDURES:
                return f"call the procedure {procedure or 'named in it'}, which is not one that only reads"
    return None


def _operators(plan: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found = [plan]
    for child in plan.get("children") or []:
        found += _operators(child)
    return found


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
