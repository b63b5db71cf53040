"""`ckg path | neighbours | gaps | suggest | metrics`: analysis from the command line.

Each command reads the store into a projection of the chosen view (or, for `path` on a large
graph and `neighbours`, lets the store answer), calls one function of graph/analysis/, and
prints its result: text for people, ``--json`` for scripts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.bulk import keep_until_exit, paused_gc
from graph.errors import BadInputError, Problem
from graph.lookup import resolve_entity
from graph.model import RelationshipKind
from graph.store.base import GraphStore
from ui.cli_context import JsonOption, open_chosen_store
from ui.cli_output import ProgressUpdate, print_json, progress_bar, shown

if TYPE_CHECKING:  # analysis pulls in networkx and scipy: imported by the commands that use it
    from graph.analysis.paths import Rank
    from graph.analysis.projection import GraphFilter, Projection
    from graph.analysis.results import Hop, PathsAnswer

_out = Console(soft_wrap=True, highlight=False, emoji=False)  # names print as they are: see shown
_err = Console(stderr=True)

AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="The graph as it stood on this date (YYYY-MM-DD).", metavar="DATE"),
]
Via = Annotated[
    str | None,
    typer.Option(
        "--via", help="Only these relationship kinds, comma-separated, e.g. MEMBER_OF,SIGNED_MOU_WITH."
    ),
]
AvoidEnded = Annotated[bool, typer.Option("--avoid-ended", help="Leave out relationships that have ended.")]


def register(app: typer.Typer) -> None:
    for command in (path, neighbours, gaps, suggest, metrics, generate):
        app.command()(command)


def _view(
    as_of: str | None,
    via: str | None = None,
    avoid_ended: bool = False,
    exclude: frozenset[str] = frozenset(),
) -> GraphFilter:
    from graph.analysis.projection import GraphFilter

    return GraphFilter(
        as_of=_parse_date(as_of),
        relationship_kinds=_parse_kinds(via),
        include_ended=not avoid_ended,
        exclude=exclude,
    )


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInputError([Problem("--as-of", "", f"{text!r} is not a date (want YYYY-MM-DD)")]) from None


def _parse_kinds(text: str | None) -> frozenset[RelationshipKind] | None:
    if not text:
        return None
    kinds = set()
    for name in (part.strip().upper() for part in text.split(",") if part.strip()):
        try:
            kinds.add(RelationshipKind(name))
        except ValueError:
            known = ", ".join(k.value for k in RelationshipKind)
            raise BadInputError(
                [Problem("--via", "", f"{name!r} is not a relationship kind ({known})")]
            ) from None
    return frozenset(kinds)


def _projection(store: GraphStore, view: GraphFilter, *, details: bool = True) -> Projection:
    """The view read into memory, saying on a terminal what it is reading: at 100,000 entities
    the read takes seconds, which a silent command would spend looking hung. ``details=False``
    for the commands that quote no evidence: see :func:`graph.analysis.projection.project`."""
    from graph.analysis.projection import project

    with _working() as say:
        counts = store.stats()
        say(f"reading {counts.entities.total:,} entities and {counts.relationships.total:,} relationships")
        # this command holds the graph until it exits (see graph.bulk), so it is frozen before
        # the collector resumes: resuming first walked the million new objects once, half a
        # second at 100,000 entities, only to find them alive
        with paused_gc():
            projection = project(store, view, details=details, stats=counts)
            keep_until_exit()
    return projection


@contextmanager
def _working() -> Iterator[ProgressUpdate]:
    """A transient status line on stderr while a step runs, only where stderr is a terminal
    (never in a script's output, nor with ``--json`` piped)."""
    with progress_bar("analysis", show=_err.is_terminal) as update:
        yield update


def path(
    source: Annotated[str, typer.Argument(help="One stakeholder: id, name or alias.")],
    target: Annotated[str, typer.Argument(help="The other stakeholder.")],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="How many distinct paths.")] = 1,
    via: Via = None,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Leave out this stakeholder (repeat for more).")
    ] = None,
    avoid_ended: AvoidEnded = False,
    max_length: Annotated[
        int | None, typer.Option("--max-length", min=1, help="At most this many hops.")
    ] = None,
    rank: Annotated[
        str,
        typer.Option(
            "--rank", help="hops: fewest hops first; weight: cheapest ties (recent, active, well sourced)."
        ),
    ] = "hops",
    as_of: AsOf = None,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="memory: search a projection of the view (any k, either rank); store: the store searches "
            "(Cypher on Neo4j; k best of the shortest paths; for graphs too large to project); "
            f"auto: store past {STORE_ENGINE_THRESHOLD:,} entities and relationships.",
        ),
    ] = "auto",
    as_json: JsonOption = False,
) -> None:
    """Collaboration paths between two stakeholders, with the evidence for every hop."""
    if rank not in ("hops", "weight"):
        raise typer.BadParameter("use hops or weight", param_hint="--rank")
    if engine not in ("auto", "memory", "store"):
        raise typer.BadParameter("use auto, memory or store", param_hint="--engine")
    chosen_rank: Rank = "hops" if rank == "hops" else "weight"
    with open_chosen_store() as store:
        ends = resolve_entity(store, source), resolve_entity(store, target)
        excluded = frozenset(resolve_entity(store, name) for name in exclude or [])
        view = _view(as_of, via, avoid_ended, excluded)
        if engine == "auto":
            size = store.stats()
            large = size.entities.total + size.relationships.total > STORE_ENGINE_THRESHOLD
            engine = "store" if large and chosen_rank == "hops" else "memory"
        if engine == "store":
            from graph.analysis.store_paths import find_paths_in_store
            from graph.store.path_query import DEFAULT_MAX_LENGTH, PathQuery

            query = PathQuery(
                kinds=view.relationship_kinds,
                exclude=view.exclude,
                include_ended=view.include_ended,
                as_of=view.as_of,
                max_length=max_length or DEFAULT_MAX_LENGTH,
            )
            answer = find_paths_in_store(store, *ends, query, k=k)
        else:
            from graph.analysis.paths import find_paths

            answer = find_paths(_projection(store, view), *ends, k=k, max_length=max_length, rank=chosen_rank)
        names = {entity.id: entity.name for entity in store.entities_by_ids(ends).values()}
    if as_json:
        print_json(answer)
    else:
        for found in answer.paths:
            names.update(zip(found.entities, found.names, strict=True))
        _print_paths(answer, names)
    if not answer.paths:
        raise typer.Exit(1)


