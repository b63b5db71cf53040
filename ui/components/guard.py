"""What a page shows instead of itself when it has no graph to show: every page needs the
graph, and every page should say the same thing, the same way, when the store cannot be read or
holds too little."""

from __future__ import annotations

import streamlit as st

from graph.analysis.projection import Projection
from graph.errors import CkgError
from ui.session import full_graph

EMPTY = "The store is empty. Load data with `ckg ingest data/seed`, then reload."


def whole_graph_or_stop(*, at_least: int = 1, too_few: str = EMPTY, summarised: bool = False) -> Projection:
    """The whole graph (its ties as summaries with ``summarised``: see
    :func:`ui.session.full_graph`); or, when the store cannot be read or holds fewer than
    ``at_least`` entities, a message in the page's place and the page stopped."""
    try:
        whole = full_graph(summarised=summarised)
    except CkgError as error:
        st.error(f"The store cannot be read: {error}")
        st.stop()
    if len(whole.entities) < at_least:
        st.info(too_few)
        st.stop()
    return whole
