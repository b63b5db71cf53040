"""The app's connection to the store: one per server process, shared by every browser session."""

from __future__ import annotations

import streamlit as st

from graph.store import GraphStore, open_store, resolve_store_uri


@st.cache_resource(show_spinner="Opening the store…")
def _store(uri: str) -> GraphStore:
    return open_store(uri, create=False)


def current_store() -> GraphStore:
    """The store named by ``CKG_STORE`` (set by ``ckg ui --store``), else the default file."""
    return _store(resolve_store_uri())
