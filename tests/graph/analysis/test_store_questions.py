"""The guided questions answered from the store (for a graph too large to read whole), on both
stores: every answer equals the one the whole graph gives, and what the store reads for it is
bounded."""

from __future__ import annotations

import random
from datetime import date

import pytest

from graph.analysis import questions, store_questions
from graph.analysis.projection import CLUSTER_TIES, Projection, build_projection
from graph.analysis.store_questions import QuestionTooLargeError
from graph.model import Dataset, EntityKind, RelationshipKind
from graph.store.base import GraphStore
from graph.synthetic import generate


@pytest.fixture
def loaded(store: GraphStore) -> tuple[Dataset, Projection]:
    dataset = generate(400, seed=5)
    store.upsert(dataset)
    return dataset, build_projection(dataset.entities, dataset.relationships, dataset.sources)


def _sample(dataset: Dataset, count: int, seed: int = 1) -> list[str]:
    return random.Random(seed).sample(sorted(entity.id for entity in dataset.entities), count)


@pytest.mark.parametrize("kind", [RelationshipKind.SIGNED_MOU_WITH, RelationshipKind.FUNDS])
def test_ties_since_are_the_whole_graphs_newest(
    store: GraphStore, loaded: tuple[Dataset, Projection], kind: RelationshipKind
) -> None:
    _, whole = loaded
    since = date(2020, 1, 1)
    wanted = questions.ties_since(whole, kind, since)
    assert len(wanted.rows) > 12, "the synthetic graph should have enough of these ties"
    found = store_questions.ties_since(store, kind, since)
    assert found.answer == wanted and not found.cut
    cut = store_questions.ties_since(store, kind, since, limit=12)
    assert cut.cut and cut.answer.rows == wanted.rows[:12]
    assert cut.answer.relationships == wanted.relationships[:12]
    assert len(cut.part.relationships) == 12


def test_ties_since_a_later_date_than_any(store: GraphStore, loaded: tuple[Dataset, Projection]) -> None:
    found = store_questions.ties_since(store, RelationshipKind.SIGNED_MOU_WITH, date(2100, 1, 1))
    assert found.answer.rows == [] and found.answer.note and not found.cut


def test_who_funds_and_members_equal_the_whole_graphs(
    store: GraphStore, loaded: tuple[Dataset, Projection]
) -> None:
    dataset, whole = loaded
    funded = sorted(
        {rel.target for rel in dataset.relationships if rel.kind.value in ("FUNDS", "INVESTS_IN")}
    )
    clusters = [e.id for e in dataset.entities if e.kind is EntityKind.CLUSTER]
    checked = 0
    for entity_id in [*funded[:15], *_sample(dataset, 15)]:
        wanted = questions.who_funds(whole, entity_id)
        assert store_questions.who_funds(store, entity_id).answer == wanted, entity_id
        checked += bool(wanted.rows)
    for cluster in clusters:
        wanted = questions.members_of(whole, cluster)
        assert store_questions.members_of(store, cluster).answer == wanted, cluster
        checked += bool(wanted.rows)
    assert checked > 15


@pytest.mark.parametrize("kind", [EntityKind.UNIVERSITY, EntityKind.COMPANY, EntityKind.PERSON])
def test_clusters_without_a_kind_equal_the_whole_graphs(
    store: GraphStore, loaded: tuple[Dataset, Projection], kind: EntityKind
) -> None:
    _, whole = loaded
    wanted = questions.clusters_without(whole, kind)
    found = store_questions.clusters_without(store, kind)
    assert found.answer == wanted and not found.cut
    if len(wanted.rows) > 1:
        cut = store_questions.clusters_without(store, kind, limit=1)
        assert cut.cut and cut.answer.rows == wanted.rows[:1]


def test_groups_lacking_counts_every_status_and_no_tie_kinds(
    store: GraphStore, loaded: tuple[Dataset, Projection]
) -> None:
    dataset, _ = loaded
    kinds = {e.id: e.kind for e in dataset.entities}
    clusters = sorted(eid for eid, kind in kinds.items() if kind is EntityKind.CLUSTER)
    with_university = {
        rel.target
        for rel in dataset.relationships
        if rel.kind in CLUSTER_TIES and kinds[rel.source] is EntityKind.UNIVERSITY
    }
    lacking = store.groups_lacking(EntityKind.CLUSTER, EntityKind.UNIVERSITY, CLUSTER_TIES)
    assert lacking == [c for c in clusters if c not in with_university]
    assert store.groups_lacking(EntityKind.CLUSTER, EntityKind.UNIVERSITY, frozenset()) == clusters


def test_connectors_equal_the_whole_graphs(store: GraphStore, loaded: tuple[Dataset, Projection]) -> None:
    dataset, whole = loaded
    ids = _sample(dataset, 24, seed=4)
    answered = 0
    for a, b in zip(ids[::2], ids[1::2], strict=True):
        wanted = questions.connectors(whole, a, b)
        found = store_questions.connectors(store, a, b)
        assert found.answer == wanted, (a, b)
        assert set(found.answer.entities) <= set(found.part.entities)
        answered += bool(wanted.rows)
    assert answered >= 3


def test_connectors_refuse_a_part_too_large(store: GraphStore, loaded: tuple[Dataset, Projection]) -> None:
    dataset, whole = loaded
    hub = max(whole.entities, key=lambda eid: len(whole.neighbours(eid)))
    with pytest.raises(QuestionTooLargeError, match="within two ties"):
        store_questions.connectors(store, hub, dataset.entities[0].id, limit=5)
