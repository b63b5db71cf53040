"""Stakeholder profile: everything about one stakeholder. Its details, its ties grouped by kind
with their evidence, a timeline of those ties, its place in the network, and who it could
partner with. The stakeholder is the URL's ``entity`` parameter, so a profile can be linked."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from graph.analysis.suggest import suggest_partners
from graph.model import Relationship
from ui.components.evidence import escape, show_relationship_evidence, tie_title
from ui.components.guard import whole_graph_or_stop
from ui.components.links import NETWORK, PATHS, link
from ui.components.state import seed, write_url
from ui.components.timeline import timeline_chart, timeline_frame
from ui.session import LAZY_BETWEENNESS_ABOVE, betweenness, metrics

st.title("Stakeholder profile")
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
    link(NETWORK, "Show in the network", ":material/hub:", around=entity_id)
with actions[1]:
    link(PATHS, "Find paths from here", ":material/route:", source=entity_id)

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

ties: dict[str, list[Relationship]] = defaultdict(list)
for other in graph.neighbours(entity_id):
    for tie in graph.ties(entity_id, other):
        ties[tie.kind.value].append(tie)
st.subheader(f"Relationships ({sum(len(group) for group in ties.values())})")
if not ties:
    st.caption("No relationship recorded yet.")
for kind in sorted(ties):
    with st.expander(f"{kind} ({len(ties[kind])})", expanded=len(ties) <= 3):
        for tie in sorted(ties[kind], key=lambda rel: rel.key):
            st.markdown(f"**{escape(tie_title(graph, tie))}**")
            show_relationship_evidence(graph, tie)

st.subheader("Timeline of its ties")
frame = timeline_frame(graph, [tie for group in ties.values() for tie in group])
if frame.empty:
    st.caption("None of its ties has a date.")
else:
    st.altair_chart(timeline_chart(frame, height=200), width="stretch")

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
