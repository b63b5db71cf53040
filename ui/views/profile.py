"""Stakeholder profile: everything about one stakeholder. Its details, its ties grouped by kind
with their evidence, a timeline of those ties, its place in the network, and who it could
partner with. The stakeholder is the URL's ``entity`` parameter, so a profile can be linked."""

from __future__ import annotations

import streamlit as st

from graph.analysis.suggest import suggest_partners
from ui.components.evidence import escape
from ui.components.guard import whole_graph_or_stop
from ui.components.profile_parts import show_details, show_ties, show_timeline
from ui.components.state import seed, write_url
from ui.large.profile import render as render_from_store
from ui.session import LAZY_BETWEENNESS_ABOVE, betweenness, large_graph, metrics

st.title("Stakeholder profile")
if large_graph():  # answered from the store: see ui.large
    render_from_store()
    st.stop()
graph = whole_graph_or_stop()

ids = sorted(graph.entities, key=lambda eid: graph.entities[eid].name.casefold())
seed("profile_entity", "entity", lambda text: text if text in graph.entities else ids[0], ids[0])
entity_id: str = st.selectbox(
    "Stakeholder",
    ids,
    key="profile_entity",
    format_func=lambda eid: f"{graph.entities[eid].name} ({graph.entities[eid].kind.value})",
)
write_url({"entity": entity_id})
entity = graph.entities[entity_id]

show_details(entity)

st.subheader("In the network")
measures = metrics()
cells = st.columns(4)
cells[0].metric("Ties to others", measures.degree.get(entity_id, 0))
ranked = sorted(measures.pagerank, key=lambda eid: -measures.pagerank[eid])
cells[1].metric(
    "PageRank",
    f"#{ranked.index(entity_id) + 1} of {len(ranked)}",
    help="Rank by PageRank in the whole graph.",
)
cells[2].metric("Community", measures.community.get(entity_id, 0), help="Louvain community, largest first.")
if len(graph.entities) <= LAZY_BETWEENNESS_ABOVE or st.session_state.get("betweenness_wanted"):
    cells[3].metric("Betweenness", f"{betweenness().get(entity_id, 0.0):.3f}")
else:
    cells[3].button(
        "Measure betweenness",
        help="Estimated from a sample of the graph; takes a few seconds on large graphs.",
        on_click=lambda: st.session_state.update(betweenness_wanted=True),
    )

ties = [tie for other in graph.neighbours(entity_id) for tie in graph.ties(entity_id, other)]
show_ties(graph, ties)
show_timeline(graph, ties)

st.subheader("Who it could partner with")
answer = suggest_partners(graph, entity_id, top=5)
if not answer.suggestions:
    st.caption("No suggestion: no organisation shares a partner, sector or place with it.")
else:
    for number, suggestion in enumerate(answer.suggestions, start=1):
        st.markdown(
            f"{number}. **{escape(suggestion.name)}** ({suggestion.kind}), score {suggestion.score:.2f}"
        )
        st.caption("; ".join(suggestion.reasons))