STORE_ENGINE_THRESHOLD = 200_000
"""Past this many entities plus relationships, `ckg path` lets the store search by default (the
same figure as ``graph.analysis.store_paths.STORE_ENGINE_THRESHOLD``, which is not imported here
because it pulls in networkx)."""


def _print_paths(answer: PathsAnswer, name: dict[str, str]) -> None:
    if not answer.paths:
        _out.print(
            f"[bold]No path[/] from {shown(name.get(answer.source, answer.source))} to "
            f"{shown(name.get(answer.target, answer.target))}: {shown(answer.reason)}."
        )
        for reach in answer.reach:
            sample = ", ".join(reach.sample) or "nobody"
            _out.print(
                f"  {shown(reach.name)} reaches {reach.component_size} stakeholder(s): {shown(sample)}"
            )
        return
    for number, found in enumerate(answer.paths, start=1):
        _out.print(
            f"[bold]Path {number}[/]: {found.length} hop{'s' if found.length != 1 else ''}, "
            f"cost {found.cost:.2f}"
        )
        _out.print(f"  [bold cyan]{shown(found.names[0])}[/]")
        for hop in found.hops:
            _print_hop(hop, name)
            _out.print(f"  [bold cyan]{shown(name[hop.to])}[/]")
        _out.print("")


def _print_hop(hop: Hop, name: dict[str, str]) -> None:
    _out.print(
        f"    │ {shown(name[hop.source])} [yellow]{hop.kind}[/]{shown(hop.money())} "
        f"{shown(name[hop.target])} ({shown(hop.when())})"
    )
    for ref in hop.evidence:
        where = ", ".join(
            p for p in (ref.title or ref.source, ref.locator or "", str(ref.published or "")) if p
        )
        _out.print(f"    │   “{shown(ref.quote or '')}” — {shown(where)}")


def neighbours(
    entity: Annotated[str, typer.Argument(help="The stakeholder: id, name or alias.")],
    depth: Annotated[int, typer.Option("--depth", min=1, max=6, help="How many ties away.")] = 1,
    via: Via = None,
    as_of: AsOf = None,
    as_json: JsonOption = False,
) -> None:
    """Partners, partners of partners, ... of a stakeholder, by kind."""
    from graph.analysis.neighbours import neighbourhood_in_store
    from graph.store.path_query import PathQuery

    view = _view(as_of, via)
    query = PathQuery(kinds=view.relationship_kinds, include_ended=view.include_ended, as_of=view.as_of)
    with open_chosen_store() as store:
        entity_id = resolve_entity(store, entity)
        # the store reads the rings itself: no projection of the whole graph for one stakeholder
        answer = neighbourhood_in_store(store, entity_id, depth, query)
    if as_json:
        print_json(answer)
        return
    _out.print(
        f"[bold]{shown(answer.name)}[/]: {len(answer.neighbours)} stakeholder(s) within {depth} tie(s)"
    )
    for ring in range(1, depth + 1):
        members = [n for n in answer.neighbours if n.depth == ring]
        if members:
            _out.print(f"\n[bold]{ring} tie{'s' if ring > 1 else ''} away[/]")
        for member in members:
            _out.print(f"  {shown(member.name)} [dim]({member.kind})[/] via {shown('; '.join(member.via))}")


