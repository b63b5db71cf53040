"""The Ask page's answers, shown the same way on any size of graph: a guided question's table,
its download and its drawing, and on Neo4j the read-only Cypher box."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd
import streamlit as st

from graph.analysis.projection import Projection
from graph.analysis.questions import QuestionAnswer
from graph.errors import CkgError
from graph.export.view import restrict
from graph.model import EntityKind, RelationshipKind
from graph.store.neo4j import Neo4jStore
from ui.components.downloads import csv_download, download_buttons
from ui.components.graph_view import choose, draw, elements
from ui.components.state import seed
from ui.session import current_store, store_uri

QUESTIONS = {
    "since": "All ties of a kind since a date (e.g. MOUs since 2025)",
    "funds": "Who funds a stakeholder, and what it funds",
    "members": "Members of a cluster",
    "lacking": "Which clusters have no member of a kind (e.g. no university)",
    "connectors": "Who connects one stakeholder's partners to another's",
}
CYPHER = "cypher"


def choose_question() -> str:
    """The question asked (from the URL's ``q`` at first), with the read-only Cypher box offered
    on Neo4j; seeds the inputs every size of page shares (kinds and the date)."""
    choices = {**QUESTIONS, **({CYPHER: "Read-only Cypher (Neo4j)"} if on_neo4j() else {})}
    seed("ask_q", "q", lambda t: t if t in choices else "since", "since")
    seed("ask_kind", "kind", lambda t: RelationshipKind(t).value, RelationshipKind.SIGNED_MOU_WITH.value)
    seed("ask_since", "since", date.fromisoformat, date(2025, 1, 1))
    seed("ask_lacking", "lacking", lambda t: EntityKind(t).value, EntityKind.UNIVERSITY.value)
    question: str = st.selectbox("Question", list(choices), key="ask_q", format_func=choices.__getitem__)
    return question


def since_inputs() -> tuple[RelationshipKind, date | None]:
    """The kind of tie and the date of "all ties of a kind since a date"."""
    left, right = st.columns(2)
    kind = left.selectbox("Kind of tie", [k.value for k in RelationshipKind], key="ask_kind")
    since = right.date_input("Since", key="ask_since")
    return RelationshipKind(kind), since if isinstance(since, date) else None


def lacking_input() -> EntityKind:
    """The kind of member of "which clusters have no member of a kind"."""
    return EntityKind(st.selectbox("Kind of member", [k.value for k in EntityKind], key="ask_lacking"))


def on_neo4j() -> bool:
    """Whether the store is a Neo4j server (which alone runs Cypher)."""
    return isinstance(current_store(), Neo4jStore)


def show_answer(
    answer: QuestionAnswer | None, graph: Projection | None, rank: Callable[[Projection], Mapping[str, float]]
) -> None:
    """The answer's table (with a CSV download) and a drawing of what it is about, drawn from
    ``graph`` (which holds its stakeholders and ties); when the drawing is cut, those ranked
    highest by ``rank`` (asked only then, of the part to draw) are kept."""
    if answer is None or graph is None:
        st.info("Choose what the question is about.")
        return
    st.subheader(answer.question)
    if not answer.rows:
        st.info(f"No answer: {answer.note}.")
        return
    table = pd.DataFrame(answer.rows, columns=answer.columns)
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(f"{len(answer.rows):,} row(s)")
    csv_download("Download the table (CSV)", table, "answer.csv")
    if answer.relationships:
        shown = restrict(graph, answer.entities, answer.relationships)
        drawing = choose(shown, rank=dict(rank(shown)))
        draw(
            elements(shown, drawing, weight={node: 1.0 for node in drawing.nodes}),
            key="ask_graph",
            height=420,
            expandable=False,
        )
        download_buttons(
            restrict(shown, drawing.nodes, drawing.edges), key="ask_dl", stem="answer", store_uri=store_uri()
        )


def cypher_box() -> None:
    """A read-only Cypher box for the Neo4j store: planned first and refused if it would write,
    then run in a read transaction with a time limit and a row limit, as ``ckg query`` runs it."""
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
    if not (
        right.button("Run", type="primary", icon=":material/play_arrow:", key="ask_run") and text.strip()
    ):
        return
    store = current_store()
    assert isinstance(store, Neo4jStore)
    try:
        result = run_read_query(store, text, timeout=float(timeout), limit=int(limit))
    except QueryRefusedError as error:
        st.error(str(error), icon=":material/block:")
        return
    except CkgError as error:  # the server went away since the page opened
        st.error(f"The store cannot be read: {error}")
        return
    frame = pd.DataFrame([[str(cell) for cell in row] for row in result.rows], columns=result.columns)
    st.dataframe(frame, hide_index=True, width="stretch")
    st.caption(
        f"{len(result.rows):,} row(s)"
        + (f"; more were left out (row limit {result.limit:,})" if result.truncated else "")
    )
    csv_download("Download the rows (CSV)", frame, "query.csv")
