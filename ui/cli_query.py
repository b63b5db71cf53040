"""`ckg query CYPHER`: read-only Cypher on a Neo4j store, from the shell.

The same guards as the app's query box (:mod:`graph.store.neo4j_query`): a query that would
write is refused before it runs, and the rest run in a read transaction with a time limit and a
row limit. Text prints a table; ``--json`` prints ``{"columns", "rows", "truncated", "limit"}``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import BadInputError, Problem, UsageError
from ui.cli_context import JsonOption, chosen_store_uri, open_chosen_store
from ui.cli_output import print_json, shown

_out = Console(soft_wrap=True, highlight=False, emoji=False)
_err = Console(stderr=True, soft_wrap=True, highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(query)


def query(
    cypher: Annotated[str, typer.Argument(help="The Cypher query; it may only read.", metavar="CYPHER")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows returned at most.")] = 1_000,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds before the server stops the query.")
    ] = 15.0,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", help="A query parameter NAME=VALUE (VALUE as JSON, else text); repeat."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Run a read-only Cypher query on the Neo4j store (writes are refused; nothing changes)."""
    from graph.store.neo4j import Neo4jStore
    from graph.store.neo4j_query import run_read_query

    parameters = _parameters(param or [])
    with open_chosen_store() as store:
        if not isinstance(store, Neo4jStore):
            raise UsageError(
                f"ckg query runs Cypher, which only a Neo4j store understands; {chosen_store_uri()} is "
                "the embedded store (use --store neo4j://HOST:PORT)"
            )
        result = run_read_query(store, cypher, parameters=parameters, timeout=timeout, limit=limit)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    table = Table(*(shown(column) for column in result.columns), show_header=True)
    for row in result.rows:
        table.add_row(*(shown(_cell(value)) for value in row))
    _out.print(table)
    more = f"; more were left out (--limit {limit})" if result.truncated else ""
    _err.print(f"{len(result.rows)} row(s){more}")


def _parameters(items: list[str]) -> dict[str, Any]:
    parameters: dict[str, Any] = {}
    for item in items:
        name, equals, text = item.partition("=")
        if not equals or not name.strip():
            raise BadInputError([Problem("--param", "", f"{item!r} is not NAME=VALUE")])
        try:
            parameters[name.strip()] = json.loads(text)
        except json.JSONDecodeError:
            parameters[name.strip()] = text
    return parameters


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
