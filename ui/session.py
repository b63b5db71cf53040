"""The app's data: the store connection, and the graph read from it, cached for every page.

One store connection per server process (``st.cache_resource``), shared by every browser session.
The graph is read once (a *snapshot*: every entity, relationship and source) and each view the
pages ask for is filtered from it in memory, so a filter change never goes back to the store.

Projections and metrics are cached with ``st.cache_resource`` rather than ``st.cache_data``:
``cache_data`` unpickles a fresh copy on every hit, which for 5,000 entities and 25,000 ties
costs more than the page itself. The analysis functions never mutate a projection, so sharing one
object is safe. Everything expires after :data:`TTL` seconds, and the sidebar's *Reload data*
button (:func:`refresh`) clears it at once after an ingest.

On a large graph (:func:`large_graph`) the Overview, Network, Paths and Profile pages never read
the snapshot: they ask the store for bounded answers (:func:`data_health`, :func:`search_entities`,
:func:`store_view`, :func:`paths_in_store`, :func:`store_profile`), cached the same way.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import islice, zip_longest

import streamlit as st
from pydantic import BaseModel, ConfigDict

from graph.analysis import store_paths, store_questions
from graph.analysis.gaps import find_gaps
from graph.analysis.metrics import communities, compute_metrics, simple_graph
from graph.analysis.projection import (
    CLUSTER_TIES,
    GraphFilter,
    Projection,
    build_projection,
    build_summary_projection,
    project,
)
from graph.analysis.results import GapReport, PathsAnswer
from graph.analysis.store_questions import StoreAnswer
from graph.errors import CkgError, NotFoundError
from graph.model import Entity, EntityKind, RelationshipKind, RelationshipStatus, Source, normalise_name
from graph.store import GraphStore, Stats, open_store, resolve_store_uri
from graph.store.base import DataHealth, EntityNames, PlaceCount, TieMonth
from graph.store.path_query import PathQuery

TTL = 600
"""Seconds a cached read stays fresh; the *Reload data* button clears it sooner."""
LAZY_BETWEENNESS_ABOVE = 2_000
"""Past this many stakeholders a page measures betweenness only when asked (it takes seconds)."""
LARGE_GRAPH_ENV = "CKG_UI_LARGE_GRAPH"
"""Entities plus relationships past which the Network and Paths pages ask the store rather than
read the whole graph; unset, :data:`graph.analysis.store_paths.STORE_ENGINE_THRESHOLD`."""


@st.cache_resource(show_spinner="Opening the store…")
def _store(uri: str) -> GraphStore:
    return open_store(uri, create=False)


def store_uri() -> str:
    """The store named by ``CKG_STORE`` (set by ``ckg ui --store``), else the default file."""
    return resolve_store_uri()


def current_store() -> GraphStore:
    """The open store of this server process."""
    return _store(store_uri())


@st.cache_data(ttl=TTL, show_spinner=False)
def _stats(uri: str) -> Stats:
    return _store(uri).stats()


def stats() -> Stats:
    """The store's counts (cached: the sidebar shows them on every page)."""
    return _stats(store_uri())


def large_graph_threshold() -> int:
    """``CKG_UI_LARGE_GRAPH`` when set, else the store search threshold of ``ckg path``."""
    value = os.environ.get(LARGE_GRAPH_ENV, "").strip()
    return int(value) if value.isdigit() else store_paths.STORE_ENGINE_THRESHOLD


def large_graph() -> bool:
    """Whether the store holds more entities plus relationships than
    :func:`large_graph_threshold`: the Network and Paths pages then answer from the store (a
    search instead of a list of every stakeholder, a bounded part of the graph instead of all
    of it). False when the store cannot be read, so a page says why as it always has."""
    try:
        counts = stats()
    except CkgError:
        return False
    return counts.entities.total + counts.relationships.total > large_graph_threshold()


@st.cache_resource(ttl=TTL, max_entries=2, show_spinner="Reading the graph…")
def _snapshot(uri: str, summarised: bool = False) -> Projection:
    return project(_store(uri), details=not summarised)


