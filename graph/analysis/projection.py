"""The graph as analysis sees it: a filtered, in-memory projection of a store.

Every analysis function takes a :class:`Projection`, never a store, so the same code answers on
the embedded store and on Neo4j, and tests can build one from plain models. Filters pick the
view: kinds, statuses, a date (``as_of``: the graph as it stood then), sectors, a cluster,
entities to leave out.

>>> from graph.model import Entity, EntityKind
>>> view = build_projection([Entity(id="a", kind=EntityKind.COMPANY, name="A")], [], [])
>>> view.graph.number_of_nodes()
1
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from operator import attrgetter
from typing import Protocol, TypeVar

import networkx as nx
from pydantic import BaseModel, ConfigDict

from graph.bulk import paused_gc
from graph.errors import CkgError
from graph.model import (
    Entity,
    EntityKind,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Source,
)
from graph.store.base import GraphStore, Stats, TieSummary, summarise

MAX_PROJECTION_ENV = "CKG_MAX_PROJECTION"
BYTES_PER_ITEM = 3_000
"""Peak memory of a projection per entity plus relationship, rounded up from the scale benchmark
(docs/BENCHMARKS.md, "Scale": models, the networkx multigraph and what reading them costs)."""
MEMORY_SHARE = 0.5
"""The share of the machine's memory a projection may take by default; the rest is for the
process's other work, the analysis on top of it and whatever else runs on the machine."""
FALLBACK_MAX_PROJECTION = 2_000_000
"""The default limit where the machine's memory cannot be read (about 6 GB of projection)."""


