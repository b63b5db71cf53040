"""The stores' own neighbourhood (ring by ring in SQL or Cypher) equals the projection's, on both
stores: on the seed data and on a synthetic consortium, at depths 1 to 3 and under filters."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from graph.analysis.neighbours import neighbourhood, neighbourhood_in_store
from graph.analysis.projection import GraphFilter, build_projection, project
from graph.errors import NotFoundError
from graph.model import Dataset, RelationshipKind
from graph.store.base import GraphStore
from graph.store.path_query import PathQuery
from graph.synthetic import generate
from ingest.loader import ingest_paths

QUERIES = [
    PathQuery(),
    PathQuery(include_ended=False),
    PathQuery(kinds=frozenset({RelationshipKind.PARTNERS_WITH, RelationshipKind.MEMBER_OF})),
    PathQuery(as_of=date(2019, 6, 1)),
]


def view_of(query: PathQuery) -> GraphFilter:
    return GraphFilter(relationship_kinds=query.kinds, include_ended=query.include_ended, as_of=query.as_of)


def test_store_neighbourhood_equals_the_projection_on_the_seed(store: GraphStore, seed_dir: Path) -> None:
    ingest_paths(store, [seed_dir])
    whole = project(store)
    compared = 0
    for entity_id in sorted(whole.entities):
        for depth in (1, 2, 3):
            wanted = neighbourhood(whole, entity_id, depth)
            assert neighbourhood_in_store(store, entity_id, depth) == wanted, (entity_id, depth)
            compared += len(wanted.neighbours)
    assert compared > 100  # the seed is connected: the answers are not empty


def test_store_neighbourhood_equals_the_projection_on_a_synthetic_consortium(store: GraphStore) -> None:
    dataset: Dataset = generate(400, seed=5)
    store.upsert(dataset)
    ids = sorted(e.id for e in dataset.entities)
    rng = random.Random(4)
    compared = 0
    for query in QUERIES:
        view = view_of(query)
        projection = build_projection(dataset.entities, dataset.relationships, dataset.sources, view)
        for entity_id in rng.sample(ids, 8):
            for depth in (1, 2):
                wanted = neighbourhood(projection, entity_id, depth)
                found = neighbourhood_in_store(store, entity_id, depth, query)
                assert found == wanted, (entity_id, depth, query)
                compared += len(wanted.neighbours)
    assert compared > 500


def test_left_out_stakeholders_are_not_crossed(store: GraphStore) -> None:
    dataset = generate(200, seed=8)
    store.upsert(dataset)
    centre = dataset.relationships[0].source
    first = neighbourhood_in_store(store, centre, 1)
    hub = first.neighbours[0].id
    query = PathQuery(exclude=frozenset({hub}))
    projection = build_projection(
        dataset.entities, dataset.relationships, dataset.sources, GraphFilter(exclude=query.exclude)
    )
    found = neighbourhood_in_store(store, centre, 2, query)
    assert hub not in {n.id for n in found.neighbours}
    assert found == neighbourhood(projection, centre, 2)


@pytest.mark.parametrize("depth", [0, 3])
def test_left_out_stakeholders_under_filters_at_any_depth(store: GraphStore, depth: int) -> None:
    dataset = generate(200, seed=8)
    store.upsert(dataset)
    ends = Counter(end for r in dataset.relationships for end in (r.source, r.target))
    centre = ends.most_common(1)[0][0]
    hub = neighbourhood_in_store(store, centre, 1).neighbours[0].id
    query = PathQuery(exclude=frozenset({hub}), include_ended=False, as_of=date(2026, 1, 1))
    view = GraphFilter(exclude=query.exclude, include_ended=False, as_of=query.as_of)
    projection = build_projection(dataset.entities, dataset.relationships, dataset.sources, view)
    found = neighbourhood_in_store(store, centre, depth, query)
    assert found == neighbourhood(projection, centre, depth)
    assert bool(found.neighbours) == (depth > 0)


def test_an_unknown_stakeholder_is_not_found(store: GraphStore) -> None:
    store.upsert(generate(30, seed=1))
    with pytest.raises(NotFoundError, match="no-such-entity"):
        store.neighbourhood("no-such-entity", 2, PathQuery())
