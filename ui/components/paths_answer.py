"""A path answer on a page: the paths drawn highlighted and listed hop by hop with their quoted
evidence, or, when there is none, why and what each end reaches; then downloads of what is drawn.
The Paths page shows an answer the same way whoever searched (the projection or the store)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import streamlit as st

from graph.analysis.projection import Projection
from graph.analysis.results import Hop, PathsAnswer
from graph.export.view import restrict
from graph.model import RelationshipKind, relationship_key
from ui.components.downloads import download_buttons
from ui.components.evidence import escape, show_evidence
from ui.components.graph_view import choose, draw, elements
from ui.components.links import PROFILE, link
from ui.components.state import write_url
from ui.session import store_uri


def hop_key(hop: Hop) -> str:
    return relationship_key(RelationshipKind(hop.kind), hop.source, hop.target, hop.since)


def show_answer(
    answer: PathsAnswer, shown: Projection, rank: Mapping[str, float], names: Mapping[str, str]
) -> None:
    """Show ``answer`` drawn over ``shown`` (which holds at least its paths), ``rank`` choosing
    what else is drawn, ``names`` naming every stakeholder of the paths; stops the page when
    there is no path."""
    source, target = answer.source, answer.target
    if not answer.paths:
        st.warning(f"No path from {names[source]} to {names[target]}: {answer.reason}.")
        for reach in answer.reach:
            sample = ", ".join(reach.sample) or "nobody"
            st.markdown(
                f"- **{escape(reach.name)}** reaches {reach.component_size} stakeholder(s): {escape(sample)}"
            )
        st.stop()

    on_path = {entity for found in answer.paths for entity in found.entities}
    hops = {hop_key(hop) for found in answer.paths for hop in found.hops}
    drawing = choose(shown, rank=rank, candidates=on_path, keep=on_path)
    graph_elements = elements(
        shown,
        drawing,
        weight={node: 1.0 if node in (source, target) else 0.5 for node in drawing.nodes},
        highlight_nodes=on_path,
        highlight_edges=hops,
    )
    left, right = st.columns([3, 2])
    with left:
        clicked = draw(graph_elements, key="path_graph", height=480, expandable=False)
        if clicked:
            link(PROFILE, f"Open the profile of {names[clicked[1]]}", ":material/badge:", entity=clicked[1])
    with right:
        for number, found in enumerate(answer.paths, start=1):
            plural = "s" if found.length != 1 else ""
            st.markdown(
                f"**Path {number}**: {found.length} hop{plural}, cost {found.cost:.2f}  \n"
                + " → ".join(escape(name) for name in found.names)
            )
    for number, found in enumerate(answer.paths, start=1):
        with st.expander(f"Path {number}, hop by hop", expanded=number == 1):
            for step, hop in enumerate(found.hops, start=1):
                when, money = hop.when(), hop.money()
                walked = f"**{step}. {escape(names[hop.from_])} → {escape(names[hop.to])}**"
                tie = f"{escape(names[hop.source])} `{hop.kind}`{escape(money)} {escape(names[hop.target])}"
                st.markdown(f"{walked}: {tie} ({when})")
                show_evidence(hop.evidence)
    st.subheader("Download these paths")
    download_buttons(
        restrict(shown, drawing.nodes, drawing.edges),
        key="path_dl",
        stem=f"paths-{source}-{target}",
        store_uri=store_uri(),
    )


def keep_choices(
    source: str | None,
    target: str | None,
    *,
    k: int,
    via: list[str],
    exclude: list[str],
    avoid_ended: bool,
    max_length: int,
    rank: str,
    as_of: object,
) -> tuple[str, str]:
    """Write the Paths page's choices to the URL (defaults left out, so a plain link stays
    short), then stop the page with a hint until both ends are chosen; returns the two ends."""
    write_url(
        {
            "source": source,
            "target": target,
            "k": k if k != 3 else None,
            "via": via,
            "exclude": exclude,
            "avoid_ended": avoid_ended,
            "max": max_length or None,
            "rank": rank if rank != "hops" else None,
            "as_of": as_of if isinstance(as_of, date) else None,
        }
    )
    if source is None or target is None:
        st.info("Choose two stakeholders.")
        st.stop()
    return source, target
