"""Overview: what the graph holds, its newest ties with their sources, its data health, and every
stakeholder in it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from graph.errors import CkgError
from graph.model import EntityStatus
from ui.components.evidence import tie_title
from ui.components.guard import whole_graph_or_stop
from ui.large.overview import render as render_from_store
from ui.session import large_graph, stats

NEWEST = 10

st.title("Consortium overview")
try:
    counts = stats()
except CkgError as error:
    st.error(f"The store cannot be read: {error}")
    st.stop()

columns = st.columns(4)
columns[0].metric("Entities", counts.entities.total)
columns[1].metric("Relationships", counts.relationships.total)
columns[2].metric("Sources", counts.sources)
columns[3].metric("Without evidence", counts.relationships.without_evidence)

if counts.entities.total == 0:
    st.info("The store is empty. Load data with `ckg ingest data/seed` (or your own files), then reload.")
    st.stop()

left, right = st.columns(2)
with left:
    st.subheader("Entities by kind")
    st.dataframe(
        pd.DataFrame(sorted(counts.entities.by_kind.items()), columns=["kind", "count"]),
        hide_index=True,
        width="stretch",
    )
with right:
    st.subheader("Relationships by kind")
    st.dataframe(
        pd.DataFrame(sorted(counts.relationships.by_kind.items()), columns=["kind", "count"]),
        hide_index=True,
        width="stretch",
    )

if large_graph():  # counted and listed by the store: see ui.large
    render_from_store()
    st.stop()
graph = whole_graph_or_stop()

st.subheader("Newest relationships")
dated = sorted(
    graph.relationships.values(),
    key=lambda rel: (graph.first_reported(rel) or date.min, rel.key),
    reverse=True,
)[:NEWEST]
st.dataframe(
    pd.DataFrame(
        [
            {
                "date": str(graph.first_reported(rel) or ""),
                "relationship": tie_title(graph, rel),
                "sources": "; ".join(
                    sorted(
                        {
                            (graph.sources[ev.source].title if ev.source in graph.sources else ev.source)
                            for ev in rel.evidence
                        }
                    )
                ),
            }
            for rel in dated
        ]
    ),
    hide_index=True,
    width="stretch",
)

st.subheader("Data health")
one_source = [rel for rel in graph.relationships.values() if len({ev.source for ev in rel.evidence}) == 1]
lonely = [entity for eid, entity in graph.entities.items() if graph.graph.degree(eid) == 0]
proposed = [entity for entity in graph.entities.values() if entity.status is EntityStatus.PROPOSED]
health = st.columns(3)
health[0].metric(
    "Resting on one source",
    len(one_source),
    help="Relationships that a single source states: a second source would make them firmer.",
)
health[1].metric("With no relationship", len(lonely), help="Stakeholders not tied to anyone yet.")
health[2].metric(
    "Proposals to review",
    len(proposed),
    help="Stakeholders an extractor proposed; accept or reject them with `ckg review`.",
)
with st.expander(f"Stakeholders with no relationship ({len(lonely)})"):
    st.write(", ".join(sorted(entity.name for entity in lonely)) or "None.")
with st.expander(f"Proposals waiting for review ({len(proposed)})"):
    st.write(", ".join(sorted(entity.name for entity in proposed)) or "None.")

st.subheader("Stakeholders")
entities = list(graph.entities.values())
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
        "ties": graph.graph.degree(e.id),
    }
    for e in entities
    if e.kind.value in chosen and (not query or any(query in name.casefold() for name in e.names()))
]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
st.caption(f"{len(rows)} of {len(entities)} stakeholders shown")
