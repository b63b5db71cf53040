"""The view filters a page offers (kinds, ties, sectors, cluster, status, as-of), bound to the URL.

Each page passes its own ``prefix`` so that two pages' widgets never share a key; the URL
parameter names are the same everywhere (``kinds``, ``ties``, ``sectors``, ``cluster``,
``status``, ``as_of``), so a filter carried in a link means the same on every page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from graph.analysis.projection import GraphFilter, Projection
from graph.model import EntityKind, RelationshipKind, RelationshipStatus
from ui.components.state import UrlValue, decode_list, seed


def parse_members(enum: type[EntityKind] | type[RelationshipKind] | type[RelationshipStatus]):  # type: ignore[no-untyped-def]
    """A parser of a URL's comma-separated list of ``enum`` values (any unknown one refuses it)."""
    return lambda text: [enum(item).value for item in decode_list(text)]


def seed_view(prefix: str, *, sector_ok: Callable[[str], bool], cluster_ok: Callable[[str], bool]) -> None:
    """Give the filter widgets of ``prefix`` their values from the URL on a page's first run."""
    seed(f"{prefix}_kinds", "kinds", parse_members(EntityKind), list[str]())
    seed(f"{prefix}_ties", "ties", parse_members(RelationshipKind), list[str]())
    seed(f"{prefix}_sectors", "sectors", lambda t: [s for s in decode_list(t) if sector_ok(s)], list[str]())
    seed(f"{prefix}_cluster", "cluster", lambda t: t if cluster_ok(t) else None, None)
    seed(f"{prefix}_status", "status", parse_members(RelationshipStatus), list[str]())
    seed(f"{prefix}_as_of", "as_of", date.fromisoformat, None)


def current_view(prefix: str) -> GraphFilter:
    """The filter the widgets of ``prefix`` hold now (seeded, or as the user last set them)."""
    state = st.session_state
    as_of = state[f"{prefix}_as_of"]
    return GraphFilter(
        entity_kinds=frozenset(EntityKind(k) for k in state[f"{prefix}_kinds"]) or None,
        relationship_kinds=frozenset(RelationshipKind(k) for k in state[f"{prefix}_ties"]) or None,
        statuses=frozenset(RelationshipStatus(s) for s in state[f"{prefix}_status"]) or None,
        sectors=frozenset(state[f"{prefix}_sectors"]) or None,
        cluster=state[f"{prefix}_cluster"],
        as_of=as_of if isinstance(as_of, date) else None,
    )


def view_filter(
    graph: Projection, prefix: str, *, expanded: bool = False
) -> tuple[GraphFilter, dict[str, UrlValue]]:
    """Filter widgets in an expander; returns the chosen filter and its URL parameters."""
    sectors = sorted({sector for entity in graph.entities.values() for sector in entity.sectors})
    clusters = sorted(
        (eid for eid, entity in graph.entities.items() if entity.kind is EntityKind.CLUSTER),
        key=lambda eid: graph.entities[eid].name,
    )
    seed_view(prefix, sector_ok=lambda sector: sector in sectors, cluster_ok=lambda eid: eid in clusters)
    # on a large graph the page seeds the filters first and reads part of the graph for them: what
    # is chosen is offered even when that part holds none of it
    chosen = st.session_state[f"{prefix}_sectors"]
    sectors += sorted(set(chosen) - set(sectors))
    active = any(
        st.session_state[f"{prefix}_{name}"]
        for name in ("kinds", "ties", "sectors", "cluster", "status", "as_of")
    )
    with st.expander(
        "Filters" + (" (active)" if active else ""), expanded=expanded or active, icon=":material/filter_alt:"
    ):
        left, middle, right = st.columns(3)
        kinds = left.multiselect(
            "Kinds of stakeholder", [k.value for k in EntityKind], key=f"{prefix}_kinds", placeholder="all"
        )
        ties = middle.multiselect(
            "Kinds of tie", [k.value for k in RelationshipKind], key=f"{prefix}_ties", placeholder="all"
        )
        statuses = right.multiselect(
            "Status of ties", [s.value for s in RelationshipStatus], key=f"{prefix}_status", placeholder="all"
        )
        chosen_sectors = left.multiselect("Sectors", sectors, key=f"{prefix}_sectors", placeholder="all")
        cluster = middle.selectbox(
            "Cluster",
            clusters,
            key=f"{prefix}_cluster",
            index=None,
            placeholder="any",
            format_func=lambda eid: graph.entities[eid].name,
            help="Only the cluster and its members (MEMBER_OF, PART_OF or LOCATED_IN it).",
        )
        as_of = right.date_input(
            "As of", key=f"{prefix}_as_of", value=None, help="The graph as it stood on this date."
        )
    view = GraphFilter(
        entity_kinds=frozenset(EntityKind(k) for k in kinds) or None,
        relationship_kinds=frozenset(RelationshipKind(k) for k in ties) or None,
        statuses=frozenset(RelationshipStatus(s) for s in statuses) or None,
        sectors=frozenset(chosen_sectors) or None,
        cluster=cluster,
        as_of=as_of if isinstance(as_of, date) else None,
    )
    url: dict[str, UrlValue] = {
        "kinds": kinds,
        "ties": ties,
        "status": statuses,
        "sectors": chosen_sectors,
        "cluster": cluster,
        "as_of": view.as_of,
    }
    return view, url