def default_limit() -> int:
    """Entities plus relationships a projection may hold by default: half the machine's memory
    at :data:`BYTES_PER_ITEM` each (2.5 million on a 16 GiB machine)."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return FALLBACK_MAX_PROJECTION
    return max(100_000, int(memory * MEMORY_SHARE / BYTES_PER_ITEM))


def projection_limit() -> int:
    """``$CKG_MAX_PROJECTION`` if set, else :func:`default_limit`."""
    value = os.environ.get(MAX_PROJECTION_ENV, "").replace("_", "").replace(",", "")
    if not value:
        return default_limit()
    if not value.isdigit():
        raise ProjectionTooLargeError(
            f"{MAX_PROJECTION_ENV} must be a whole number of entities plus relationships, not {value!r}"
        )
    return int(value)


CLUSTER_TIES = frozenset({RelationshipKind.MEMBER_OF, RelationshipKind.PART_OF, RelationshipKind.LOCATED_IN})


class ProjectionTooLargeError(CkgError):
    """The graph is larger than the projection limit; narrow the view or raise the limit."""


class GraphFilter(BaseModel):
    """Which part of the graph a question is about. Empty fields mean no restriction."""

    model_config = ConfigDict(frozen=True)

    entity_kinds: frozenset[EntityKind] | None = None
    relationship_kinds: frozenset[RelationshipKind] | None = None
    statuses: frozenset[RelationshipStatus] | None = None
    include_ended: bool = True
    as_of: date | None = None
    sectors: frozenset[str] | None = None
    cluster: str | None = None
    exclude: frozenset[str] = frozenset()


class DetailsNotReadError(RuntimeError):
    """Code asked a projection read as tie summaries for full relationships: a caller that needs
    evidence must project with ``details=True``."""


class Tie(Protocol):
    """What a full relationship and its summary share: enough to draw and filter the graph."""

    @property
    def key(self) -> str: ...
    @property
    def kind(self) -> RelationshipKind: ...
    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def status(self) -> RelationshipStatus: ...
    @property
    def until(self) -> date | None: ...


AnyTie = TypeVar("AnyTie", bound=Tie)


class Projection:
    """Entities, relationships and sources of a view, and their undirected multigraph.

    ``graph`` has one node per entity id and one edge per relationship, keyed by the
    relationship's key, so parallel ties (an MOU and a membership) stay distinct. It is built
    when first asked for: the whole-graph analyses work on :func:`graph.analysis.metrics.simple_graph`
    instead, and building the multigraph of 500,000 ties for them took seconds.

    A projection holds its ties as full relationships (with evidence), or only as
    :class:`~graph.store.base.TieSummary` rows (``details=False`` in :func:`project`): the
    whole-graph analyses (gaps, metrics) read nothing else, and reading the summaries of 500,000
    ties takes a fraction of the time of building their models. ``summaries`` is there either
    way; ``relationships`` and :meth:`ties` only on a detailed projection.
    """

    def __init__(
        self,
        entities: dict[str, Entity],
        relationships: dict[str, Relationship] | None,
        sources: dict[str, Source],
        graph: nx.MultiGraph | None = None,
        filter: GraphFilter | None = None,
        *,
        summaries: dict[str, TieSummary] | None = None,
    ) -> None:
        if relationships is None and summaries is None:
            raise ValueError("a projection needs its relationships or their summaries")
        self.entities = entities
        self._relationships = relationships
        self._summaries = summaries
        self.sources = sources
        self.filter = filter or GraphFilter()
        self._graph = graph
        self._ends: dict[str, list[str]] | None = None

    def __repr__(self) -> str:
        ties = len(self._relationships if self._relationships is not None else self.summaries)
        held = "relationships" if self.detailed else "tie summaries"
        return (
            f"Projection({len(self.entities)} entities, {ties} {held}, "
            f"{len(self.sources)} sources, filter={self.filter!r})"
        )

    @property
    def detailed(self) -> bool:
        """Whether it holds the full relationships, evidence and all."""
        return self._relationships is not None

    @property
    def relationships(self) -> dict[str, Relationship]:
        if self._relationships is None:
            raise DetailsNotReadError(
                "this projection holds tie summaries only: project(store, view, details=True) reads "
                "the relationships with their evidence"
            )
        return self._relationships

    @property
    def summaries(self) -> dict[str, TieSummary]:
        """Every tie of the view as a summary, by key (made from the relationships when the
        projection holds them, once)."""
        if self._summaries is None:
            published = {sid: day for sid, source in self.sources.items() if (day := source.published)}
            self._summaries = {key: summarise(rel, published) for key, rel in self.relationships.items()}
        return self._summaries

    def _held(self) -> dict[str, Relationship] | dict[str, TieSummary]:
        return self._relationships if self._relationships is not None else self.summaries

    def each_tie(self) -> Iterable[Tie]:
        """Every tie as the projection holds it (relationship or summary), for code that reads
        only what both have: ends, kind, status, key."""
        return self._held().values()

    @property
    def graph(self) -> nx.MultiGraph:
        if self._graph is None:
            self._graph = _multigraph(sorted(self.entities), self._held())
        return self._graph

    def ties(self, a: str, b: str) -> list[Relationship]:
        """Every relationship between ``a`` and ``b``, either way round, in key order."""
        relationships = self.relationships
        return [relationships[key] for key in self._keys_between(a, b)]

    def summaries_between(self, a: str, b: str) -> list[TieSummary]:
        """:meth:`ties` as summaries: on either kind of projection."""
        summaries = self.summaries
        return [summaries[key] for key in self._keys_between(a, b)]

    def _keys_between(self, a: str, b: str) -> list[str]:
        if self._graph is not None:
            return list(self._graph.get_edge_data(a, b) or {})
        held = self._held()
        if self._ends is None:  # an index of the ties at each end: a fraction of the multigraph's cost
            ends: dict[str, list[str]] = defaultdict(list)
            for key, tie in held.items():
                ends[tie.source].append(key)
                ends[tie.target].append(key)
            self._ends = ends
        found = (held[key] for key in self._ends.get(a, ()))
        return sorted(tie.key for tie in found if (tie.target if tie.source == a else tie.source) == b)

    def adjacency(self) -> dict[str, set[str]]:
        """Each stakeholder's partners (parallel ties and self-ties collapsed)."""
        return {node: set(self.graph.neighbors(node)) - {node} for node in self.graph.nodes}

    def neighbours(self, entity_id: str) -> list[str]:
        return sorted(self.graph.neighbors(entity_id)) if entity_id in self.graph else []

    def first_reported(self, relationship: Relationship) -> date | None:
        """When a tie began: its ``since``, else the earliest date a source reported it."""
        if relationship.since is not None:
            return relationship.since
        dates = [
            published
            for evidence in relationship.evidence
            if (source := self.sources.get(evidence.source)) and (published := source.published)
        ]
        return min(dates, default=None)


