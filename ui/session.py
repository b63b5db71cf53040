"""The app's data: the store connection, and the graph read from it, cached for every page.

One store connection per server process (``st.cache_resource``), shared by every browser session.
The graph is read once (a *snapshot*: every entity, relationship and source) and each view the
pages ask for is filtered from it in memory, so a filter change never goes back to the store.

Projections and metrics are cached with ``st.cache_resource`` rather than ``st.cache_data``:
``cache_data`` unpickles a fresh copy on every hit, which for 5,000 entities and 25,000 ties
costs more than the page itself. The analysis functions never mutate a projection, so sharing one
object is safe. Everything expires after :data:`TTL` seconds, and the sidebar's *Reload data*
button (:func:`refresh`) clears it at once after an ingest.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from graph.analysis.gaps import find_gaps
from graph.analysis.metrics import communities, compute_metrics, simple_graph
from graph.analysis.projection import GraphFilter, Projection, build_projection, project
from graph.analysis.results import GapReport
from graph.model import Entity, normalise_name
from graph.store import GraphStore, Stats, open_store, resolve_store_uri

TTL = 600
"""Seconds a cached read stays fresh; the *Reload data* button clears it sooner."""
LAZY_BETWEENNESS_ABOVE = 2_000
"""Past this many stakeholders a page measures betweenness only when asked (it takes seconds)."""


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


@st.cache_resource(ttl=TTL, max_entries=2, show_spinner="Reading the graph…")
def _snapshot(uri: str) -> Projection:
    return project(_store(uri))


def full_graph() -> Projection:
    """The whole graph, unfiltered. Raises ProjectionTooLargeError past the analysis limit."""
    return _snapshot(store_uri())


@st.cache_resource(ttl=TTL, max_entries=32, show_spinner="Filtering the view…")
def _view(uri: str, view_json: str) -> Projection:
    whole = _snapshot(uri)
    view = GraphFilter.model_validate_json(view_json)
    if view == GraphFilter():
        return whole
    return build_projection(
        whole.entities.values(), whole.relationships.values(), whole.sources.values(), view
    )


def projection(view: GraphFilter | None = None) -> Projection:
    """The projection of ``view`` (the whole graph when ``None``), filtered from the snapshot."""
    return _view(store_uri(), (view or GraphFilter()).model_dump_json())


@dataclass(frozen=True)
class ViewMetrics:
    """Cheap per-stakeholder measures of a view, for sizing and colouring the network."""

    degree: dict[str, int]
    pagerank: dict[str, float]
    community: dict[str, int]


@st.cache_resource(ttl=TTL, max_entries=16, show_spinner="Measuring the network…")
def _metrics(uri: str, view_json: str) -> ViewMetrics:
    view = _view(uri, view_json)
    simple = simple_graph(view)
    degree = dict(zip(simple.ids, simple.graph.degree(), strict=True))
    pagerank = dict(zip(simple.ids, simple.graph.pagerank(damping=0.85), strict=True)) if simple.ids else {}
    return ViewMetrics(degree=degree, pagerank=pagerank, community=communities(view, simple))


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
def _gaps(uri: str, view_json: str, sectors: tuple[str, ...]) -> GapReport:
    return find_gaps(_view(uri, view_json), sectors=sectors or None)


def gap_report(view: GraphFilter | None = None, sectors: tuple[str, ...] = ()) -> GapReport:
    """The gap report of ``view`` (see :func:`graph.analysis.gaps.find_gaps`), cached."""
    return _gaps(store_uri(), (view or GraphFilter()).model_dump_json(), sectors)


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


def refresh() -> None:
    """Forget every cached read, so the next page shows what the store holds now."""
    for cached in (_stats, _snapshot, _view, _metrics, _betweenness, _gaps):
        cached.clear()
