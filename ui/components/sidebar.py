"""The sidebar every page shares: which store the app reads, what it holds, a reload button,
and a search box that finds any stakeholder by name, alias or Korean name."""

from __future__ import annotations

import streamlit as st

from graph.errors import CkgError
from ui.components.links import PROFILE
from ui.session import find_entities, large_graph, refresh, search_entities, stats

SEARCH_KEY = "sidebar_search"
SEARCH_RESULTS = 8


def render_sidebar() -> None:
    with st.sidebar:
        try:
            counts = stats()
        except CkgError as error:
            st.error(f"The store cannot be read: {error}")
            return
        st.caption(f"Store: `{counts.store}`")
        st.markdown(
            f"**{counts.entities.total:,}** stakeholders · **{counts.relationships.total:,}** ties · "
            f"**{counts.sources:,}** sources"
        )
        if st.button(
            "Reload data",
            icon=":material/refresh:",
            help="Read the store again (after `ckg ingest`, say); the app otherwise caches for 10 minutes.",
        ):
            refresh()
            st.rerun()
        text = st.text_input(
            "Find a stakeholder", key=SEARCH_KEY, placeholder="name, alias or Korean name"
        ).strip()
        if not text:
            return
        try:
            if large_graph():  # the store searches: the whole graph is not read for a name
                matches = [
                    (found.id, found.names[0], found.kind) for found in search_entities(text, SEARCH_RESULTS)
                ]
            else:
                matches = [
                    (entity.id, entity.name, entity.kind) for entity in find_entities(text, SEARCH_RESULTS)
                ]
        except CkgError as error:
            st.error(str(error))
            return
        if not matches:
            st.caption(f"No stakeholder is called “{text}”.")
        for entity_id, name, kind in matches:
            st.page_link(
                PROFILE,
                label=f"{name} · {kind.value}",
                icon=":material/person_search:",
                query_params={"entity": entity_id},
            )
