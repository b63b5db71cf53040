"""The parts of a stakeholder's profile that read only the stakeholder and its own ties, shared
by the Profile page on a small graph (the whole graph in memory) and on a large one (the
stakeholder's ties read from the store): its details, its ties by kind with their evidence,
and their timeline."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import streamlit as st

from graph.analysis.projection import Projection
from graph.model import Entity, Relationship
from ui.components.evidence import escape, show_relationship_evidence, tie_title
from ui.components.links import NETWORK, PATHS, link
from ui.components.timeline import timeline_chart, timeline_frame


def show_details(entity: Entity) -> None:
    """Name, kind, status, place, sectors, aliases, description and website; links to the
    stakeholder in the Network and Paths pages."""
    st.header(entity.name)
    facts = [f"**{entity.kind.value}**", entity.status.value]
    if entity.country:
        facts.append(entity.country + (f", {entity.region}" if entity.region else ""))
    if entity.sectors:
        facts.append("sectors: " + ", ".join(entity.sectors))
    st.markdown(" · ".join(facts))
    if entity.aliases:
        st.caption("Also called " + ", ".join(entity.aliases))
    if entity.description:
        st.write(entity.description)
    if entity.website:
        st.markdown(f"[{escape(entity.website)}]({entity.website})")
    actions = st.columns(3)
    with actions[0]:
        link(NETWORK, "Show in the network", ":material/hub:", around=entity.id)
    with actions[1]:
        link(PATHS, "Find paths from here", ":material/route:", source=entity.id)


def show_ties(
    graph: Projection, ties: Iterable[Relationship], *, totals: dict[str, int] | None = None
) -> None:
    """The ties grouped by kind, each with the evidence it rests on; ``totals``: how many of
    each kind the stakeholder has, when only some are listed."""
    by_kind: dict[str, list[Relationship]] = defaultdict(list)
    for tie in ties:
        by_kind[tie.kind.value].append(tie)
    totals = totals or {kind: len(group) for kind, group in by_kind.items()}
    st.subheader(f"Relationships ({_count(sum(len(g) for g in by_kind.values()), sum(totals.values()))})")
    if not by_kind:
        st.caption("No relationship recorded yet.")
    for kind in sorted(by_kind):
        count = _count(len(by_kind[kind]), totals.get(kind, len(by_kind[kind])))
        with st.expander(f"{kind} ({count})", expanded=len(by_kind) <= 3):
            for tie in sorted(by_kind[kind], key=lambda rel: rel.key):
                st.markdown(f"**{escape(tie_title(graph, tie))}**")
                show_relationship_evidence(graph, tie)


def _count(listed: int, total: int) -> str:
    return f"{listed:,}" if listed == total else f"{listed:,} of {total:,}"


def show_timeline(graph: Projection, ties: Iterable[Relationship]) -> None:
    st.subheader("Timeline of its ties")
    frame = timeline_frame(graph, ties)
    if frame.empty:
        st.caption("None of its ties has a date.")
    else:
        st.altair_chart(timeline_chart(frame, height=200), width="stretch")
