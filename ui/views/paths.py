"""Paths: how one stakeholder could reach another. The ``k`` best paths, drawn highlighted and
listed hop by hop, each hop with its relationship, dates and quoted evidence, as ``ckg path``
prints them. Options and ends are in the URL, so a found path can be sent as a link."""

from __future__ import annotations

from datetime import date
from typing import Literal, cast

import streamlit as st

from graph.analysis.paths import find_paths
from graph.analysis.projection import GraphFilter
from graph.analysis.store_paths import STORE_ENGINE_THRESHOLD, find_paths_in_store
from graph.model import RelationshipKind
from graph.store.path_query import DEFAULT_MAX_LENGTH, PathQuery
from ui.components.guard import whole_graph_or_stop
from ui.components.paths_answer import keep_choices, show_answer
from ui.components.state import decode_list, seed
from ui.large.paths import render as render_from_store
from ui.session import current_store, large_graph, metrics, projection

st.title("Paths")
st.caption("How could one stakeholder reach another? Every hop shows the tie and the source that states it.")
if large_graph():  # answered from the store: see ui.large
    render_from_store()
    st.stop()
whole = whole_graph_or_stop(
    at_least=2, too_few="Load data with `ckg ingest data/seed` first: a path needs two stakeholders."
)

names = {eid: entity.name for eid, entity in whole.entities.items()}
ids = sorted(whole.entities, key=lambda eid: names[eid].casefold())


def _entity(text: str) -> str | None:
    return text if text in whole.entities else None


seed("path_source", "source", _entity, None)
seed("path_target", "target", _entity, None)
seed("path_k", "k", int, 3)
seed("path_via", "via", lambda t: [RelationshipKind(k).value for k in decode_list(t)], list[str]())
seed("path_exclude", "exclude", lambda t: [i for i in decode_list(t) if i in whole.entities], list[str]())
seed("path_avoid_ended", "avoid_ended", lambda t: t == "1", False)
seed("path_max", "max", int, 0)
seed("path_rank", "rank", lambda t: t if t in ("hops", "weight") else "hops", "hops")
seed("path_as_of", "as_of", date.fromisoformat, None)

ends = st.columns(2)
source = ends[0].selectbox(
    "From", ids, key="path_source", index=None, placeholder="a stakeholder", format_func=names.__getitem__
)
target = ends[1].selectbox(
    "To", ids, key="path_target", index=None, placeholder="another stakeholder", format_func=names.__getitem__
)
with st.expander("Options", icon=":material/tune:"):
    row = st.columns(4)
    k = row[0].number_input("Paths", min_value=1, max_value=20, key="path_k", help="How many distinct paths.")
    max_length = row[1].number_input(
        "At most hops", min_value=0, max_value=12, key="path_max", help="0 means no limit."
    )
    rank = row[2].radio(
        "Rank by",
        ["hops", "weight"],
        key="path_rank",
        horizontal=True,
        help="hops: fewest hops first; weight: cheapest ties (recent, active, well sourced).",
    )
    as_of = row[3].date_input("As of", key="path_as_of", value=None)
    via = st.multiselect(
        "Only through these kinds of tie",
        [kind.value for kind in RelationshipKind],
        key="path_via",
        placeholder="any kind",
    )
    exclude = st.multiselect(
        "Leave out", ids, key="path_exclude", format_func=names.__getitem__, placeholder="nobody"
    )
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

view = GraphFilter(
    relationship_kinds=frozenset(RelationshipKind(kind) for kind in via) or None,
    include_ended=not avoid_ended,
    exclude=frozenset(exclude),
    as_of=as_of if isinstance(as_of, date) else None,
)
shown = projection(view)
if rank == "hops" and len(whole.entities) + len(whole.relationships) > STORE_ENGINE_THRESHOLD:
    # a large graph: the store searches (as `ckg path` does), rather than weighing every tie
    answer = find_paths_in_store(
        current_store(),
        source,
        target,
        PathQuery(
            kinds=view.relationship_kinds,
            exclude=view.exclude,
            include_ended=view.include_ended,
            as_of=view.as_of,
            max_length=int(max_length) or DEFAULT_MAX_LENGTH,
        ),
        k=int(k),
    )
else:
    answer = find_paths(
        shown,
        source,
        target,
        k=int(k),
        max_length=int(max_length) or None,
        rank=cast(Literal["hops", "weight"], rank),
    )
show_answer(answer, shown, metrics(view).degree, names)
