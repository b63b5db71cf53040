"""The stores' own shortest-path search equals the projection's, filters included, on both
stores: on the seed data and on synthetic consortia with random pairs; and so does the whole path
answer, read in one go (``path_subgraph``: one statement on Neo4j)."""

from __future__ import annotations

import random
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from graph.analysis.paths import best_ties, path_result
from graph.analysis.projection import GraphFilter, Projection, build_projection
from graph.analysis.results import PathResult
from graph.analysis.store_paths import all_shortest_paths, find_paths_in_store
from graph.model import Dataset, RelationshipKind
from graph.store.base import GraphStore
from graph.store.path_query import PathQuery, PathSubgraph
from graph.synthetic import generate
from ingest.loader import ingest_paths

QUERIES = [
    PathQuery(),
    PathQuery(include_ended=False),
    PathQuery(
        kinds=frozenset(
            {RelationshipKind.PARTNERS_WITH, RelationshipKind.MEMBER_OF, RelationshipKind.LOCATED_IN}
        )
    ),
    PathQuery(as_of=date(2019, 6, 1)),
    PathQuery(max_length=3),
]


def projection_of(dataset: Dataset, query: PathQuery) -> Projection:
    view = GraphFilter(
        relationship_kinds=query.kinds,
        include_ended=query.include_ended,
        as_of=query.as_of,
        exclude=query.exclude,
    )
    return build_projection(dataset.entities, dataset.relationships, dataset.sources, view)


def expected(dataset: Dataset, source: str, target: str, query: PathQuery) -> list[list[str]]:
    return all_shortest_paths(projection_of(dataset, query), source, target, query.max_length)


def read_in_parts(store: GraphStore, source: str, target: str, query: PathQuery) -> PathSubgraph:
    """What ``path_subgraph`` must return, from the store's separate reads."""
    paths = store.shortest_paths(source, target, query)
    relationships = store.ties_between({pair for nodes in paths for pair in pairwise(nodes)}) if paths else []
    return PathSubgraph(
        paths=paths,
        relationships=relationships,
        entities=store.entities_by_ids({node for nodes in paths for node in nodes}),
        sources=store.sources_by_ids({e.source for r in relationships for e in r.evidence}),
    )


def test_store_search_equals_the_projection_on_synthetic_consortia(store: GraphStore) -> None:
    dataset = generate(400, seed=11)
    store.upsert(dataset)
    ids = sorted(e.id for e in dataset.entities)
    rng = random.Random(3)
    compared = 0
    for query in QUERIES:
        for _ in range(12):
            source, target = rng.sample(ids, 2)
            wanted = expected(dataset, source, target, query)
            assert store.shortest_paths(source, target, query) == wanted, (source, target, query)
            compared += bool(wanted)
    assert compared > 30  # most pairs are connected: the comparison is not of empty lists


def test_path_answers_read_in_one_go_equal_the_projection_on_synthetic_consortia(
    store: GraphStore,
) -> None:
    dataset = generate(400, seed=11)
    store.upsert(dataset)
    ids = sorted(e.id for e in dataset.entities)
    rng = random.Random(5)
    today = date(2026, 11, 25)
    compared = narrowed = 0
    for query in QUERIES:
        projection = projection_of(dataset, query)
        ties = best_ties(projection, today)
        for _ in range(8):
            source, target = rng.sample(ids, 2)
            found = store.path_subgraph(source, target, query)
            assert found == read_in_parts(store, source, target, query), (source, target, query)
            paths = all_shortest_paths(projection, source, target, query.max_length)
            results: list[PathResult] = [path_result(projection, nodes, ties) for nodes in paths]
            for k in (1, 3):  # the embedded store reads whole only the k it ranks cheapest
                wanted = sorted(results, key=lambda p: (p.cost, p.entities))[:k]
                answer = find_paths_in_store(store, source, target, query, k=k, today=today)
                assert answer.paths == wanted, (source, target, query, k)
                narrowed += len(paths) > k
            compared += bool(paths)
            if paths and len(paths[0]) > 2:  # and with the first path's middle stakeholder left out
                left_out = query.model_copy(update={"exclude": frozenset({paths[0][1]})})
                found = store.path_subgraph(source, target, left_out)
                assert found == read_in_parts(store, source, target, left_out)
                assert found.paths == expected(dataset, source, target, left_out)
                narrowed_view = projection_of(dataset, left_out)
                costs = best_ties(narrowed_view, today)
                ranked = sorted(
                    (path_result(narrowed_view, nodes, costs) for nodes in found.paths),
                    key=lambda p: (p.cost, p.entities),
                )
                answer = find_paths_in_store(store, source, target, left_out, k=1, today=today)
                assert answer.paths == ranked[:1], (source, target, left_out)
    assert compared > 20 and narrowed > 10  # many pairs have more shortest paths than asked for
    same = store.path_subgraph(ids[0], ids[0], PathQuery())
    assert same == read_in_parts(store, ids[0], ids[0], PathQuery()) and same.paths == []
    assert store.path_subgraph(ids[0], "no-such-entity", PathQuery()).paths == []


def test_exclusions_are_honoured(store: GraphStore) -> None:
    dataset = generate(200, seed=2)
    store.upsert(dataset)
    ids = sorted(e.id for e in dataset.entities)
    rng = random.Random(9)
    for _ in range(10):
        source, target = rng.sample(ids, 2)
        found = store.shortest_paths(source, target, PathQuery())
        if not found or len(found[0]) < 3:
            continue
        hub = found[0][1]
        query = PathQuery(exclude=frozenset({hub}))
        without = store.shortest_paths(source, target, query)
        assert all(hub not in nodes for nodes in without)
        assert without == expected(dataset, source, target, query)


def test_seed_path_from_the_store_has_hops_and_evidence(store: GraphStore, seed_dir: Path) -> None:
    ingest_paths(store, [seed_dir])
    answer = find_paths_in_store(store, "lg-electronics", "ionq", PathQuery(), k=3, today=date(2026, 11, 25))
    assert [p.entities for p in answer.paths] == [["lg-electronics", "south-korea", "ionq"]]
    invest = answer.paths[0].hops[1]
    assert (invest.kind, invest.amount, invest.currency) == ("INVESTS_IN", 15_000_000, "USD")
    assert "15 million US dollars" in (invest.evidence[0].quote or "")
    none = find_paths_in_store(
        store, "lg-electronics", "ionq", PathQuery(kinds=frozenset({RelationshipKind.MEMBER_OF}))
    )
    assert (none.paths, none.reason) == ([], "no path of at most 12 hops under these filters")
    before = find_paths_in_store(store, "lg-electronics", "ionq", PathQuery(as_of=date(2025, 1, 1)))
    assert before.paths == []  # nothing was reported before the article of 29 January 2026


@pytest.mark.parametrize("max_length", [1, 2])
def test_max_length_bounds_the_search(store: GraphStore, seed_dir: Path, max_length: int) -> None:
    ingest_paths(store, [seed_dir])
    found = store.shortest_paths("lg-electronics", "ionq", PathQuery(max_length=max_length))
    assert found == ([] if max_length == 1 else [["lg-electronics", "south-korea", "ionq"]])