def project(
    store: GraphStore,
    view: GraphFilter | None = None,
    *,
    details: bool = True,
    limit: int | None = None,
    stats: Stats | None = None,
) -> Projection:
    """Read the store and build the projection of ``view``; with ``details=False`` the ties are
    read as summaries only (see :class:`Projection`), for analyses that quote no evidence.

    Raises ProjectionTooLargeError, before reading anything but the store's counts, when the
    view would hold more than ``limit`` entities plus relationships (default
    :func:`projection_limit`): a projection past the machine's memory would otherwise end in the
    process being killed, with nothing said. The view's kinds of entity and tie count towards
    its size, so narrowing them is one way under the limit. ``stats``: the store's counts, when
    the caller has just read them.
    """
    limit = limit if limit is not None else projection_limit()
    check_size(stats or store.stats(), view or GraphFilter(), limit)
    with paused_gc():  # a million models, no cycles: see graph.bulk (half the time of a large read)
        if details:
            return build_projection(store.entities(), store.relationships(), store.sources(), view)
        return build_summary_projection(store.entities(), store.tie_summaries(), store.sources(), view)


def check_size(stats: Stats, view: GraphFilter, limit: int) -> None:
    """Refuse a view whose entities plus relationships (as far as the counts by kind tell) pass
    ``limit``, saying how large it is and how to narrow it or raise the limit."""
    entities = stats.entities.total
    if view.entity_kinds is not None:
        entities = sum(stats.entities.by_kind.get(kind.value, 0) for kind in view.entity_kinds)
    relationships = stats.relationships.total
    if view.relationship_kinds is not None:
        by_kind = stats.relationships.by_kind
        relationships = sum(by_kind.get(kind.value, 0) for kind in view.relationship_kinds)
    size = entities + relationships
    if size <= limit:
        return
    source = f"{MAX_PROJECTION_ENV}" if os.environ.get(MAX_PROJECTION_ENV) else "this machine's memory"
    raise ProjectionTooLargeError(
        f"this view of the graph has {entities:,} entities and {relationships:,} relationships "
        f"({size:,} together, about {size * BYTES_PER_ITEM / 2**30:.1f} GiB in memory), more than the "
        f"limit of {limit:,} for analysis in memory (set by {source}). Narrow the view to fewer "
        "kinds of tie (--via KIND,...) or of stakeholder; ask the store directly where it can "
        "(`ckg path --engine store`, `ckg neighbours`); or, on a machine with the memory for it, "
        f"raise the limit: {MAX_PROJECTION_ENV}={size}"
    )


def build_projection(
    entities: Iterable[Entity],
    relationships: Iterable[Relationship],
    sources: Iterable[Source],
    view: GraphFilter | None = None,
) -> Projection:
    """The projection of ``view`` over plain models (what :func:`project` does after reading)."""
    view = view or GraphFilter()
    all_entities = {entity.id: entity for entity in entities}
    all_sources = {source.id: source for source in sources}
    probe = Projection(all_entities, {}, all_sources, nx.MultiGraph(), view)
    kept_ids, kept = _in_view(all_entities, relationships, view, probe.first_reported)
    return Projection(
        entities={eid: all_entities[eid] for eid in sorted(kept_ids)},
        relationships=kept,
        sources=all_sources,
        filter=view,
    )


