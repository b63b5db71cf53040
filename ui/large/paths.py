"""The Paths page on a large graph: the ends and who to leave out are searched in the store as
the user types, and the store searches for the paths (``find_paths_in_store``, as ``ckg path``
does past its threshold): every shortest path under the filters, the ``k`` cheapest of them
listed. Ranking by weight over every path would weigh every tie of the graph, so it is not
offered here. Widget keys and URL parameters are those of the page on a small graph."""

from __future__ import annotations

from datetime import date

import streamlit as st

from graph.model import RelationshipKind
from graph.store.path_query import DEFAULT_MAX_LENGTH, PathQuery
from ui.components.guard import EMPTY
from ui.components.paths_answer import keep_choices, show_answer
from ui.components.picker import known_id, pick_many, pick_one
from ui.components.state import decode_list, seed
from ui.session import entity_labels, paths_in_store, stats

TOO_FEW = "Load data with `ckg ingest data/seed` first: a path needs two stakeholders."


def render() -> None:
    counts = stats()
    if counts.entities.total < 2:
        st.info(TOO_FEW if counts.entities.total else EMPTY)
        st.stop()
    asked_weight = st.query_params.get("rank") == "weight" and "path_rank" not in st.session_state
    seed("path_source", "source", known_id, None)
    seed("path_target", "target", known_id, None)
    seed("path_k", "k", int, 3)
    seed("path_via", "via", lambda t: [RelationshipKind(k).value for k in decode_list(t)], list[str]())
    seed("path_exclude", "exclude", lambda t: [i for i in decode_list(t) if known_id(i)], list[str]())
    seed("path_avoid_ended", "avoid_ended", lambda t: t == "1", False)
    seed("path_max", "max", int, 0)
    seed("path_rank", "rank", lambda t: "hops", "hops")
    seed("path_as_of", "as_of", date.fromisoformat, None)

    st.info(
        f"This graph holds {counts.entities.total:,} stakeholders and {counts.relationships.total:,} ties: "
        "type part of a name, an alias or a Korean name to find each end, and the store searches for "
        "the paths with the fewest hops (the cheapest of them first), drawn with only their own "
        "stakeholders and ties. Narrow the search under Options: kinds of tie, who to leave out, "
        "ended ties, at most so many hops, a date.",
        icon=":material/info:",
    )
    if asked_weight:
        st.caption(
            "This link asked for the paths ranked by weight: on a graph this large they are ranked by hops."
        )
    ends = st.columns(2)
    source = pick_one("From", "path_source", container=ends[0])
    target = pick_one("To", "path_target", container=ends[1], placeholder="another stakeholder")
    with st.expander("Options", icon=":material/tune:"):
        row = st.columns(4)
        k = row[0].number_input(
            "Paths", min_value=1, max_value=20, key="path_k", help="How many distinct paths."
        )
        max_length = row[1].number_input(
            "At most hops", min_value=0, max_value=12, key="path_max", help="0 means the store's limit (12)."
        )
        rank = row[2].radio(
            "Rank by",
            ["hops"],
            key="path_rank",
            horizontal=True,
            disabled=True,
            help="Fewest hops first, the cheapest ties among them first. Ranking by weight over every "
            "path needs the whole graph in memory, which a graph this large is not read into.",
        )
        as_of = row[3].date_input("As of", key="path_as_of", value=None)
        via = st.multiselect(
            "Only through these kinds of tie",
            [kind.value for kind in RelationshipKind],
            key="path_via",
            placeholder="any kind",
        )
        exclude = pick_many("Leave out", "path_exclude")
        avoid_ended = st.toggle("Avoid ties that have ended", key="path_avoid_ended")

    source, target = keep_choices(
        source,
        target,
        k=int(k),
        via=via,
        exclude=exclude,
        avoid_ended=avoid_ended,
        max_length=int(max_length),
        rank=rank,
        as_of=as_of,
    )

    query = PathQuery(
        kinds=frozenset(RelationshipKind(kind) for kind in via) or None,
        exclude=frozenset(exclude),
        include_ended=not avoid_ended,
        as_of=as_of if isinstance(as_of, date) else None,
        max_length=int(max_length) or DEFAULT_MAX_LENGTH,
    )
    found = paths_in_store(source, target, query, int(k))
    answer, shown = found.answer, found.shown
    names = {eid: entity.name for eid, entity in shown.entities.items()}
    for end in (source, target):
        names.setdefault(end, entity_labels([end]).get(end, end).rsplit(" · ", 1)[0])
    rank_by = {node: float(shown.graph.degree(node)) for node in shown.graph}
    show_answer(answer, shown, rank_by, names)
