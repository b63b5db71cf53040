"""The Network page on a large graph: a bounded part read from the store, never the whole graph.

With nothing chosen it draws the best connected stakeholders (of the chosen kinds, under the
chosen tie filters); centred on a stakeholder, the nearest within the chosen depth; with a
cluster, its members. Pickers search the store as the user types. Measures (PageRank,
communities, betweenness) are of the part drawn. Widget keys and URL parameters are those of the
page on a small graph, so a link means the same on both.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from graph.analysis.metrics import compute_metrics
from graph.export.view import restrict
from ui.components.downloads import download_buttons
from ui.components.filters import current_view, seed_view, view_filter
from ui.components.focus import focus_card
from ui.components.graph_view import MAX_NODES, ColourBy, choose, draw_network, legend
from ui.components.picker import known_id, pick_one
from ui.components.state import decode_list, seed, write_url
from ui.session import StoreView, measure, stats, store_uri, store_view

SIZES = {"degree": "Number of ties", "pagerank": "PageRank", "betweenness": "Betweenness"}


def _what_is_read(part: StoreView, around: str | None, depth: int, cluster: str | None) -> str:
    read = len(part.read.entities)
    if around is not None:
        name = part.read.entities[around].name if around in part.read.entities else around
        return (
            f"the {read:,} nearest of the {part.reached or read:,} stakeholders within {depth} "
            f"tie{'s' if depth != 1 else ''} of {name}"
        )
    if cluster is not None:
        name = part.read.entities[cluster].name if cluster in part.read.entities else cluster
        cut = f" (read: {read:,} of the {part.reached:,} tied to it)" if (part.reached or 0) > read else ""
        return f"{name} and its members, those MEMBER_OF, PART_OF or LOCATED_IN it{cut}"
    if part.reached is not None:
        return f"the best connected stakeholders and the neighbours brought in ({read:,} of {part.reached:,})"
    return (
        f"the {len(part.ties):,} best connected stakeholders (most ties in the store) and the ties among them"
    )


def render() -> None:
    counts = stats()
    seed_view("net", sector_ok=lambda sector: True, cluster_ok=lambda eid: known_id(eid) is not None)
    seed("net_around", "around", known_id, None)
    seed("net_depth", "depth", int, 1)
    seed("net_colour", "colour", lambda t: t if t in ("kind", "community") else "kind", "kind")
    seed("net_size", "size", lambda t: t if t in SIZES else "degree", "degree")
    seed("net_find", "find", known_id, None)
    seed("net_focus", "focus", known_id, None)
    seed("net_expanded", "expand", lambda t: [i for i in decode_list(t) if known_id(i)], list[str]())

    state = st.session_state
    around: str | None = state["net_around"]
    depth = int(state["net_depth"])
    expanded: list[str] = state["net_expanded"]
    focus: str | None = state["net_focus"]
    found: str | None = state["net_find"]
    keep = [node for node in (found, focus, around, *expanded) if node]
    part = store_view(
        current_view("net"),
        around=around,
        depth=depth,
        expanded=tuple(expanded),
        keep=tuple(dict.fromkeys(keep)),
        limit=MAX_NODES,
    )
    view, url = view_filter(part.read, "net")
    shown = part.shown

    st.info(
        f"This graph holds {counts.entities.total:,} stakeholders and {counts.relationships.total:,} ties, "
        f"too many to read whole for each view: this page asks the store for part of it, here "
        f"{_what_is_read(part, around, depth, view.cluster)}. Filters apply to that part, and "
        "PageRank, communities and betweenness are measured within it. To see another part, "
        "centre on a stakeholder (search by name, alias or Korean name), choose kinds of "
        "stakeholder or tie or a cluster under Filters, or double-click a stakeholder to bring in "
        "its neighbours.",
        icon=":material/info:",
    )
    controls = st.columns([3, 1, 2, 2, 3])
    around = pick_one(
        "Centre on",
        "net_around",
        container=controls[0],
        placeholder="the best connected",
        help="Draw only this stakeholder and those within the chosen depth (search by name).",
    )
    depth = int(
        controls[1].number_input("Depth", min_value=1, max_value=4, key="net_depth", disabled=around is None)
    )
    colour_by = cast(ColourBy, controls[2].selectbox("Colour by", ["kind", "community"], key="net_colour"))
    size_by = controls[3].selectbox("Size by", list(SIZES), key="net_size", format_func=SIZES.__getitem__)
    found = pick_one("Find and highlight", "net_find", container=controls[4], placeholder="a stakeholder")

    measures = measure(shown)
    rank: dict[str, float] = {
        node: float(part.ties.get(node, value)) for node, value in measures.degree.items()
    }
    if size_by == "betweenness":
        weight = {row.id: row.betweenness for row in compute_metrics(shown).entities}
    else:
        weight = {"degree": rank, "pagerank": measures.pagerank}[size_by]
    drawing = choose(shown, rank=rank, keep=[node for node in (found, focus, around, *expanded) if node])
    draw_network(
        shown,
        drawing,
        colour_by=colour_by,
        community=measures.community,
        weight=weight,
        found=found,
        expanded=expanded,
    )
    st.caption(
        f"{len(drawing.nodes):,} stakeholders and {len(drawing.edges):,} ties drawn "
        f"(of {counts.entities.total:,} and {counts.relationships.total:,} in the store). "
        "Click a stakeholder to see it; double-click to bring in its neighbours."
    )
    legend(colour_by, (measures.community.get(node, 0) for node in drawing.nodes))
    if focus and focus in shown.entities:
        focus_card(shown, focus, expanded, "ties drawn")
    write_url(
        {
            **url,
            "around": around,
            "depth": depth if around and depth != 1 else None,
            "colour": colour_by if colour_by != "kind" else None,
            "size": size_by if size_by != "degree" else None,
            "find": found,
            "focus": focus,
            "expand": expanded,
        }
    )
    st.subheader("Download this view")
    download_buttons(
        restrict(shown, drawing.nodes, drawing.edges), key="net_dl", stem="network", store_uri=store_uri()
    )
