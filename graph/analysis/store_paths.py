"""Collaboration paths searched by the store itself (Cypher on Neo4j, an indexed breadth-first
search on SQLite), for graphs too large to project for every question.

The store finds every shortest path (fewest hops) under the filters and reads only the ties along
them, their stakeholders and sources (:meth:`graph.store.base.GraphStore.path_subgraph`); this
module ranks the paths by their cost (:mod:`graph.analysis.weights`) and returns the
``k`` best with their evidence: the same answer shape as :func:`graph.analysis.paths.find_paths`.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import networkx as nx

from graph.analysis.paths import best_ties, path_result
from graph.analysis.projection import GraphFilter, Projection, build_projection
from graph.analysis.results import PathsAnswer
from graph.analysis.weights import summary_cost
from graph.store.base import GraphStore, PathChooser, TieSummary, subgraph_along
from graph.store.gate import gated
from graph.store.path_query import PathQuery, PathSubgraph

STORE_ENGINE_THRESHOLD = 200_000
"""Past this many entities plus relationships, `ckg path` and the app's Paths page let the store
search (for fewest hops): the in-memory answer weighs every tie of the view for each question,
which takes seconds at 100,000 entities (docs/BENCHMARKS.md, "Scale")."""


@gated  # the answer's work too, not only its reads
def find_paths_in_store(
    store: GraphStore, source: str, target: str, query: PathQuery, *, k: int = 1, today: date | None = None
) -> PathsAnswer:
    """The ``k`` cheapest of the shortest paths between two entity ids, searched in the store."""
    today = today or query.as_of or date.today()
    answer = PathsAnswer(source=source, target=target, paths=[])
    found = store.path_subgraph(source, target, query, _cheapest(k, today))
    if not found.paths:
        answer.reason = f"no path of at most {query.max_length} hops under these filters"
        return answer
    projection = _paths_projection(found, query)
    ties = best_ties(projection, today)
    results = [path_result(projection, nodes, ties) for nodes in found.paths]
    answer.paths = sorted(results, key=lambda p: (p.cost, p.entities))[:k]
    return answer


def _cheapest(k: int, today: date) -> PathChooser:
    """Of the shortest paths, the ``k`` that :func:`find_paths_in_store` would answer with,
    ranked from the ties' summaries alone (the same costs, rounded the same way), so the store
    reads only those whole."""

    def choose(paths: list[list[str]], ties: list[TieSummary]) -> list[list[str]]:
        best: dict[frozenset[str], tuple[float, str]] = {}
        for tie in ties:
            pair, ranked = frozenset((tie.source, tie.target)), (summary_cost(tie, today), tie.key)
            if pair not in best or ranked < best[pair]:
                best[pair] = ranked
        costed = []
        for nodes in paths:
            hops = [best.get(frozenset(pair)) for pair in pairwise(nodes)]
            if None in hops:  # a hop with no usable tie: not ours to judge, so read them all
                return paths
            costed.append((round(sum(round(hop[0], 4) for hop in hops if hop), 4), nodes))
        return [nodes for _, nodes in sorted(costed)[:k]]

    return choose


def paths_projection(store: GraphStore, node_paths: list[list[str]], query: PathQuery) -> Projection:
    """A projection of just ``node_paths`` (a path answer's chosen paths, to draw them), read
    from the store: their ties, stakeholders and the sources the ties cite."""
    return _paths_projection(subgraph_along(store, node_paths), query)


def _paths_projection(found: PathSubgraph, query: PathQuery) -> Projection:
    """A projection holding just the paths' stakeholders and the usable ties along them."""
    view = GraphFilter(
        relationship_kinds=query.kinds,
        include_ended=query.include_ended,
        as_of=query.as_of,
        exclude=query.exclude,
    )
    return build_projection(found.entities.values(), found.relationships, found.sources.values(), view)


def all_shortest_paths(projection: Projection, source: str, target: str, max_length: int) -> list[list[str]]:
    """Every shortest path in a projection, sorted: what a store's search must return too."""
    graph = nx.Graph(projection.graph)
    try:
        paths = sorted(nx.all_shortest_paths(graph, source, target))
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    return paths if paths and len(paths[0]) - 1 <= max_length else []
