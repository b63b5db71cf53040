"""`ckg export`: a view of the graph as a file that Gephi, Neo4j, spreadsheets and browsers read,
or as a diagram for a report.

The view options choose what goes in (kinds, sector, cluster, status, a date, a neighbourhood,
a path); the functions of graph/export/ do the work, the same ones the app calls.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar, get_args

import typer
from rich.console import Console

from graph.analysis.projection import GraphFilter
from graph.errors import BadInputError, Problem
from graph.export.formats import DIAGRAM_FORMATS, FORMATS, format_for_path, write_export
from graph.export.options import DrawOptions, GroupBy, LabelMode, Layout, NameMode, SizeBy
from graph.export.view import ViewSpec, build_export_view
from graph.lookup import resolve_entity
from graph.model import EntityKind, RelationshipKind, RelationshipStatus
from graph.store.base import GraphStore
from ui.cli_context import JsonOption, open_chosen_store
from ui.cli_output import print_json, progress_bar, shown

_out = Console(soft_wrap=True, highlight=False, emoji=False)
_err = Console(stderr=True, soft_wrap=True)
PROGRESS_FROM = 2_000
"""Entities plus relationships from which an export draws a progress bar (on a terminal)."""


def register(app: typer.Typer) -> None:
    app.command(name="export")(export)


def _split(values: list[str] | None) -> list[str]:
    """Repeated options and comma-separated lists alike: ``--kind Company,University --kind Person``."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


E = TypeVar("E", bound=StrEnum)


def _enum_set(values: list[str] | None, enum: type[E], option: str) -> frozenset[E] | None:
    """The members ``values`` name, matched without regard to case; None when none were given."""
    names = _split(values)
    if not names:
        return None
    by_name = {member.value.casefold(): member for member in enum}
    chosen = set()
    for name in names:
        member = by_name.get(name.casefold())
        if member is None:
            known = ", ".join(member.value for member in enum)
            raise BadInputError([Problem(option, "", f"{name!r} is not one of {known}")])
        chosen.add(member)
    return frozenset(chosen)


def _parse_date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInputError([Problem("--as-of", "", f"{text!r} is not a date (want YYYY-MM-DD)")]) from None


def _spec(
    store: GraphStore,
    *,
    kind: list[str] | None,
    via: list[str] | None,
    status: list[str] | None,
    sector: list[str] | None,
    cluster: str | None,
    as_of: str | None,
    avoid_ended: bool,
    exclude: list[str] | None,
    around: str | None,
    depth: int,
    path: tuple[str, str] | None,
    paths: int,
) -> ViewSpec:
    """The view the options describe, names and aliases resolved to ids (Korean names work)."""
    if around is not None and path is not None:
        raise typer.BadParameter("choose --around or --path, not both", param_hint="--around/--path")
    sectors = _split(sector)
    view = GraphFilter(
        entity_kinds=_enum_set(kind, EntityKind, "--kind"),
        relationship_kinds=_enum_set(via, RelationshipKind, "--via"),
        statuses=_enum_set(status, RelationshipStatus, "--status"),
        include_ended=not avoid_ended,
        as_of=_parse_date(as_of),
        sectors=frozenset(s.lower().replace("-", "_") for s in sectors) if sectors else None,
        cluster=resolve_entity(store, cluster) if cluster else None,
        exclude=frozenset(resolve_entity(store, name) for name in _split(exclude)),
    )
    return ViewSpec(
        filter=view,
        around=resolve_entity(store, around) if around else None,
        depth=depth,
        path=(resolve_entity(store, path[0]), resolve_entity(store, path[1])) if path else None,
        paths=paths,
    )


def _written(fmt: str, output: Path) -> list[Path]:
    if FORMATS[fmt].folder:
        return sorted(path for path in output.iterdir() if path.is_file())
    return [output]