def full_graph(*, summarised: bool = False) -> Projection:
    """The whole graph, unfiltered; with ``summarised`` its ties as summaries (no evidence), as
    `ckg gaps` reads them: for the Gaps page on a large graph, where reading every tie whole
    took twice as long. Raises ProjectionTooLargeError past the analysis limit."""
    return _snapshot(store_uri(), summarised)


def _filtered(whole: Projection, view_json: str) -> Projection:
    """``whole`` narrowed to the view ``view_json``, its ties whole or summarised as they are."""
    view = GraphFilter.model_validate_json(view_json)
    if view == GraphFilter():
        return whole
    if not whole.detailed:
        return build_summary_projection(
            whole.entities.values(), whole.summaries.values(), whole.sources.values(), view
        )
    return build_projection(
        whole.entities.values(), whole.relationships.values(), whole.sources.values(), view
    )


@st.cache_resource(ttl=TTL, max_entries=32, show_spinner="Filtering the view…")
def _view(uri: str, view_json: str, summarised: bool = False) -> Projection:
    return _filtered(_snapshot(uri, summarised), view_json)


def projection(view: GraphFilter | None = None, *, summarised: bool = False) -> Projection:
    """The projection of ``view`` (the whole graph when ``None``), filtered from the snapshot
    (the summarised one with ``summarised``: see :func:`full_graph`)."""
    return _view(store_uri(), (view or GraphFilter()).model_dump_json(), summarised)


@dataclass(frozen=True)
class ViewMetrics:
    """Cheap per-stakeholder measures of a view, for sizing and colouring the network."""

    degree: dict[str, int]
    pagerank: dict[str, float]
    community: dict[str, int]


def measure(view: Projection) -> ViewMetrics:
    """Degree, PageRank and community of every stakeholder of ``view`` (uncached: for a small one)."""
    simple = simple_graph(view)
    degree = dict(zip(simple.ids, simple.graph.degree(), strict=True))
    pagerank = dict(zip(simple.ids, simple.graph.pagerank(damping=0.85), strict=True)) if simple.ids else {}
    return ViewMetrics(degree=degree, pagerank=pagerank, community=communities(view, simple))


@st.cache_resource(ttl=TTL, max_entries=16, show_spinner="Measuring the network…")
def _metrics(uri: str, view_json: str) -> ViewMetrics:
    return measure(_view(uri, view_json))


def metrics(view: GraphFilter | None = None) -> ViewMetrics:
    """Degree, PageRank and community of every stakeholder in ``view``."""
    return _metrics(store_uri(), (view or GraphFilter()).model_dump_json())


@st.cache_resource(ttl=TTL, max_entries=8, show_spinner="Measuring who connects whom…")
def _betweenness(uri: str, view_json: str) -> dict[str, float]:
    answer = compute_metrics(_view(uri, view_json))
    return {row.id: row.betweenness for row in answer.entities}


def betweenness(view: GraphFilter | None = None) -> dict[str, float]:
    """Betweenness of every stakeholder in ``view``, as ``ckg metrics`` computes it (exact up to
    5,000 stakeholders, estimated from a seeded sample past that)."""
    return _betweenness(store_uri(), (view or GraphFilter()).model_dump_json())


@st.cache_resource(ttl=TTL, max_entries=8, show_spinner="Looking for gaps…")
def _gaps(uri: str, view_json: str, sectors: tuple[str, ...], summarised: bool = False) -> GapReport:
    return find_gaps(_view(uri, view_json, summarised), sectors=sectors or None)


def gap_report(
    view: GraphFilter | None = None, sectors: tuple[str, ...] = (), *, summarised: bool = False
) -> GapReport:
    """The gap report of ``view`` (see :func:`graph.analysis.gaps.find_gaps`), cached; the same
    over the summarised graph (gaps quote no evidence)."""
    return _gaps(store_uri(), (view or GraphFilter()).model_dump_json(), sectors, summarised)


def find_entities(text: str, limit: int = 10) -> list[Entity]:
    """Stakeholders whose id, name or an alias contains ``text`` (any case, Korean included),
    those whose name starts with it first."""
    wanted = normalise_name(text)
    if not wanted:
        return []
    found = [
        entity
        for entity in full_graph().entities.values()
        if any(wanted in normalise_name(name) for name in entity.names())
    ]
    found.sort(key=lambda e: (not normalise_name(e.name).startswith(wanted), e.name.casefold()))
    return found[:limit]


