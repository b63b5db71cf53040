"""The guided questions on a graph too large to read whole: each reads from the store only the
part of the graph its answer stands on, then asks the same question of that part with
:mod:`graph.analysis.questions`, so the rows are those the whole graph would give.

- who funds a stakeholder, and the members of a cluster: the stakeholder's own ties of those
  kinds (one ring of its neighbourhood);
- ties of a kind since a date: the newest ``limit`` of them, by the store's index of kinds;
- clusters without a member of a kind: the store names them, then their members are read;
- who connects two stakeholders' partners: the two 2-hop neighbourhoods, and the ties among
  the stakeholders they share, refused past :data:`CONNECTORS_LIMIT` stakeholders.

Each question holds one read permit of its store for its reads and the work on them
(:func:`graph.store.gate.gated`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from graph.analysis import questions
from graph.analysis.projection import CLUSTER_TIES, Projection, build_projection
from graph.analysis.questions import MONEY_KINDS, QuestionAnswer
from graph.errors import CkgError
from graph.model import EntityKind, Relationship, RelationshipKind
from graph.store.base import GraphStore
from graph.store.gate import gated
from graph.store.path_query import PathQuery

ROWS = 2_000
"""Rows a question reads at most where its answer can run to thousands (ties since a date,
clusters lacking a kind of member); the answer says when more were left out."""
CONNECTORS_LIMIT = 20_000
"""Stakeholders within two ties of either end past which "who connects" is refused: its
answer would read a large part of the graph."""
_EVERY_TIE = PathQuery(include_ended=True)
"""The questions count ended ties too, as the whole graph's answers do."""


class QuestionTooLargeError(CkgError):
    """The part of the graph a question needs is too large to read for it."""


@dataclass(frozen=True)
class StoreAnswer:
    """A question's answer from the store, the part of the graph it was worked out on (for
    drawing), and whether rows were left out past the row limit."""

    answer: QuestionAnswer
    part: Projection
    cut: bool = False


def _part(store: GraphStore, ids: Iterable[str], relationships: Iterable[Relationship]) -> Projection:
    """A projection of ``ids`` and ``relationships`` (and their ends) with the sources cited."""
    ties = list(relationships)
    entities = store.entities_by_ids({*ids, *(end for rel in ties for end in (rel.source, rel.target))})
    sources = store.sources_by_ids({evidence.source for rel in ties for evidence in rel.evidence})
    return build_projection(entities.values(), ties, sources.values())


def _own_ties(store: GraphStore, entity_id: str, kinds: frozenset[RelationshipKind]) -> list[Relationship]:
    """``entity_id``'s ties of ``kinds``, either way round, whatever their status."""
    around = store.neighbourhood(entity_id, 1, _EVERY_TIE.model_copy(update={"kinds": kinds}))
    keys = {tie.key for ring in around.rings for tie in ring}
    return list(store.relationships_by_keys(keys).values())


@gated
def ties_since(store: GraphStore, kind: RelationshipKind, since: date, limit: int = ROWS) -> StoreAnswer:
    """The newest ``limit`` ties of ``kind`` since ``since``."""
    found = store.ties_since(kind, since, limit + 1)
    part = _part(store, (), found[:limit])
    return StoreAnswer(questions.ties_since(part, kind, since), part, cut=len(found) > limit)


@gated
def who_funds(store: GraphStore, entity_id: str) -> StoreAnswer:
    """Who funds or invests in ``entity_id``, and what it funds."""
    part = _part(store, [entity_id], _own_ties(store, entity_id, MONEY_KINDS))
    return StoreAnswer(questions.who_funds(part, entity_id), part)


@gated
def members_of(store: GraphStore, cluster_id: str) -> StoreAnswer:
    """Who is a member of, part of or located in ``cluster_id``."""
    ties = [rel for rel in _own_ties(store, cluster_id, CLUSTER_TIES) if rel.target == cluster_id]
    part = _part(store, [cluster_id], ties)
    return StoreAnswer(questions.members_of(part, cluster_id), part)


@gated
def clusters_without(store: GraphStore, kind: EntityKind, limit: int = ROWS) -> StoreAnswer:
    """The first ``limit`` clusters (by name) with no member of ``kind``, with their members."""
    lacking = store.groups_lacking(EntityKind.CLUSTER, kind, CLUSTER_TIES)
    clusters = store.entities_by_ids(lacking)
    chosen = sorted(clusters, key=lambda eid: (clusters[eid].name.casefold(), eid))[:limit]
    ties = [
        rel for cluster in chosen for rel in _own_ties(store, cluster, CLUSTER_TIES) if rel.target == cluster
    ]
    part = _part(store, chosen, ties)
    answer = questions.clusters_without(part, kind, among=chosen)
    return StoreAnswer(answer, part, cut=len(lacking) > limit)


@gated
def connectors(store: GraphStore, a: str, b: str, limit: int = CONNECTORS_LIMIT) -> StoreAnswer:
    """Who connects ``a``'s partners to ``b``'s. Raises QuestionTooLargeError when more than
    ``limit`` stakeholders lie within two ties of either."""
    reached: list[set[str]] = []
    partners: list[set[str]] = []
    for end in (a, b):
        around = store.neighbourhood(end, 2, _EVERY_TIE)
        rings = [{tie.far for tie in ring} for ring in around.rings]
        reached.append(set().union(*rings))
        partners.append(rings[0] if rings else set())
        if len(reached[-1]) > limit:
            raise QuestionTooLargeError(
                f"{around.name} has {len(reached[-1]):,} stakeholders within two ties, more than the "
                f"{limit:,} this question reads on a graph this large"
            )
    shared = (reached[0] & reached[1]) - {a, b}
    ids = {a, b, *partners[0], *partners[1], *shared}
    part = _part(store, ids, store.ties_among(ids))
    return StoreAnswer(questions.connectors(part, a, b), part)
