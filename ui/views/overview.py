"""Overview: what the graph holds, by kind, and every stakeholder in it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.errors import CkgError
from ui.session import current_store

st.title("Consortium overview")
try:
    store = current_store()
    stats = store.stats()
    entities = list(store.entities())
except CkgError as error:
    st.error(f"The store cannot be read: {error}")
    st.stop()

st.caption(f"Store: `{stats.store}`")
columns = st.columns(4)
columns[0].metric("Entities", stats.entities.total)
columns[1].metric("Relationships", stats.relationships.total)
columns[2].metric("Sources", stats.sources)
columns[3].metric("Without evidence", stats.relationships.without_evidence)

if stats.entities.total == 0:
    st.info("The store is empty. Load data with `ckg ingest data/seed` (or your own files), then reload.")
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader("Entities by kind")
    st.dataframe(
        pd.DataFrame(sorted(stats.entities.by_kind.items()), columns=["kind", "count"]),
        hide_index=True,
        width="stretch",
    )
with right:
    st.subheader("Relationships by kind")
    st.dataframe(
        pd.DataFrame(sorted(stats.relationships.by_kind.items()), columns=["kind", "count"]),
        hide_index=True,
        width="stretch",
    )

st.subheader("Stakeholders")
kinds = sorted({entity.kind.value for entity in entities})
chosen = st.multiselect("Kinds", kinds, default=kinds)
query = st.text_input("Find by name, alias or Korean name", "").strip().casefold()
rows = [
    {
        "id": e.id,
        "name": e.name,
        "kind": e.kind.value,
        "status": e.status.value,
        "aliases": ", ".join(e.aliases),
        "country": e.country or "",
        "sectors": ", ".join(e.sectors),
    }
    for e in entities
    if e.kind.value in chosen and (not query or any(query in name.casefold() for name in e.names()))
]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
st.caption(f"{len(rows)} of {len(entities)} stakeholders shown")