# -- a large graph: answers from the store, never the whole graph ------------------------------


@st.cache_data(ttl=TTL, max_entries=512, show_spinner=False)
def _search(uri: str, text: str, limit: int) -> list[EntityNames]:
    return _store(uri).search_entities(text, limit)


def search_entities(text: str, limit: int = 10) -> list[EntityNames]:
    """Stakeholders whose id, name or an alias contains ``text``, searched by the store (see
    :meth:`graph.store.base.GraphStore.search_entities`): a picker's matches on a large graph."""
    wanted = normalise_name(text)
    return _search(store_uri(), wanted, limit) if wanted else []


@st.cache_data(ttl=TTL, max_entries=4, show_spinner="Counting…")
def _health(uri: str, newest: int, names: int) -> DataHealth:
    return _store(uri).data_health(newest, names)


def data_health(newest: int = 10, names: int = 50) -> DataHealth:
    """The overview's newest ties and upkeep counts, counted by the store (cached)."""
    return _health(store_uri(), newest, names)


@st.cache_data(ttl=TTL, max_entries=16, show_spinner=False)
def _sources(uri: str, ids: tuple[str, ...]) -> dict[str, Source]:
    return _store(uri).sources_by_ids(ids)


def sources_by_ids(ids: list[str]) -> dict[str, Source]:
    """The sources among ``ids`` the store holds, by id."""
    return _sources(store_uri(), tuple(sorted(set(ids)))) if ids else {}


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _best_connected(uri: str, limit: int) -> list[tuple[str, int]]:
    return _store(uri).best_connected(limit, PathQuery())


def best_connected(limit: int) -> list[tuple[str, int]]:
    """(id, ties) of the ``limit`` stakeholders with the most ties, counted by the store."""
    return _best_connected(store_uri(), limit)


@st.cache_data(ttl=TTL, max_entries=256, show_spinner=False)
def _labels(uri: str, ids: tuple[str, ...]) -> dict[str, str]:
    found = _store(uri).entities_by_ids(ids)
    return {eid: f"{entity.name} · {entity.kind.value}" for eid, entity in found.items()}


def entity_labels(ids: list[str]) -> dict[str, str]:
    """ "Name · Kind" of each of ``ids`` the store holds (unknown ids are absent)."""
    return _labels(store_uri(), tuple(sorted(set(ids)))) if ids else {}


def tie_query(view: GraphFilter) -> PathQuery:
    """The tie filters of ``view`` a store applies itself (kinds of tie, ended ties, a date);
    the rest of the view is applied to what the store returns."""
    no_ended = view.statuses is not None and RelationshipStatus.ENDED not in view.statuses
    return PathQuery(
        kinds=view.relationship_kinds,
        include_ended=view.include_ended and not no_ended,
        as_of=view.as_of,
        exclude=view.exclude,
    )


@dataclass(frozen=True)
class StoreView:
    """A bounded part of a large graph, read from the store for the Network page.

    ``read`` holds the stakeholders read and every tie among them; ``shown`` is ``read``
    filtered by the view. ``reached`` is how many stakeholders the request reached before it
    was cut to the limit (None for the best connected, which are a cut of the whole graph by
    definition); ``ties`` is each ranked stakeholder's number of usable ties in the store."""

    read: Projection
    shown: Projection
    reached: int | None
    ties: dict[str, int]


