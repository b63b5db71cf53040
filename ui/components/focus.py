"""The card of the stakeholder selected in a network drawing: what it is, links to its profile
and its paths, and buttons to bring in its neighbours or collapse what was brought in."""

from __future__ import annotations

import streamlit as st

from graph.analysis.projection import Projection
from ui.components.evidence import escape
from ui.components.links import PATHS, PROFILE, link


def focus_card(shown: Projection, focus: str, expanded: list[str], ties_label: str) -> None:
    """The card of ``focus`` (in ``shown``); its buttons change ``net_expanded`` and rerun."""
    entity = shown.entities[focus]
    with st.container(border=True):
        st.markdown(
            f"**{escape(entity.name)}** · {entity.kind.value} · {shown.graph.degree(focus)} {ties_label}"
        )
        if entity.description:
            st.caption(entity.description)
        cells = st.columns(4)
        with cells[0]:
            link(PROFILE, "Open profile", ":material/badge:", entity=focus)
        with cells[1]:
            link(PATHS, "Find paths from here", ":material/route:", source=focus)
        if cells[2].button(
            "Bring in its neighbours",
            key="net_expand_focus",
            icon=":material/open_in_full:",
            disabled=focus in expanded,
        ):
            st.session_state["net_expanded"] = [*expanded, focus]
            st.rerun()
        if expanded and cells[3].button("Collapse all", icon=":material/close_fullscreen:"):
            st.session_state["net_expanded"] = []
            st.rerun()
