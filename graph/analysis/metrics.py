"""Who holds the network together: centralities and communities per stakeholder.

Betweenness is exact up to ``EXACT_BETWEENNESS_LIMIT`` stakeholders and estimated from a
seeded sample of ``BETWEENNESS_SAMPLES`` sources past it (Brandes' sampling), because exact
betweenness grows with nodes x edges and takes minutes at 100k stakeholders.
"""

from __future__ import annotations

import networkx as nx

from graph.analysis.projection import Projection
from graph.analysis.results import EntityMetrics, MetricsAnswer

EXACT_BETWEENNESS_LIMIT = 5_000
BETWEENNESS_SAMPLES = 200
SEED = 42


def simple_graph(projection: Projection) -> nx.Graph:
    """The projection with parallel ties merged: centralities count partners, not contracts."""
    return nx.Graph(projection.graph)


def communities(projection: Projection) -> dict[str, int]:
    """Community of each stakeholder (Louvain, seeded so the same graph gives the same answer);
    communities are numbered by size, largest first, and isolated stakeholders get their own."""
    graph = simple_graph(projection)
    if graph.number_of_edges() == 0:
        groups = [{node} for node in sorted(graph.nodes)]
    else:
        groups = nx.community.louvain_communities(graph, seed=SEED)
    ordered = sorted(groups, key=lambda group: (-len(group), min(group)))
    return {node: number for number, group in enumerate(ordered) for node in group}


def compute_metrics(projection: Projection, top: int = 10) -> MetricsAnswer:
    graph = simple_graph(projection)
    n = graph.number_of_nodes()
    sampled = n > EXACT_BETWEENNESS_LIMIT
    samples = min(BETWEENNESS_SAMPLES, n) if sampled else None
    betweenness = nx.betweenness_centrality(graph, k=samples, seed=SEED if sampled else None, normalized=True)
    closeness = nx.closeness_centrality(graph, wf_improved=True)
    pagerank = nx.pagerank(graph) if graph.number_of_edges() else {node: 1 / max(n, 1) for node in graph}
    community = communities(projection)
    rows = [
        EntityMetrics(
            id=node,
            name=projection.entities[node].name,
            kind=projection.entities[node].kind.value,
            degree=graph.degree(node),
            betweenness=round(betweenness[node], 6),
            closeness=round(closeness[node], 6),
            pagerank=round(pagerank[node], 6),
            community=community[node],
        )
        for node in sorted(graph.nodes)
    ]
    brokers = [row.id for row in sorted(rows, key=lambda r: (-r.betweenness, r.id)) if row.betweenness > 0][
        :top
    ]
    return MetricsAnswer(
        entities=rows,
        brokers=brokers,
        communities=len(set(community.values())),
        betweenness_sampled=sampled,
        betweenness_samples=samples,
    )