@st.cache_resource(ttl=TTL, max_entries=32, show_spinner="Reading this part of the graph…")
def _store_view(uri: str, request_json: str) -> StoreView:
    request = _StoreViewRequest.model_validate_json(request_json)
    store, view = _store(uri), request.view
    query = tie_query(view)
    keep = list(dict.fromkeys(request.keep))
    ties: dict[str, int] = {}
    reached: int | None = None
    grown: list[str] = []
    for node in request.expanded:
        grown += [tie.far for ring in store.neighbourhood(node, 1, query).rings for tie in ring]
    centre = request.around or view.cluster
    if centre is not None:
        # a cluster's view is its members: the cluster's ties of membership, read around it
        ring_query, depth = query, request.depth
        if request.around is None:
            kinds = CLUSTER_TIES & (view.relationship_kinds or CLUSTER_TIES)
            ring_query = query.model_copy(update={"kinds": frozenset(kinds)})
            depth = 1 if kinds else 0  # no kind of membership chosen: the cluster alone
        found = store.neighbourhood(centre, depth, ring_query)
        base = [centre]
        for ring in found.rings:
            into = Counter(tie.far for tie in ring)
            base += sorted(into, key=lambda node: (-into[node], node))
        reached = len(set(base) | set(grown) | set(keep))
    else:
        ties = dict(store.best_connected(request.limit, query, view.entity_kinds))
        base = list(ties)
        if grown:
            reached = len(set(base) | set(grown) | set(keep))
    chosen = list(dict.fromkeys([*keep, *grown, *base]))
    chosen = chosen[: max(request.limit, len(keep))]
    entities = store.entities_by_ids(chosen)
    relationships = store.ties_among(entities)
    sources = store.sources_by_ids({e.source for rel in relationships for e in rel.evidence})
    read = build_projection(entities.values(), relationships, sources.values())
    shown = build_projection(entities.values(), relationships, sources.values(), view)
    return StoreView(read=read, shown=shown, reached=reached, ties=ties)


class _StoreViewRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    view: GraphFilter = GraphFilter()
    around: str | None = None
    depth: int = 1
    expanded: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    limit: int = 300


def store_view(
    view: GraphFilter,
    *,
    around: str | None = None,
    depth: int = 1,
    expanded: tuple[str, ...] = (),
    keep: tuple[str, ...] = (),
    limit: int = 300,
) -> StoreView:
    """At most ``limit`` stakeholders (and always ``keep``) read from the store, with every tie
    among them: the rings around ``around`` to ``depth`` (nearest first, then those with most
    ties into their ring), else the members of the view's cluster, else the best connected of
    the view's kinds of stakeholder under its tie filters; with the neighbours of each of
    ``expanded`` first. Cached like every read."""
    request = _StoreViewRequest(
        view=view, around=around, depth=depth, expanded=expanded, keep=keep, limit=limit
    )
    return _store_view(store_uri(), request.model_dump_json())


@dataclass(frozen=True)
class StorePaths:
    """A path answer searched by the store, and a projection of just its paths to draw."""

    answer: PathsAnswer
    shown: Projection


@st.cache_resource(ttl=TTL, max_entries=64, show_spinner="Searching the store…")
def _store_paths(uri: str, source: str, target: str, query_json: str, k: int) -> StorePaths:
    store, query = _store(uri), PathQuery.model_validate_json(query_json)
    answer = store_paths.find_paths_in_store(store, source, target, query, k=k)
    shown = store_paths.paths_projection(store, [found.entities for found in answer.paths], query)
    return StorePaths(answer=answer, shown=shown)


def paths_in_store(source: str, target: str, query: PathQuery, k: int) -> StorePaths:
    """The ``k`` best of the shortest paths, searched by the store (as ``ckg path`` does on a
    large graph), with their projection; cached like every read."""
    return _store_paths(store_uri(), source, target, query.model_dump_json(), k)


PROFILE_TIES = 2_000
"""Ties a stakeholder's profile lists on a large graph, with their evidence (a hub of the
100,000-entity graph has thousands); the page says how many it has in all."""


@dataclass(frozen=True)
class StoreProfile:
    """One stakeholder and its own ties, read from the store for the Profile page.

    ``shown`` holds the stakeholder, the far end of each listed tie, the ties (with evidence)
    and the sources they cite; ``ties`` is how many ties it has in all (``by_kind``, of each
    kind), ``partners`` how many stakeholders they reach."""

    entity: Entity
    shown: Projection
    ties: int
    partners: int
    by_kind: dict[str, int]


