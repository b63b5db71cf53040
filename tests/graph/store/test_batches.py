"""Large upserts: Neo4j commits them batch by batch and says so; the embedded store in one go.
Either way the content equals the dataset, and upserting it again changes nothing."""

from __future__ import annotations

from graph.model import Dataset
from graph.store.base import Committed, GraphStore
from graph.store.neo4j import Neo4jStore
from graph.synthetic import generate
from tests.graph.store.content import content_digest


def test_a_large_upsert_commits_in_batches_and_lands_whole(store: GraphStore) -> None:
    dataset = generate(60, seed=3)
    records = len(dataset.sources) + len(dataset.entities) + len(dataset.relationships)
    if isinstance(store, Neo4jStore):
        store.batch_size = 40
    commits: list[Committed] = []

    store.upsert(dataset, commits.append)

    assert [c.batch for c in commits] == list(range(1, len(commits) + 1))
    assert {c.batches for c in commits} == {len(commits)}
    assert sum(c.rows for c in commits) == records
    if isinstance(store, Neo4jStore):
        assert len(commits) >= records // 40
        assert all(c.rows <= 40 for c in commits)
        assert "relationships" in commits[-1].what
    else:
        assert len(commits) == 1
    stats = store.stats()
    assert (stats.entities.total, stats.relationships.total) == (60, len(dataset.relationships))
    digest = content_digest(store)
    store.upsert(dataset)
    assert content_digest(store) == digest


def test_a_small_dataset_is_one_transaction(store: GraphStore) -> None:
    dataset = generate(20, seed=3)
    commits: list[Committed] = []
    store.upsert(dataset, commits.append)
    assert len(commits) == 1


def test_batched_and_whole_loads_hold_the_same_graph(store: GraphStore) -> None:
    """Batch boundaries split a relationship kind's rows: nothing may be lost or doubled there."""
    dataset = generate(80, seed=5)
    store.upsert(dataset)
    whole = content_digest(store)
    store.clear()
    if isinstance(store, Neo4jStore):
        store.batch_size = 7
    store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
    for start in range(0, len(dataset.relationships), 13):
        store.upsert(Dataset(relationships=dataset.relationships[start : start + 13]))
    assert content_digest(store) == whole
