"""The Overview on a large graph: the same sections, each counted or listed by the store, so
the app's first page never reads the whole graph (docs/BENCHMARKS.md, "App pages (100,000
entities)": the page that read it took 52 s there). The stakeholder table lists the best
connected, or what a search finds, instead of every stakeholder.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from graph.model import Relationship, Source
from graph.store.base import summarise
from ui.components.evidence import tie_line
from ui.session import best_connected, data_health, entity_labels, search_entities, sources_by_ids

LISTED = 100
"""Stakeholders the table lists: the best connected, or the first a search finds."""


def render() -> None:
    health = data_health()
    _newest(health.newest)
    st.subheader("Data health")
    columns = st.columns(3)
    columns[0].metric(
        "Resting on one source",
        health.one_source,
        help="Relationships that a single source states: a second source would make them firmer.",
    )
    columns[1].metric("With no relationship", health.unconnected, help="Stakeholders not tied to anyone yet.")
    columns[2].metric(
        "Proposals to review",
        health.proposed,
        help="Stakeholders an extractor proposed; accept or reject them with `ckg review`.",
    )
    with st.expander(f"Stakeholders with no relationship ({health.unconnected:,})"):
        st.write(_names(health.unconnected_names, health.unconnected))
    with st.expander(f"Proposals waiting for review ({health.proposed:,})"):
        st.write(_names(health.proposed_names, health.proposed))
    _stakeholders()


def _newest(ties: list[Relationship]) -> None:
    st.subheader("Newest relationships")
    labels = entity_labels([end for tie in ties for end in (tie.source, tie.target)])
    sources = sources_by_ids([evidence.source for tie in ties for evidence in tie.evidence])
    titles = {sid: source.title for sid, source in sources.items()}
    rows = [
        {
            "date": str(_first_reported(tie, sources)),
            "relationship": tie_line({eid: _name(labels, eid) for eid in (tie.source, tie.target)}, tie),
            "sources": "; ".join(sorted({titles.get(e.source, e.source) for e in tie.evidence})),
        }
        for tie in ties
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _stakeholders() -> None:
    st.subheader("Stakeholders")
    text = st.text_input("Find by name, alias or Korean name", "", key="overview_find").strip()
    if text:
        ids = [found.id for found in search_entities(text, LISTED)]
        caption = f"{len(ids)} stakeholders shown: those found for “{text}” (at most {LISTED})"
        ties: dict[str, int | None] = dict.fromkeys(ids)
    else:
        ranked = best_connected(LISTED)
        ties = dict(ranked)
        caption = f"{len(ranked)} stakeholders shown: those with the most ties; search to find any other"
    labels = entity_labels(list(ties))
    rows = [{"id": eid, "stakeholder": labels.get(eid, eid), "ties": count} for eid, count in ties.items()]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(caption)


def _first_reported(tie: Relationship, sources: dict[str, Source]) -> date | str:
    """Its ``since``, else when its first source was published (as the store orders by)."""
    published = {sid: source.published for sid, source in sources.items() if source.published}
    return summarise(tie, published).first_reported or ""


def _name(labels: dict[str, str], entity_id: str) -> str:
    return labels.get(entity_id, entity_id).split(" · ")[0]


def _names(names: list[str], total: int) -> str:
    if not names:
        return "None."
    more = f" … and {total - len(names):,} more" if total > len(names) else ""
    return ", ".join(names) + more