@st.cache_resource(ttl=TTL, max_entries=64, show_spinner="Reading this stakeholder's ties…")
def _store_profile(uri: str, entity_id: str, limit: int) -> StoreProfile | None:
    store = _store(uri)
    try:
        around = [tie for ring in store.neighbourhood(entity_id, 1, PathQuery()).rings for tie in ring]
    except NotFoundError:
        return None
    by_kind: dict[str, list[str]] = {}
    for key, kind in sorted({tie.key: tie.kind for tie in around}.items()):
        by_kind.setdefault(kind, []).append(key)
    relationships = list(store.relationships_by_keys(_a_share_of_each(by_kind, limit)).values())
    ends = {entity_id} | {end for rel in relationships for end in (rel.source, rel.target)}
    entities = store.entities_by_ids(ends)
    sources = store.sources_by_ids({e.source for rel in relationships for e in rel.evidence})
    shown = build_projection(entities.values(), relationships, sources.values())
    return StoreProfile(
        entities[entity_id],
        shown,
        ties=sum(len(keys) for keys in by_kind.values()),
        partners=len({tie.far for tie in around} - {entity_id}),
        by_kind={kind: len(keys) for kind, keys in by_kind.items()},
    )


def _a_share_of_each(by_kind: dict[str, list[str]], limit: int) -> list[str]:
    """At most ``limit`` keys, taken from each kind in turn, so that a hub's profile lists some
    of every kind of tie it has rather than the first kinds in key order only."""
    turns = zip_longest(*(by_kind[kind] for kind in sorted(by_kind)))
    return list(islice((key for turn in turns for key in turn if key is not None), limit))


def store_profile(entity_id: str, limit: int = PROFILE_TIES) -> StoreProfile | None:
    """The stakeholder and up to ``limit`` of its ties (some of each kind) with their evidence, from the store
    (never the whole graph), or None for an unknown id; cached like every read."""
    return _store_profile(store_uri(), entity_id, limit)


@st.cache_resource(ttl=TTL, max_entries=32, show_spinner="Asking the store…")
def _store_answer(uri: str, question: str, arguments: tuple[tuple[str, str], ...]) -> StoreAnswer:
    store, given = _store(uri), dict(arguments)
    if question == "since":
        return store_questions.ties_since(
            store, RelationshipKind(given["kind"]), date.fromisoformat(given["since"])
        )
    if question == "funds":
        return store_questions.who_funds(store, given["entity"])
    if question == "members":
        return store_questions.members_of(store, given["cluster"])
    if question == "lacking":
        return store_questions.clusters_without(store, EntityKind(given["lacking"]))
    if question == "connectors":
        return store_questions.connectors(store, given["a"], given["b"])
    raise ValueError(f"no guided question {question!r}")


def store_answer(question: str, **arguments: str) -> StoreAnswer:
    """A guided question (see :data:`ui.components.answer.QUESTIONS`) answered from the part of
    the graph it needs, read from the store; cached like every read. Raises
    QuestionTooLargeError when that part is too large to read."""
    return _store_answer(store_uri(), question, tuple(sorted(arguments.items())))


@st.cache_data(ttl=TTL, max_entries=4, show_spinner="Counting stakeholders by place…")
def _place_counts(uri: str) -> list[PlaceCount]:
    return _store(uri).place_counts()


def place_counts() -> list[PlaceCount]:
    """The store's stakeholders counted by kind and place (the map of a large graph)."""
    return _place_counts(store_uri())


@st.cache_data(ttl=TTL, max_entries=4, show_spinner="Counting ties by month…")
def _tie_months(uri: str) -> list[TieMonth]:
    return _store(uri).tie_months()


def tie_months() -> list[TieMonth]:
    """The store's ties counted by month first reported, kind and status (its timeline)."""
    return _tie_months(store_uri())


def refresh() -> None:
    """Forget every cached read, so the next page shows what the store holds now."""
    for cached in (
        _stats,
        _snapshot,
        _view,
        _metrics,
        _betweenness,
        _gaps,
        _search,
        _labels,
        _store_view,
        _store_paths,
        _health,
        _sources,
        _best_connected,
        _store_profile,
        _store_answer,
        _place_counts,
        _tie_months,
    ):
        cached.clear()
