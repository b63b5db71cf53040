"""The synthetic consortium: reproducible, realistic in shape, and loadable by `ckg ingest`."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.model import EntityKind, SourceKind
from graph.store.base import GraphStore
from graph.synthetic import generate, write_csv
from ingest.loader import ingest_paths


def test_the_same_seed_gives_the_same_consortium() -> None:
    assert generate(200, seed=7) == generate(200, seed=7)
    assert generate(200, seed=7) != generate(200, seed=8)


def test_shape_kinds_heavy_tail_and_evidence() -> None:
    dataset = generate(2_000, seed=1)
    kinds = Counter(e.kind for e in dataset.entities)
    assert kinds[EntityKind.COMPANY] > kinds[EntityKind.UNIVERSITY] > kinds[EntityKind.GOVERNMENT_BODY]
    assert len(dataset.relationships) == 10_000
    graph = nx.Graph((r.source, r.target) for r in dataset.relationships)
    degrees = sorted((d for _, d in graph.degree()), reverse=True)
    assert degrees[0] > 8 * statistics.median(degrees)  # a few hubs, many with few ties
    assert all(r.evidence for r in dataset.relationships)
    assert all(s.kind is SourceKind.SYNTHETIC for s in dataset.sources)


@settings(max_examples=10, deadline=None)
@given(entities=st.integers(min_value=20, max_value=300), seed=st.integers(min_value=0, max_value=2**32))
def test_every_relationship_names_real_entities_and_sources(entities: int, seed: int) -> None:
    dataset = generate(entities, seed=seed)
    ids = {e.id for e in dataset.entities}
    sources = {s.id for s in dataset.sources}
    assert len(ids) == entities
    for rel in dataset.relationships:
        assert {rel.source, rel.target} <= ids
        assert rel.source != rel.target
        assert {e.source for e in rel.evidence} <= sources


def test_written_files_load_into_both_stores(store: GraphStore, tmp_path: Path) -> None:
    dataset = generate(300, seed=5)
    write_csv(dataset, tmp_path / "synthetic")
    report = ingest_paths(store, [tmp_path / "synthetic"])
    assert report.problems == []
    stats = store.stats()
    assert stats.entities.total == 300
    assert stats.relationships.total == len({r.key for r in dataset.relationships})
    assert stats.relationships.without_evidence == 0