def gaps(
    sector: Annotated[
        list[str] | None,
        typer.Option("--sector", help="A sector every cluster should cover (repeat); default all named."),
    ] = None,
    as_of: AsOf = None,
    as_json: JsonOption = False,
) -> None:
    """What is missing: coverage, bridges, single points of failure, weak ties, thin evidence."""
    from graph.analysis.gaps import find_gaps

    with open_chosen_store() as store:
        projection = _projection(store, _view(as_of), details=False)
    with _working() as say:
        say("finding gaps")
        report = find_gaps(projection, sectors=sector, today=projection.filter.as_of)
    if as_json:
        print_json(report)
        return
    for section in report.sections:
        _out.print(f"\n[bold underline]{section.title}[/] ({len(section.items) + section.omitted})")
        _out.print(f"[dim]{section.explanation}[/]")
        if not section.items:
            _out.print("  nothing found")
        for item in section.items:
            _out.print(f"  • [bold]{shown(item.title)}[/]: {shown(item.reason)}")
        if section.omitted:
            _out.print(f"  … and {section.omitted} more (use --json for all)")


def suggest(
    entity: Annotated[str, typer.Argument(help="The stakeholder looking for partners: id, name or alias.")],
    top: Annotated[int, typer.Option("--top", min=1, help="How many suggestions.")] = 10,
    as_of: AsOf = None,
    as_json: JsonOption = False,
) -> None:
    """Who a stakeholder could partner with, ranked, with the reasons."""
    from graph.analysis.suggest import suggest_partners

    with open_chosen_store() as store:
        entity_id = resolve_entity(store, entity)
        projection = _projection(store, _view(as_of), details=False)
    answer = suggest_partners(projection, entity_id, top)
    if as_json:
        print_json(answer)
        return
    if not answer.suggestions:
        _out.print(
            f"No suggestions for {shown(answer.name)}: no organisation shares a partner, sector or place "
            "with it."
        )
    for rank_number, item in enumerate(answer.suggestions, start=1):
        _out.print(f"{rank_number}. [bold]{shown(item.name)}[/] ({item.kind}), score {item.score:.2f}")
        for reason in item.reasons:
            _out.print(f"     - {shown(reason)}")


def metrics(
    top: Annotated[int, typer.Option("--top", min=1, help="Rows to show in text output.")] = 20,
    as_of: AsOf = None,
    as_json: JsonOption = False,
) -> None:
    """Degree, betweenness, closeness, PageRank and community per stakeholder; the top brokers."""
    from graph.analysis.metrics import compute_metrics

    with open_chosen_store() as store:
        projection = _projection(store, _view(as_of), details=False)
    with _working() as say:
        say(f"measuring {len(projection.entities):,} stakeholders")
        answer = compute_metrics(projection, top=top)
    if as_json:
        print_json(answer)
        return
    table = Table(title=f"{len(answer.entities)} stakeholders, {answer.communities} communities")
    for column in ("stakeholder", "kind", "degree", "betweenness", "closeness", "pagerank", "community"):
        table.add_column(column, justify="left" if column in ("stakeholder", "kind") else "right")
    for row in sorted(answer.entities, key=lambda r: (-r.betweenness, -r.degree, r.name))[:top]:
        table.add_row(
            shown(row.name),
            row.kind,
            str(row.degree),
            f"{row.betweenness:.3f}",
            f"{row.closeness:.3f}",
            f"{row.pagerank:.3f}",
            str(row.community),
        )
    _out.print(table)
    if answer.betweenness_sampled:
        _out.print(f"[dim]betweenness estimated from {answer.betweenness_samples} sampled sources[/]")
    _out.print(
        "Top brokers: "
        + shown(", ".join(next(r.name for r in answer.entities if r.id == b) for b in answer.brokers))
    )


def generate(
    entities: Annotated[int, typer.Option("--entities", min=20, help="How many entities.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the CSV tables into.")],
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same files.")] = 0,
    ties: Annotated[
        float, typer.Option("--ties-per-entity", min=0.5, help="Relationships per entity.")
    ] = 5.0,
    as_json: JsonOption = False,
) -> None:
    """Write a synthetic consortium (every source marked synthetic) that `ckg ingest` reads."""
    from graph.synthetic import generate as make_dataset
    from graph.synthetic import write_csv

    dataset = make_dataset(entities, seed=seed, ties_per_entity=ties)
    try:
        write_csv(dataset, output)
    except OSError as error:
        raise BadInputError([Problem(str(output), "", f"cannot write: {error.strerror}")]) from error
    counts = {
        "folder": str(output),
        "entities": len(dataset.entities),
        "relationships": len(dataset.relationships),
        "sources": len(dataset.sources),
    }
    if as_json:
        print_json(counts)
    else:
        _out.print(
            f"wrote {output}: {counts['entities']} entities, {counts['relationships']} relationships, "
            f"{counts['sources']} synthetic sources; load it with `ckg ingest {output}`"
        )
