"""Our fast paths against networkx's reference implementations, on random graphs."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.analysis.cuts import find_cuts
from graph.analysis.metrics import compute_metrics, simple_graph
from graph.analysis.projection import Projection, build_projection
from graph.model import Entity, EntityKind, Evidence, Relationship, RelationshipKind

edge_lists = st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24)), min_size=0, max_size=60)


def projection_of(edges: list[tuple[int, int]], nodes: int = 25) -> Projection:
    entities = [Entity(id=f"n{i:04d}", kind=EntityKind.COMPANY, name=f"N{i}") for i in range(nodes)]
    relationships = [
        Relationship(
            kind=RelationshipKind.PARTNERS_WITH,
            source=f"n{a:04d}",
            target=f"n{b:04d}",
            evidence=[Evidence(source="s", quote="q")],
        )
        for a, b in edges
        if a != b
    ]
    return build_projection(entities, relationships, [])


@settings(max_examples=60, deadline=None)
@given(edges=edge_lists)
def test_cuts_match_networkx(edges: list[tuple[int, int]]) -> None:
    projection = projection_of(edges)
    graph = nx.Graph(projection.graph)
    points, bridges = find_cuts(projection.adjacency())
    assert {cut.at[0] for cut in points} == set(nx.articulation_points(graph))
    assert {cut.at for cut in bridges} == {tuple(sorted(edge)) for edge in nx.bridges(graph)}
    for cut in points:
        [node] = cut.at
        rest = graph.subgraph(n for n in nx.node_connected_component(graph, node) if n != node)
        pieces = sorted((sorted(p) for p in nx.connected_components(rest)), key=len, reverse=True)
        assert len(cut.cut_off) == sum(len(p) for p in pieces[1:])
        assert cut.remaining == len(pieces[0])


@settings(max_examples=30, deadline=None)
@given(edges=edge_lists)
def test_exact_metrics_match_networkx(edges: list[tuple[int, int]]) -> None:
    projection = projection_of(edges)
    graph = nx.Graph(projection.graph)
    rows = {row.id: row for row in compute_metrics(projection).entities}
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    closeness = nx.closeness_centrality(graph, wf_improved=True)
    for node in graph.nodes:
        assert rows[node].degree == graph.degree(node)
        assert rows[node].betweenness == pytest.approx(betweenness[node], abs=1e-5)
        assert rows[node].closeness == pytest.approx(closeness[node], abs=1e-5)


def test_sampled_betweenness_finds_the_same_top_brokers(monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.analysis import metrics

    graph = nx.barabasi_albert_graph(1_500, 3, seed=4)
    projection = projection_of(list(graph.edges()), nodes=1_500)
    exact = compute_metrics(projection).brokers[:5]
    monkeypatch.setattr(metrics, "EXACT_LIMIT", 100)
    sampled = compute_metrics(projection)
    assert sampled.betweenness_sampled
    assert len(set(sampled.brokers[:5]) & set(exact)) >= 4


kinded_edges = st.lists(
    st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from(list(RelationshipKind))),
    min_size=0,
    max_size=40,
)


@settings(max_examples=40, deadline=None)
@given(edges=kinded_edges)
def test_ties_before_and_after_the_multigraph_is_built_agree(
    edges: list[tuple[int, int, RelationshipKind]],
) -> None:
    """``ties`` answers from an index of each end until something builds the multigraph, then
    from the multigraph: the same relationships, in key order, either way round."""
    entities = [Entity(id=f"n{i}", kind=EntityKind.COMPANY, name=f"N{i}") for i in range(10)]
    relationships = [
        Relationship(kind=kind, source=f"n{a}", target=f"n{b}") for a, b, kind in edges if a != b
    ]
    pairs = [(f"n{a}", f"n{b}") for a in range(10) for b in range(10)]
    lazy = build_projection(entities, relationships, [])
    from_index = {pair: [rel.key for rel in lazy.ties(*pair)] for pair in pairs}
    built = build_projection(entities, relationships, [])
    assert built.graph.number_of_edges() == len(built.relationships)
    from_graph = {pair: [rel.key for rel in built.ties(*pair)] for pair in pairs}
    assert from_index == from_graph
    assert all(keys == sorted(keys) for keys in from_index.values())


@settings(max_examples=40, deadline=None)
@given(edges=edge_lists)
def test_simple_graph_holds_each_tied_pair_once_in_order(edges: list[tuple[int, int]]) -> None:
    projection = projection_of(edges + [(b, a) for a, b in edges])  # every tie stated both ways
    simple = simple_graph(projection)
    index = {node: number for number, node in enumerate(simple.ids)}
    expected = sorted(
        {tuple(sorted((index[u], index[v]))) for u, v in nx.Graph(projection.graph).edges() if u != v}
    )
    assert simple.ids == sorted(projection.entities)
    assert simple.graph.get_edgelist() == expected


@settings(max_examples=40, deadline=None)
@given(edges=edge_lists)
def test_simple_graph_finds_the_ties_between_a_pair_as_the_projection_does(
    edges: list[tuple[int, int]],
) -> None:
    projection = projection_of(edges + [(b, a) for a, b in edges[::2]])  # some ties both ways
    simple = simple_graph(projection)
    for a in simple.ids[:8]:
        for b in simple.ids:
            found = sorted(tie.key for tie in simple.ties_between(a, b))
            assert found == [rel.key for rel in projection.ties(a, b)], (a, b)
    with pytest.raises(KeyError):
        simple.vertex("not-a-stakeholder")