def build_summary_projection(
    entities: Iterable[Entity],
    summaries: Iterable[TieSummary],
    sources: Iterable[Source],
    view: GraphFilter | None = None,
) -> Projection:
    """:func:`build_projection` over tie summaries: a projection without relationship details."""
    view = view or GraphFilter()
    all_entities = {entity.id: entity for entity in entities}
    kept_ids, kept = _in_view(all_entities, summaries, view, attrgetter("first_reported"))
    return Projection(
        entities={eid: all_entities[eid] for eid in sorted(kept_ids)},
        relationships=None,
        sources={source.id: source for source in sources},
        filter=view,
        summaries=kept,
    )


def _in_view(
    entities: dict[str, Entity],
    ties: Iterable[AnyTie],
    view: GraphFilter,
    began: Callable[[AnyTie], date | None],
) -> tuple[set[str], dict[str, AnyTie]]:
    """The ids of the entities and the ties, by key, that ``view`` keeps; ``began`` tells when a
    tie began (for ``as_of``)."""
    filtered = (
        view.relationship_kinds is not None
        or view.statuses is not None
        or not view.include_ended
        or view.as_of is not None
    )
    every_entity = view.entity_kinds is None and view.sectors is None and not view.exclude
    if every_entity and view.cluster is None and not filtered:
        ids = set(entities)  # the whole graph: only ties to unknown ends are left out
        return ids, {tie.key: tie for tie in ties if tie.source in ids and tie.target in ids}
    kept_ids = {eid for eid, entity in entities.items() if _entity_in_view(entity, view)}
    if view.cluster is not None:
        in_view = [tie for tie in ties if not filtered or _tie_in_view(tie, view, began)]
        kept_ids &= _cluster_members(view.cluster, in_view)
        ties = in_view
        filtered = False
    kept = {
        tie.key: tie
        for tie in ties
        if tie.source in kept_ids
        and tie.target in kept_ids
        and (not filtered or _tie_in_view(tie, view, began))
    }
    return kept_ids, kept


def _multigraph(
    nodes: list[str], relationships: dict[str, Relationship] | dict[str, TieSummary]
) -> nx.MultiGraph:
    """The undirected multigraph of ``relationships``, edges keyed by relationship key and added
    in key order: what ``add_edge`` builds, written straight into the graph's adjacency (a
    networkx MultiGraph keeps, for each pair, one dict of key -> edge data shared by both
    directions), because ``add_edge`` took most of building a projection of 500,000 ties."""
    graph = nx.MultiGraph()
    graph.add_nodes_from(nodes)
    adjacency = graph._adj
    for key in sorted(relationships):
        rel = relationships[key]
        a, b = rel.source, rel.target
        between = adjacency[a].get(b)
        if between is None:
            between = adjacency[a][b] = {}
            adjacency[b][a] = between
        between[key] = {"kind": rel.kind.value}
    return graph


def _entity_in_view(entity: Entity, view: GraphFilter) -> bool:
    if entity.id in view.exclude:
        return False
    if view.entity_kinds is not None and entity.kind not in view.entity_kinds:
        return False
    return view.sectors is None or bool(view.sectors & set(entity.sectors))


def _tie_in_view(rel: AnyTie, view: GraphFilter, began_at: Callable[[AnyTie], date | None]) -> bool:
    if view.relationship_kinds is not None and rel.kind not in view.relationship_kinds:
        return False
    if view.statuses is not None and rel.status not in view.statuses:
        return False
    if not view.include_ended and rel.status is RelationshipStatus.ENDED:
        return False
    if view.as_of is not None:
        began = began_at(rel)
        if began is not None and began > view.as_of:
            return False
        if rel.until is not None and rel.until < view.as_of:
            return False
    return True


def _cluster_members(cluster: str, relationships: Iterable[Tie]) -> set[str]:
    """The cluster and whatever is a member of it, part of it or located in it."""
    return {cluster} | {r.source for r in relationships if r.target == cluster and r.kind in CLUSTER_TIES}
