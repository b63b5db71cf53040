"""`ckg ask QUESTION ...`: the app's guided questions from the shell, on any size of graph.

Each question reads from the store only the part of the graph its answer stands on
(:mod:`graph.analysis.store_questions`), so it answers as fast on a national registry as on the
seed. Text prints the table; ``--json`` prints the answer (``question``, ``columns``, ``rows``,
``entities``, ``relationships``, ``note``) with ``truncated`` (rows were left out past
``--limit``) and ``limit``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from graph.analysis import store_questions
from graph.analysis.store_questions import ROWS, StoreAnswer
from graph.errors import BadInputError, Problem
from graph.lookup import resolve_entity
from graph.model import EntityKind, RelationshipKind
from ui.cli_context import JsonOption, open_chosen_store
from ui.cli_output import print_json, shown

ask_app = typer.Typer(
    help="The guided questions of the app's Ask page, answered from the store.", no_args_is_help=True
)
_out = Console(soft_wrap=True, highlight=False, emoji=False)
_err = Console(stderr=True, soft_wrap=True, highlight=False)

_Kind = TypeVar("_Kind", EntityKind, RelationshipKind)
Limit = Annotated[int, typer.Option("--limit", min=1, help="Rows returned at most.")]
Entity = Annotated[str, typer.Argument(help="The stakeholder: id, name or alias.")]


def register(app: typer.Typer) -> None:
    app.add_typer(ask_app, name="ask")


def _print(found: StoreAnswer, limit: int | None, as_json: bool) -> None:
    if as_json:
        print_json({**found.answer.model_dump(mode="json"), "truncated": found.cut, "limit": limit})
        return
    answer = found.answer
    _out.print(f"[bold]{shown(answer.question)}[/]")
    if not answer.rows:
        _out.print(f"No answer: {shown(answer.note)}.")
        return
    # one record per row, not a table: quotes and lists of names wrap a table past reading
    first, *others = answer.columns
    for row in answer.rows:
        _out.print(f"\n[bold]{shown(row.get(first))}[/]")
        for column in others:
            if row.get(column) is not None:
                _out.print(f"  [dim]{shown(column)}:[/] {shown(row[column])}")
    more = f"; more were left out (--limit {limit})" if found.cut else ""
    _err.print(f"{len(answer.rows)} row(s){more}")


def _enum(kind: type[_Kind], text: str, field: str) -> _Kind:
    """The member of ``kind`` that ``text`` names, in any case (``university``, ``University``)."""
    wanted = text.strip().casefold()
    for member in kind:
        if member.value.casefold() == wanted:
            return member
    known = ", ".join(k.value for k in kind)
    raise BadInputError([Problem(field, "", f"{text!r} is not one of {known}")])


def _ask_about(question: Callable[..., StoreAnswer], *stakeholders: str) -> StoreAnswer:
    """``question`` asked of the chosen store about ``stakeholders``, each named by id, name or
    alias."""
    with open_chosen_store() as store:
        return question(store, *(resolve_entity(store, text) for text in stakeholders))


@ask_app.command()
def since(
    kind: Annotated[str, typer.Argument(help="The kind of tie, e.g. SIGNED_MOU_WITH.")],
    day: Annotated[str, typer.Argument(help="The first day, YYYY-MM-DD.", metavar="DATE")],
    limit: Limit = ROWS,
    as_json: JsonOption = False,
) -> None:
    """Every tie of a kind that began on or after a date, newest first."""
    chosen = _enum(RelationshipKind, kind, "KIND")
    try:
        first = date.fromisoformat(day)
    except ValueError:
        raise BadInputError([Problem("DATE", "", f"{day!r} is not a date (want YYYY-MM-DD)")]) from None
    with open_chosen_store() as store:
        found = store_questions.ties_since(store, chosen, first, limit)
    _print(found, limit, as_json)


@ask_app.command()
def funds(entity: Entity, as_json: JsonOption = False) -> None:
    """Who funds or invests in a stakeholder, and what it funds."""
    _print(_ask_about(store_questions.who_funds, entity), None, as_json)


@ask_app.command()
def members(
    cluster: Annotated[str, typer.Argument(help="The cluster, consortium or place.")],
    as_json: JsonOption = False,
) -> None:
    """Who is a member of, part of or located in a cluster."""
    _print(_ask_about(store_questions.members_of, cluster), None, as_json)


@ask_app.command()
def lacking(
    kind: Annotated[str, typer.Argument(help="The kind of member, e.g. UNIVERSITY.")],
    limit: Limit = ROWS,
    as_json: JsonOption = False,
) -> None:
    """The clusters with no member of a kind (of any status), by name."""
    chosen = _enum(EntityKind, kind, "KIND")
    with open_chosen_store() as store:
        found = store_questions.clusters_without(store, chosen, limit)
    _print(found, limit, as_json)


@ask_app.command()
def connectors(a: Entity, b: Entity, as_json: JsonOption = False) -> None:
    """Who connects one stakeholder's partners to another's (refused when either has more than
    20,000 stakeholders within two ties)."""
    _print(_ask_about(store_questions.connectors, a, b), None, as_json)
