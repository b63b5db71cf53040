"""The Ask page on a large graph: each guided question reads from the store only the part of the
graph its answer stands on (:mod:`graph.analysis.store_questions`), never the whole graph, and
stakeholders are searched as the user types. Widget keys and URL parameters are those of the
page on a small graph, so a link means the same on both."""

from __future__ import annotations

from datetime import date

import streamlit as st

from graph.analysis.store_questions import ROWS, StoreAnswer
from graph.errors import CkgError
from ui.components.answer import CYPHER, choose_question, cypher_box, lacking_input, show_answer, since_inputs
from ui.components.guard import EMPTY
from ui.components.picker import known_id, pick_one
from ui.components.state import seed, write_url
from ui.session import measure, stats, store_answer


def _ask(question: str, **arguments: str) -> StoreAnswer:
    """The store's answer; the page stops with the reason shown when it cannot give one."""
    try:
        return store_answer(question, **arguments)
    except CkgError as error:  # too large a part to read, a stakeholder gone, the store away
        st.warning(f"{error}.", icon=":material/warning:")
        st.stop()


def render() -> None:
    counts = stats()
    if not counts.entities.total:
        st.info(EMPTY)
        st.stop()
    question = choose_question()
    for key, param in (("ask_entity", "entity"), ("ask_cluster", "cluster"), ("ask_a", "a"), ("ask_b", "b")):
        seed(key, param, known_id, None)
    found: StoreAnswer | None = None
    url: dict[str, str | date | None] = {"q": question}
    if question == "since":
        kind, since = since_inputs()
        if since is not None:
            found = _ask("since", kind=kind.value, since=since.isoformat())
        url |= {"kind": kind.value, "since": since}
    elif question == "funds":
        entity = pick_one("Stakeholder", "ask_entity")
        if entity:
            found = _ask("funds", entity=entity)
        url |= {"entity": entity}
    elif question == "members":
        cluster = pick_one("Cluster", "ask_cluster", placeholder="a cluster, consortium or place")
        if cluster:
            found = _ask("members", cluster=cluster)
        url |= {"cluster": cluster}
    elif question == "lacking":
        lacking = lacking_input()
        found = _ask("lacking", lacking=lacking.value)
        url |= {"lacking": lacking.value}
    elif question == "connectors":
        left, right = st.columns(2)
        a = pick_one("From the partners of", "ask_a", container=left)
        b = pick_one("To the partners of", "ask_b", container=right)
        if a and b:
            found = _ask("connectors", a=a, b=b)
        url |= {"a": a, "b": b}
    write_url(url)

    if question == CYPHER:
        cypher_box()
        return
    st.caption(
        f"This graph holds {counts.entities.total:,} stakeholders and {counts.relationships.total:,} "
        "ties: each question reads from the store only the stakeholders and ties its answer needs."
    )
    if found is not None and found.cut:
        st.info(
            f"The first {ROWS:,} rows are shown; more answer the question. Narrow it (a later date) "
            "or list them all with `ckg ask` on the command line.",
            icon=":material/info:",
        )
    show_answer(
        found.answer if found else None, found.part if found else None, lambda part: measure(part).degree
    )
