"""The Profile page on a large graph: the stakeholder is searched in the store as the user
types, and its details and its own ties (with their evidence and timeline) are read from the
store (:func:`ui.session.store_profile`), never the whole graph. The ranks that need the whole
graph (PageRank, betweenness, community) and the partner suggestions are left to ``ckg
metrics`` and ``ckg suggest``, which the page names. Widget keys and URL parameters are those
of the page on a small graph."""

from __future__ import annotations

import streamlit as st

from ui.components.guard import EMPTY
from ui.components.picker import known_id, pick_one
from ui.components.profile_parts import show_details, show_ties, show_timeline
from ui.components.state import seed, write_url
from ui.session import stats, store_profile


def render() -> None:
    counts = stats()
    if not counts.entities.total:
        st.info(EMPTY)
        st.stop()
    seed("profile_entity", "entity", known_id, None)
    entity_id = pick_one("Stakeholder", "profile_entity")
    if entity_id is None:
        st.info(
            f"This graph holds {counts.entities.total:,} stakeholders: type part of a name, an alias "
            "or a Korean name to find one.",
            icon=":material/info:",
        )
        st.stop()
    write_url({"entity": entity_id})
    profile = store_profile(entity_id)
    if profile is None:
        st.warning("This stakeholder is no longer in the store: reload the data.")
        st.stop()
    show_details(profile.entity)

    st.subheader("In the network")
    cells = st.columns(2)
    cells[0].metric("Partners", f"{profile.partners:,}", help="Stakeholders it has a tie to.")
    cells[1].metric("Ties", f"{profile.ties:,}", help="Its relationships, parallel ones counted apart.")
    st.caption(
        "PageRank, betweenness and community rank a stakeholder in the whole graph, which this page "
        f"does not read at this size: `ckg metrics` measures them. Who it could partner with: "
        f"`ckg suggest {entity_id}`."
    )
    ties = list(profile.shown.relationships.values())
    show_ties(profile.shown, ties, totals=profile.by_kind)
    show_timeline(profile.shown, ties)
