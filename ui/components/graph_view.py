"""The network drawing: a bundled Cytoscape.js component (st-link-analysis) that pans, zooms,
drags, and reports clicks back to Python. Its JavaScript ships inside the Python package, so
the app needs no network.

A browser draws a few hundred stakeholders smoothly and freezes on thousands, so a view larger
than :data:`MAX_NODES` (or :data:`MAX_EDGES` ties) is cut down to its best-connected part, and
:class:`Drawing` says how much was left out so the page can tell the user how to narrow the view.

>>> drawing = choose(projection, rank=degree, max_nodes=300)  # doctest: +SKIP
>>> drawing.left_out_nodes  # doctest: +SKIP
4700
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import streamlit as st
from st_link_analysis import Event, st_link_analysis  # type: ignore[import-untyped]

from graph.analysis.projection import Projection
from graph.model import EntityKind
from ui.components.evidence import escape

MAX_NODES = int(os.environ.get("CKG_UI_MAX_NODES", "300"))
"""Stakeholders drawn at most; override with ``CKG_UI_MAX_NODES``."""
MAX_EDGES = int(os.environ.get("CKG_UI_MAX_EDGES", "1500"))
EDGE_LABELS_UP_TO = 80
"""Ties are labelled with their kind only when this few are drawn; more would be unreadable."""

KIND_COLOURS: dict[str, str] = {
    EntityKind.COMPANY.value: "#1f77b4",
    EntityKind.GOVERNMENT_BODY.value: "#d62728",
    EntityKind.RESEARCH_INSTITUTE.value: "#2ca02c",
    EntityKind.UNIVERSITY.value: "#9467bd",
    EntityKind.CLUSTER.value: "#ff7f0e",
    EntityKind.CONSORTIUM.value: "#8c564b",
    EntityKind.PROGRAMME.value: "#e377c2",
    EntityKind.PERSON.value: "#17becf",
    EntityKind.PLACE.value: "#bcbd22",
}
GROUP_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
OTHER_GROUP = "#d3d3d3"
HIGHLIGHT = "#d62728"

ColourBy = Literal["kind", "community"]


@dataclass(frozen=True)
class Drawing:
    """What is drawn of a view, and how much of it was left out."""

    nodes: list[str]
    edges: list[str]
    total_nodes: int
    total_edges: int

    @property
    def left_out_nodes(self) -> int:
        return self.total_nodes - len(self.nodes)

    @property
    def left_out_edges(self) -> int:
        return self.total_edges - len(self.edges)


def choose(
    projection: Projection,
    *,
    rank: Mapping[str, float],
    candidates: Iterable[str] | None = None,
    keep: Iterable[str] = (),
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
) -> Drawing:
    """The part of ``projection`` to draw: ``candidates`` (default every stakeholder) cut to the
    ``max_nodes`` highest by ``rank``, always with ``keep`` (a found or selected stakeholder, a
    path); then the ties among them, those touching ``keep`` first, at most ``max_edges``."""
    pool = set(candidates) if candidates is not None else set(projection.graph.nodes)
    pool &= set(projection.graph.nodes)
    must = [node for node in keep if node in projection.graph]
    chosen = set(must)
    for node in sorted(pool - chosen, key=lambda n: (-rank.get(n, 0.0), n)):
        if len(chosen) >= max(max_nodes, len(must)):
            break
        chosen.add(node)
    pool |= chosen
    kept = set(must)
    inside = [
        (key, rel)
        for key, rel in projection.relationships.items()
        if rel.source in chosen and rel.target in chosen
    ]
    total_edges = sum(
        1 for rel in projection.relationships.values() if rel.source in pool and rel.target in pool
    )
    inside.sort(
        key=lambda item: (
            not (item[1].source in kept or item[1].target in kept),
            -(rank.get(item[1].source, 0.0) + rank.get(item[1].target, 0.0)),
            item[0],
        )
    )
    return Drawing(
        nodes=sorted(chosen),
        edges=[key for key, _ in inside[:max_edges]],
        total_nodes=len(pool),
        total_edges=total_edges,
    )


def group_colour(number: int) -> str:
    return GROUP_COLOURS[number] if number < len(GROUP_COLOURS) else OTHER_GROUP


def elements(
    projection: Projection,
    drawing: Drawing,
    *,
    colour_by: ColourBy = "kind",
    community: Mapping[str, int] | None = None,
    weight: Mapping[str, float] | None = None,
    highlight_nodes: Iterable[str] = (),
    highlight_edges: Iterable[str] = (),
    dim_others: bool = False,
) -> dict[str, list[dict[str, Any]]]:
    """The Cytoscape elements of ``drawing``. Node data is what the component's side panel
    shows on a click, so it holds what a reader wants to see, not styling values; colour comes
    from a class and size from ``weight`` (0 to 1, relative to the largest in the drawing)."""
    lit_nodes, lit_edges = set(highlight_nodes), set(highlight_edges)
    top = max((weight or {}).get(node, 0.0) for node in drawing.nodes) if drawing.nodes and weight else 0.0
    nodes = []
    for node in drawing.nodes:
        entity = projection.entities[node]
        group = (community or {}).get(node, 0)
        node_classes = [
            f"kind-{entity.kind.value}" if colour_by == "kind" else f"group-{min(group, len(GROUP_COLOURS))}"
        ]
        if node in lit_nodes:
            node_classes.append("lit")
        elif dim_others and lit_nodes:
            node_classes.append("dim")
        data: dict[str, Any] = {
            "id": node,
            "label": entity.kind.value,
            "name": entity.name,
            "ties": projection.graph.degree(node),
            "weight": round((weight or {}).get(node, 0.0) / top, 3) if top else 0.0,
        }
        if entity.country:
            data["country"] = entity.country
        if entity.sectors:
            data["sectors"] = ", ".join(entity.sectors)
        if colour_by == "community":
            data["community"] = group
        nodes.append({"data": data, "classes": " ".join(node_classes)})
    edges = []
    for key in drawing.edges:
        rel = projection.relationships[key]
        data = {
            "id": key,
            "source": rel.source,
            "target": rel.target,
            "label": rel.kind.value,
            "status": rel.status.value,
            "sources": len({ev.source for ev in rel.evidence}),
        }
        if rel.since:
            data["since"] = rel.since.isoformat()
        edge_class = "lit" if key in lit_edges else ("dim" if dim_others and lit_edges else "")
        edges.append({"data": data, "classes": edge_class})
    return {"nodes": nodes, "edges": edges}


@dataclass(frozen=True)
class _Style:
    """A raw Cytoscape style rule; st-link-analysis accepts any object with ``dump()``."""

    selector: str
    style: dict[str, Any] = field(default_factory=dict)

    def dump(self) -> dict[str, Any]:
        return {"selector": self.selector, "style": self.style}


def _styles(edge_labels: bool) -> list[_Style]:
    rules = [
        _Style(
            "node",
            {
                "label": "data(name)",
                "width": "mapData(weight, 0, 1, 14, 46)",
                "height": "mapData(weight, 0, 1, 14, 46)",
                "font-size": 5,
            },
        ),
        _Style("edge", {"label": "data(label)" if edge_labels else "", "width": 1.2, "font-size": 6}),
    ]
    rules += [
        _Style(f"node.kind-{kind}", {"background-color": colour}) for kind, colour in KIND_COLOURS.items()
    ]
    rules += [
        _Style(f"node.group-{n}", {"background-color": group_colour(n)})
        for n in range(len(GROUP_COLOURS) + 1)
    ]
    rules += [
        _Style(
            "node.lit", {"border-width": 3, "border-color": HIGHLIGHT, "font-weight": "bold", "z-index": 10}
        ),
        _Style("edge.lit", {"line-color": HIGHLIGHT, "width": 3.5, "z-index": 10, "label": "data(label)"}),
        _Style("node.dim", {"opacity": 0.35}),
        _Style("edge.dim", {"opacity": 0.25}),
    ]
    return rules


def draw(
    graph_elements: dict[str, list[dict[str, Any]]],
    *,
    key: str,
    height: int = 620,
    expandable: bool = True,
) -> tuple[str, str] | None:
    """Draw the elements; return ``(action, node id)`` once per new click (``"select"``) or
    double-click / expand button (``"expand"``), else None."""
    layout = {
        "name": "fcose",
        "animate": False,
        "fit": True,
        "padding": 24,
        "randomize": True,
        "quality": "default" if len(graph_elements["nodes"]) <= 150 else "draft",
        "nodeDimensionsIncludeLabels": True,
    }
    event = st_link_analysis(
        graph_elements,
        layout=layout,
        node_styles=_styles(len(graph_elements["edges"]) <= EDGE_LABELS_UP_TO),
        height=height,
        key=key,
        node_actions=["expand"] if expandable else [],
        events=[Event("select", "tap", "node")],
    )
    if not isinstance(event, dict):
        return None
    stamp = event.get("timestamp")
    seen_key = f"{key}__seen"
    if stamp is None or st.session_state.get(seen_key) == stamp:
        return None
    st.session_state[seen_key] = stamp
    data = event.get("data") or {}
    action = str(event.get("action"))
    node = data.get("target_id") or next(iter(data.get("node_ids") or []), None)
    return (action, str(node)) if node else None


def legend(colour_by: ColourBy, groups: Iterable[int] = ()) -> None:
    """Coloured chips naming what each colour means."""
    if colour_by == "kind":
        items = [(colour, kind) for kind, colour in KIND_COLOURS.items()]
    else:
        numbers = sorted(set(groups))
        items = [(group_colour(n), f"community {n}") for n in numbers if n < len(GROUP_COLOURS)]
        if any(n >= len(GROUP_COLOURS) for n in numbers):
            items.append((OTHER_GROUP, "smaller communities"))
    chips = " ".join(
        f"<span style='white-space:nowrap'><span style='display:inline-block;width:0.8em;height:0.8em;"
        f"border-radius:50%;background:{colour};margin-right:0.3em'></span>{escape(text)}</span>"
        for colour, text in items
    )
    st.markdown(chips, unsafe_allow_html=True)


def left_out_message(drawing: Drawing) -> str | None:
    """What the drawing leaves out and how to see it, or None when everything is drawn."""
    if not drawing.left_out_nodes and not drawing.left_out_edges:
        return None
    parts = []
    if drawing.left_out_nodes:
        parts.append(f"{drawing.left_out_nodes:,} of {drawing.total_nodes:,} stakeholders")
    if drawing.left_out_edges:
        parts.append(f"{drawing.left_out_edges:,} of {drawing.total_edges:,} ties")
    return (
        f"This view is too large to draw whole: left out {' and '.join(parts)} "
        f"(the drawing keeps the {len(drawing.nodes):,} best connected). Narrow the view: choose "
        "kinds, a sector or a cluster under Filters, or centre on one stakeholder."
    )


def draw_network(
    shown: Projection,
    drawing: Drawing,
    *,
    colour_by: ColourBy,
    community: Mapping[str, int],
    weight: Mapping[str, float],
    found: str | None,
    expanded: list[str],
) -> None:
    """The Network page's drawing, with what it left out: a click focuses a stakeholder and a
    double-click also brings in its neighbours (``net_focus``, ``net_expanded``), each rerunning
    the page, whether the view came from a projection or from the store."""
    message = left_out_message(drawing)
    if message:
        st.warning(message, icon=":material/filter_alt:")
    graph_elements = elements(
        shown,
        drawing,
        colour_by=colour_by,
        community=community,
        weight=weight,
        highlight_nodes=[found] if found else [],
    )
    clicked = draw(graph_elements, key="net_graph")
    if clicked:
        action, node = clicked
        if node in shown.entities:
            st.session_state["net_focus"] = node
            if action == "expand" and node not in expanded:
                st.session_state["net_expanded"] = [*expanded, node]
            st.rerun()
