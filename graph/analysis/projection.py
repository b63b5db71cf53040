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
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import networkx as nx
from pydantic import BaseModel, ConfigDict

from graph.errors import CkgError
from graph.model import (
    Entity,
    EntityKind,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Source,
)
from graph.store.base import GraphStore

MAX_PROJECTION_ENV = "CKG_MAX_PROJECTION"
DEFAULT_MAX_PROJECTION = 2_000_000
"""Entities plus relationships a projection may hold before it refuses (about 4 GB of memory)."""

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


@dataclass
class Projection:
    """Entities, relationships and sources of a view, and their undirected multigraph.

    ``graph`` has one node per entity id and one edge per relationship, keyed by the
    relationship's key, so parallel ties (an MOU and a membership) stay distinct.
    """

    entities: dict[str, Entity]
    relationships: dict[str, Relationship]
    sources: dict[str, Source]
    graph: nx.MultiGraph = field(repr=False)
    filter: GraphFilter = field(default_factory=GraphFilter)

    def ties(self, a: str, b: str) -> list[Relationship]:
        """Every relationship between ``a`` and ``b``, either way round."""
        data = self.graph.get_edge_data(a, b) or {}
        return [self.relationships[key] for key in data]

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


def project(store: GraphStore, view: GraphFilter | None = None, *, limit: int | None = None) -> Projection:
    """Read the store and build the projection of ``view``.

    Raises ProjectionTooLargeError, before reading everything, when the store holds more than
    ``limit`` entities plus relationships (default ``$CKG_MAX_PROJECTION`` or 2,000,000).
    """
    limit = limit if limit is not None else int(os.environ.get(MAX_PROJECTION_ENV, DEFAULT_MAX_PROJECTION))
    stats = store.stats()
    size = stats.entities.total + stats.relationships.total
    if size > limit:
        raise ProjectionTooLargeError(
            f"the graph has {stats.entities.total:,} entities and {stats.relationships.total:,} "
            f"relationships, more than the analysis limit of {limit:,}: narrow the view or set "
            f"{MAX_PROJECTION_ENV}"
        )
    return build_projection(store.entities(), store.relationships(), store.sources(), view)


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
    kept_relationships = {
        rel.key: rel
        for rel in relationships
        if _relationship_in_view(rel, view, probe)
        and rel.source in all_entities
        and rel.target in all_entities
    }
    kept_ids = {eid for eid, entity in all_entities.items() if _entity_in_view(entity, view)}
    if view.cluster is not None:
        kept_ids &= _cluster_members(view.cluster, kept_relationships.values())
    kept_relationships = {
        key: rel
        for key, rel in kept_relationships.items()
        if rel.source in kept_ids and rel.target in kept_ids
    }
    graph = nx.MultiGraph()
    graph.add_nodes_from(sorted(kept_ids))
    for key in sorted(kept_relationships):
        rel = kept_relationships[key]
        graph.add_edge(rel.source, rel.target, key=key, kind=rel.kind.value)
    return Projection(
        entities={eid: all_entities[eid] for eid in sorted(kept_ids)},
        relationships=kept_relationships,
        sources=all_sources,
        graph=graph,
        filter=view,
    )


def _entity_in_view(entity: Entity, view: GraphFilter) -> bool:
    if entity.id in view.exclude:
        return False
    if view.entity_kinds is not None and entity.kind not in view.entity_kinds:
        return False
    return view.sectors is None or bool(view.sectors & set(entity.sectors))


def _relationship_in_view(rel: Relationship, view: GraphFilter, probe: Projection) -> bool:
    if view.relationship_kinds is not None and rel.kind not in view.relationship_kinds:
        return False
    if view.statuses is not None and rel.status not in view.statuses:
        return False
    if not view.include_ended and rel.status is RelationshipStatus.ENDED:
        return False
    if view.as_of is not None:
        began = probe.first_reported(rel)
        if began is not None and began > view.as_of:
            return False
        if rel.until is not None and rel.until < view.as_of:
            return False
    return True


def _cluster_members(cluster: str, relationships: Iterable[Relationship]) -> set[str]:
    """The cluster and whatever is a member of it, part of it or located in it."""
    return {cluster} | {r.source for r in relationships if r.target == cluster and r.kind in CLUSTER_TIES}