def export(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The file to write (a folder for csv and neo4j-admin).")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="graphml, gexf, json, csv, xlsx, cypher, neo4j-admin, png, svg, pdf, html; "
            "default: from the file's suffix.",
            metavar="FORMAT",
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Only these entity kinds (comma-separated or repeated)."),
    ] = None,
    via: Annotated[
        list[str] | None, typer.Option("--via", help="Only these relationship kinds, e.g. MEMBER_OF,FUNDS.")
    ] = None,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="Only ties with this status: planned, announced, ...")
    ] = None,
    sector: Annotated[
        list[str] | None, typer.Option("--sector", help="Only stakeholders in this sector (repeat for more).")
    ] = None,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="Only this cluster and its members, parts and residents.")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The graph as it stood on this date.", metavar="DATE")
    ] = None,
    avoid_ended: Annotated[
        bool, typer.Option("--avoid-ended", help="Leave out ties that have ended.")
    ] = False,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Leave out this stakeholder (repeat for more).")
    ] = None,
    around: Annotated[
        str | None, typer.Option("--around", help="Only the stakeholders within --depth ties of this one.")
    ] = None,
    depth: Annotated[
        int, typer.Option("--depth", min=1, max=6, help="How many ties away, with --around.")
    ] = 1,
    path: Annotated[
        tuple[str, str] | None,
        typer.Option("--path", help="Only the best path(s) between two stakeholders.", metavar="A B"),
    ] = None,
    paths: Annotated[
        int, typer.Option("--paths", min=1, max=50, help="How many best paths, with --path.")
    ] = 1,
    title: Annotated[str | None, typer.Option("--title", help="Diagram title (default: the view).")] = None,
    dpi: Annotated[int, typer.Option("--dpi", min=50, max=1200, help="PNG resolution.")] = 200,
    size_by: Annotated[
        str, typer.Option("--size-by", help="Node size: degree, betweenness, pagerank, closeness or none.")
    ] = "degree",
    group: Annotated[
        str, typer.Option("--group", help="Place together: none, community (Louvain) or cluster.")
    ] = "none",
    labels: Annotated[
        str, typer.Option("--labels", help="auto (as many as fit, largest first), all or none.")
    ] = "auto",
    names: Annotated[
        str, typer.Option("--names", help="Label with the name, the korean alias, or both.")
    ] = "name",
    layout: Annotated[
        str, typer.Option("--layout", help="spring, kamada-kawai, or graphviz (needs sfdp installed).")
    ] = "spring",
    seed: Annotated[int, typer.Option("--seed", help="Layout seed: same view and seed, same diagram.")] = 42,
    as_json: JsonOption = False,
) -> None:
    """Write a view of the graph as a data file, a diagram or an interactive HTML page."""
    name = (fmt or format_for_path(output) or "").lower()
    if name not in FORMATS:
        hint = f"{fmt!r} is not a format" if fmt else f"cannot tell the format from {output.name!r}"
        raise typer.BadParameter(f"{hint}; use one of {', '.join(FORMATS)}", param_hint="--format")
    options = _draw_options(title, dpi, size_by, group, labels, names, layout, seed)
    with open_chosen_store() as store:
        spec = _spec(
            store,
            kind=kind,
            via=via,
            status=status,
            sector=sector,
            cluster=cluster,
            as_of=as_of,
            avoid_ended=avoid_ended,
            exclude=exclude,
            around=around,
            depth=depth,
            path=path,
            paths=paths,
        )
        view = build_export_view(store, spec)
    size = view.provenance.entities + view.provenance.relationships
    show = not as_json and _err.is_terminal and size >= PROGRESS_FROM
    with progress_bar("export", show=show) as progress:
        write_export(view, name, output, progress=progress, draw=options)
    files = _written(name, output)
    provenance = view.provenance
    if as_json:
        print_json(
            {
                "format": name,
                "output": str(output),
                "files": [str(file) for file in files],
                "bytes": sum(file.stat().st_size for file in files),
                "entities": provenance.entities,
                "relationships": provenance.relationships,
                "provenance": provenance.model_dump(mode="json"),
            }
        )
        return
    _out.print(
        f"wrote {shown(output)} ({name}): {provenance.entities} entities, "
        f"{provenance.relationships} relationships, "
        f"{len(provenance.sources)} sources; {shown(provenance.description)}"
    )


def _draw_options(
    title: str | None, dpi: int, size_by: str, group: str, labels: str, names: str, layout: str, seed: int
) -> DrawOptions:
    choices: dict[str, tuple[str, tuple[str, ...]]] = {
        "--size-by": (size_by, get_args(SizeBy)),
        "--group": (group, get_args(GroupBy)),
        "--labels": (labels, get_args(LabelMode)),
        "--names": (names, get_args(NameMode)),
        "--layout": (layout, get_args(Layout)),
    }
    for option, (value, allowed) in choices.items():
        if value not in allowed:
            raise typer.BadParameter(f"{value!r}: use one of {', '.join(allowed)}", param_hint=option)
    return DrawOptions.model_validate(
        {
            "title": title,
            "dpi": dpi,
            "size_by": size_by,
            "group": group,
            "labels": labels,
            "names": names,
            "layout": layout,
            "seed": seed,
        }
    )


__all__ = ["DIAGRAM_FORMATS", "export", "register"]
