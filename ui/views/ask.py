"""Ask: the questions users ask most, answered as a table and a graph with no Cypher; and on
Neo4j, a read-only Cypher box (planned first and refused if it would write, then run in a read
transaction with a time limit and a row limit), the same as `ckg query`."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from graph.analysis import questions
from graph.analysis.questions import QuestionAnswer
from graph.errors import CkgError
from graph.export.view import restrict
from graph.model import EntityKind, RelationshipKind
from graph.store.neo4j import Neo4jStore
from ui.components.downloads import download_buttons
from ui.components.graph_view import choose, draw, elements
from ui.components.guard import whole_graph_or_stop
from ui.components.state import seed, write_url
from ui.session import current_store, metrics, store_uri

QUESTIONS = {
    "since": "All ties of a kind since a date (e.g. MOUs since 2025)",
    "funds": "Who funds a stakeholder, and what it funds",
    "members": "Members of a cluster",
    "lacking": "Which clusters have no member of a kind (e.g. no university)",
    "connectors": "Who connects one stakeholder's partners to another's",
}
CYPHER = "cypher"

st.title("Ask")
graph = whole_graph_or_stop(at_least=0)
on_neo4j = isinstance(current_store(), Neo4jStore)
choices = {**QUESTIONS, **({CYPHER: "Read-only Cypher (Neo4j)"} if on_neo4j else {})}
names = {eid: entity.name for eid, entity in graph.entities.items()}
ids = sorted(graph.entities, key=lambda eid: names[eid].casefold())
clusters = [eid for eid in ids if graph.entities[eid].kind in (EntityKind.CLUSTER, EntityKind.CONSORTIUM)]


def _entity(text: str) -> str | None:
    return text if text in graph.entities else None


seed("ask_q", "q", lambda t: t if t in choices else "since", "since")
seed("ask_kind", "kind", lambda t: RelationshipKind(t).value, RelationshipKind.SIGNED_MOU_WITH.value)
seed("ask_since", "since", date.fromisoformat, date(2025, 1, 1))
seed("ask_entity", "entity", _entity, None)
seed("ask_cluster", "cluster", lambda t: t if t in clusters else None, None)
seed("ask_lacking", "lacking", lambda t: EntityKind(t).value, EntityKind.UNIVERSITY.value)
seed("ask_a", "a", _entity, None)
seed("ask_b", "b", _entity, None)

question = st.selectbox("Question", list(choices), key="ask_q", format_func=choices.__getitem__)
answer: QuestionAnswer | None = None
url: dict[str, object] = {"q": question}
if question == "since":
    left, right = st.columns(2)
    kind = left.selectbox("Kind of tie", [k.value for k in RelationshipKind], key="ask_kind")
    since = right.date_input("Since", key="ask_since")
    if isinstance(since, date):
        answer = questions.ties_since(graph, RelationshipKind(kind), since)
    url |= {"kind": kind, "since": since}
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
    lacking = st.selectbox("Kind of member", [k.value for k in EntityKind], key="ask_lacking")
    answer = questions.clusters_without(graph, EntityKind(lacking))
    url |= {"lacking": lacking}
elif question == "connectors":
    left, right = st.columns(2)
    a = left.selectbox("From the partners of", ids, key="ask_a", index=None, format_func=names.__getitem__)
    b = right.selectbox("To the partners of", ids, key="ask_b", index=None, format_func=names.__getitem__)
    if a and b:
        answer = questions.connectors(graph, a, b)
    url |= {"a": a, "b": b}
write_url({name: value for name, value in url.items() if isinstance(value, str | date) or value is None})

if question == CYPHER:
    from graph.store.neo4j_query import DEFAULT_LIMIT, DEFAULT_TIMEOUT, QueryRefusedError, run_read_query

    text = st.text_area(
        "Cypher (read only)",
        key="ask_cypher",
        height=120,
        placeholder="MATCH (a:Entity)-[r:SIGNED_MOU_WITH]-(b:Entity) RETURN a.name, b.name, r.since",
    )
    left, middle, right = st.columns([1, 1, 2])
    limit = left.number_input("Row limit", 1, 100_000, DEFAULT_LIMIT, key="ask_limit")
    timeout = middle.number_input("Time limit (s)", 1.0, 300.0, DEFAULT_TIMEOUT, key="ask_timeout")
    if right.button("Run", type="primary", icon=":material/play_arrow:", key="ask_run") and text.strip():
        store = current_store()
        assert isinstance(store, Neo4jStore)
        try:
            result = run_read_query(store, text, timeout=float(timeout), limit=int(limit))
        except QueryRefusedError as error:
            st.error(str(error), icon=":material/block:")
        except CkgError as error:  # the server went away since the page opened
            st.error(f"The store cannot be read: {error}")
        else:
            frame = pd.DataFrame([[str(cell) for cell in row] for row in result.rows], columns=result.columns)
            st.dataframe(frame, hide_index=True, width="stretch")
            st.caption(
                f"{len(result.rows):,} row(s)"
                + (f"; more were left out (row limit {result.limit:,})" if result.truncated else "")
            )
            st.download_button(
                "Download the rows (CSV)",
                frame.to_csv(index=False),
                file_name="query.csv",
                mime="text/csv",
                on_click="ignore",
                icon=":material/download:",
            )
    st.stop()

if answer is None:
    st.info("Choose what the question is about.")
    st.stop()
st.subheader(answer.question)
if not answer.rows:
    st.info(f"No answer: {answer.note}.")
    st.stop()
table = pd.DataFrame(answer.rows, columns=answer.columns)
st.dataframe(table, hide_index=True, width="stretch")
st.caption(f"{len(answer.rows):,} row(s)")
st.download_button(
    "Download the table (CSV)",
    table.to_csv(index=False),
    file_name="answer.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
if answer.relationships:
    shown = restrict(graph, answer.entities, answer.relationships)
    drawing = choose(shown, rank=metrics().degree)
    draw(
        elements(shown, drawing, weight={node: 1.0 for node in drawing.nodes}),
        key="ask_graph",
        height=420,
        expandable=False,
    )
    download_buttons(
        restrict(shown, drawing.nodes, drawing.edges), key="ask_dl", stem="answer", store_uri=store_uri()
    )
