"""Ask: the questions users ask most, answered as a table and a graph with no Cypher; and on
Neo4j, a read-only Cypher box (planned first and refused if it would write, then run in a read
transaction with a time limit and a row limit), the same as `ckg query`. On a large graph the
questions are answered from the store (see ui.large.ask)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from graph.analysis import questions
from graph.analysis.questions import QuestionAnswer
from graph.model import EntityKind
from ui.components.answer import CYPHER, choose_question, cypher_box, lacking_input, show_answer, since_inputs
from ui.components.guard import whole_graph_or_stop
from ui.components.state import seed, write_url
from ui.large.ask import render as render_from_store
from ui.session import large_graph, metrics

st.title("Ask")
if large_graph():
    render_from_store()
    st.stop()
graph = whole_graph_or_stop(at_least=0)
names = {eid: entity.name for eid, entity in graph.entities.items()}
ids = sorted(graph.entities, key=lambda eid: names[eid].casefold())
clusters = [eid for eid in ids if graph.entities[eid].kind in (EntityKind.CLUSTER, EntityKind.CONSORTIUM)]


def _entity(text: str) -> str | None:
    return text if text in graph.entities else None


question = choose_question()
seed("ask_entity", "entity", _entity, None)
seed("ask_cluster", "cluster", lambda t: t if t in clusters else None, None)
seed("ask_a", "a", _entity, None)
seed("ask_b", "b", _entity, None)
answer: QuestionAnswer | None = None
url: dict[str, object] = {"q": question}
if question == "since":
    kind, since = since_inputs()
    if since is not None:
        answer = questions.ties_since(graph, kind, since)
    url |= {"kind": kind.value, "since": since}
elif question == "funds":
    entity = st.selectbox("Stakeholder", ids, key="ask_entity", index=None, format_func=names.__getitem__)
    if entity:
        answer = questions.who_funds(graph, entity)
    url |= {"entity": entity}
elif question == "members":
    cluster = st.selectbox("Cluster", clusters, key="ask_cluster", index=None, format_func=names.__getitem__)
    if cluster:
        answer = questions.members_of(graph, cluster)
    url |= {"cluster": cluster}
elif question == "lacking":
    lacking = lacking_input()
    answer = questions.clusters_without(graph, lacking)
    url |= {"lacking": lacking.value}
elif question == "connectors":
    left, right = st.columns(2)
    a = left.selectbox("From the partners of", ids, key="ask_a", index=None, format_func=names.__getitem__)
    b = right.selectbox("To the partners of", ids, key="ask_b", index=None, format_func=names.__getitem__)
    if a and b:
        answer = questions.connectors(graph, a, b)
    url |= {"a": a, "b": b}
write_url({name: value for name, value in url.items() if isinstance(value, str | date) or value is None})

if question == CYPHER:
    cypher_box()
else:
    show_answer(answer, graph, lambda _: {node: float(degree) for node, degree in metrics().degree.items()})
