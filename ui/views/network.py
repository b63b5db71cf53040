"""Network: an interactive drawing of a chosen view. Filter it, centre it on one stakeholder,
colour it by kind or community, size it by a measure, find a stakeholder; click a node to see
it, double-click (or its expand button) to bring in its neighbours. Every choice is in the URL."""

from __future__ import annotations

from typing import cast

import streamlit as st

from graph.analysis.neighbours import neighbourhood
from graph.export.view import restrict
from ui.components.downloads import download_buttons
from ui.components.filters import view_filter
from ui.components.focus import focus_card
from ui.components.graph_view import ColourBy, choose, draw_network, legend
from ui.components.guard import whole_graph_or_stop
from ui.components.state import decode_list, seed, write_url
from ui.large.network import render as render_from_store
from ui.session import betweenness, large_graph, metrics, projection, store_uri

SIZES = {"degree": "Number of ties", "pagerank": "PageRank", "betweenness": "Betweenness"}

st.title("Network")
if large_graph():  # answered from the store: see ui.large
    render_from_store()
    st.stop()
whole = whole_graph_or_stop()

view, url = view_filter(whole, "net")
shown = projection(view)
names = {eid: entity.name for eid, entity in shown.entities.items()}
ids = sorted(shown.entities, key=lambda eid: names[eid].casefold())

seed("net_around", "around", lambda t: t if t in shown.entities else None, None)
seed("net_depth", "depth", int, 1)
seed("net_colour", "colour", lambda t: t if t in ("kind", "community") else "kind", "kind")
seed("net_size", "size", lambda t: t if t in SIZES else "degree", "degree")
seed("net_find", "find", lambda t: t if t in shown.entities else None, None)
seed("net_focus", "focus", lambda t: t if t in shown.entities else None, None)
seed("net_expanded", "expand", lambda t: [i for i in decode_list(t) if i in shown.entities], list[str]())
for key in ("net_around", "net_find", "net_focus"):
    if st.session_state[key] not in shown.entities:  # filtered out since it was chosen
        st.session_state[key] = None

controls = st.columns([3, 1, 2, 2, 3])
around = controls[0].selectbox(
    "Centre on",
    ids,
    key="net_around",
    index=None,
    placeholder="the whole view",
    format_func=names.__getitem__,
    help="Draw only this stakeholder and those within the chosen depth.",
)
depth = controls[1].number_input("Depth", min_value=1, max_value=4, key="net_depth", disabled=around is None)
colour_by = cast(ColourBy, controls[2].selectbox("Colour by", ["kind", "community"], key="net_colour"))
size_by = controls[3].selectbox("Size by", list(SIZES), key="net_size", format_func=SIZES.__getitem__)
found = controls[4].selectbox(
    "Find and highlight",
    ids,
    key="net_find",
    index=None,
    placeholder="a stakeholder",
    format_func=names.__getitem__,
)

measures = metrics(view)
rank: dict[str, float] = {node: float(value) for node, value in measures.degree.items()}
weight = {"degree": rank, "pagerank": measures.pagerank}.get(size_by) or betweenness(view)
candidates: set[str] | None = None
if around is not None:
    candidates = {around, *(n.id for n in neighbourhood(shown, around, int(depth)).neighbours)}
expanded: list[str] = st.session_state["net_expanded"]
if expanded:
    candidates = (candidates if candidates is not None else set(shown.entities)) | set(expanded)
    for node in expanded:
        candidates |= set(shown.neighbours(node))
focus: str | None = st.session_state["net_focus"]
keep = [node for node in (found, focus, around, *expanded) if node]
drawing = choose(shown, rank=rank, candidates=candidates, keep=keep)
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
    f"(of {len(shown.entities):,} and {len(shown.relationships):,} in this view). "
    "Click a stakeholder to see it; double-click to bring in its neighbours."
)
legend(colour_by, (measures.community.get(node, 0) for node in drawing.nodes))

if focus:
    focus_card(shown, focus, expanded, "ties in this view")

write_url(
    {
        **url,
        "around": around,
        "depth": int(depth) if around and depth != 1 else None,
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
