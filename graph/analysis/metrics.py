"""Who holds the network together: centralities and communities per stakeholder.

Computed with igraph (C code) on the projection's simple graph (parallel ties merged: metrics
count partners, not contracts), because networkx takes minutes where igraph takes seconds at
100k stakeholders (see docs/BENCHMARKS.md, "Analysis").

- Betweenness and closeness are exact up to ``EXACT_LIMIT`` stakeholders. Past it they are
  estimated from ``SAMPLES`` pivot stakeholders (fewer past 20,000: see :func:`samples_for`)
  chosen with a fixed seed: betweenness counts the
  shortest paths from the pivots and scales by n/pivots (Brandes and Pich's estimator);
  closeness is the inverse mean distance to the pivots a stakeholder can reach (Eppstein and
  Wang), scaled by the share of the graph it reaches (the Wasserman-Faust correction, as for
  exact closeness).
- PageRank with damping 0.85.
- Communities by Leiden optimising modularity, seeded, numbered by size (largest first):
  iterated until stable up to ``EXACT_LIMIT`` stakeholders, ``LEIDEN_ITERATIONS`` passes past it.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter

import numpy as np

from graph.analysis.beside import beside, can_fork
from graph.analysis.igraph_lite import igraph as ig
from graph.analysis.projection import Projection, Tie
from graph.analysis.results import EntityMetrics, MetricsAnswer
from graph.bulk import paused_gc
from graph.store.trusted import trusted

EXACT_LIMIT = 5_000
SAMPLES = 200
SAMPLED_WORK = 20_000 * SAMPLES
"""Past 20,000 stakeholders the pivots shrink as the graph grows, so an estimate costs about
what 200 pivots cost at 20,000 (each pivot is a breadth-first search of the whole graph)..."""
MIN_SAMPLES = 50
"""...but never below 50 (at 100,000 stakeholders 200 pivots took half a minute of a 2-core
machine). Either way the estimate ranks brokers only roughly at that size: on the synthetic
100,000-entity graph, whose many hubs stand about equally between others, 50 and 200 pivots
shared 1 of their top 10 (docs/BENCHMARKS.md, "Scale"); exact betweenness there would take
100,000 searches of the whole graph."""
SEED = 42
LEIDEN_ITERATIONS = 2
CHILD_PIVOT_SHARE = 0.3
"""The share of the pivot searches the second core makes beside Leiden (which took about as long
as 20 of the 50 searches at 100,000 stakeholders): the two cores then finish at about the same time."""


def on_second_core(stakeholders: int) -> bool:
    """Whether a graph of ``stakeholders`` is large enough for its slow steps to go to a second
    core (its betweenness is sampled, and each step takes seconds), where this machine has one."""
    return stakeholders > EXACT_LIMIT and can_fork()


def samples_for(stakeholders: int) -> int:
    """Pivots for a sampled estimate on a graph of ``stakeholders``."""
    return max(MIN_SAMPLES, min(SAMPLES, SAMPLED_WORK // max(stakeholders, 1)))


@dataclass(frozen=True)
class SimpleGraph:
    """The projection as an igraph graph: vertex ``i`` is ``ids[i]``. ``ends`` holds the vertex
    numbers of both ends of every tie of the projection (parallel ties and self-ties too), row
    ``j`` for ``ties[j]``, for passes over the ties that numpy can make."""

    graph: ig.Graph
    ids: list[str]
    ties: list[Tie]
    ends: np.ndarray

    def vertex(self, node: str) -> int:
        """The vertex number of stakeholder ``node`` (``ids`` is sorted)."""
        number = bisect_left(self.ids, node)
        if number == len(self.ids) or self.ids[number] != node:
            raise KeyError(node)
        return number

    def ties_between(self, a: str, b: str) -> list[Tie]:
        """Every tie between ``a`` and ``b``, either way round, in the projection's order: a
        binary search of the ties sorted by pair, where an index of the ties at each end took
        a second to build at 500,000 ties for the few dozen pairs a report words."""
        codes, order = self._by_pair
        low, high = sorted((self.vertex(a), self.vertex(b)))
        code = low * max(len(self.ids), 1) + high
        first, last = np.searchsorted(codes, [code, code + 1])
        return [self.ties[int(at)] for at in order[first:last]]

    @cached_property
    def _by_pair(self) -> tuple[np.ndarray, np.ndarray]:
        """Each tie's pair code (lower vertex first) in sorted order, and the tie's row."""
        codes = _pair_codes(self.ends, len(self.ids))
        order = np.argsort(codes, kind="stable")
        return codes[order], order


def simple_graph(projection: Projection) -> SimpleGraph:
    """Each pair of tied stakeholders once, self-ties left out, in the order of the pairs' vertex
    numbers (so a seeded algorithm's answer repeats): the ties' ends numbered and deduplicated
    in numpy, as walking the multigraph's adjacency in Python took seconds at 500,000 ties. The
    ends are numbered by ``map`` over the ties (a loop in C), a third of the time of a generator."""
    ids = sorted(projection.entities)  # the multigraph's nodes, without building it
    ties = list(projection.each_tie())
    number = {node: at for at, node in enumerate(ids)}.__getitem__
    ends = np.empty((len(ties), 2), dtype=np.int64)
    ends[:, 0] = np.fromiter(map(number, map(attrgetter("source"), ties)), dtype=np.int64, count=len(ties))
    ends[:, 1] = np.fromiter(map(number, map(attrgetter("target"), ties)), dtype=np.int64, count=len(ties))
    loops = ends[:, 0] == ends[:, 1]
    pairs = np.unique(_pair_codes(ends, len(ids))[~loops])
    edges = np.column_stack(np.divmod(pairs, max(len(ids), 1)))
    return SimpleGraph(ig.Graph(n=len(ids), edges=edges.tolist()), ids, ties, ends)


def _pair_codes(ends: np.ndarray, vertices: int) -> np.ndarray:
    """One number per tie for its pair of ends, whichever way round: lower x n + higher."""
    codes: np.ndarray = ends.min(axis=1) * max(vertices, 1) + ends.max(axis=1)
    return codes


def communities(projection: Projection, simple: SimpleGraph | None = None) -> dict[str, int]:
    """Community of each stakeholder; isolated stakeholders are communities of their own."""
    simple = simple or simple_graph(projection)
    if simple.graph.ecount() == 0:
        return {node: number for number, node in enumerate(simple.ids)}
    random.seed(SEED)  # igraph draws from Python's random module: seeded, the answer repeats
    ig.set_random_number_generator(random)
    # until nothing moves on a small graph; past EXACT_LIMIT a fixed number of passes, as
    # iterating to the end took most of the analysis at 100,000 stakeholders for a sliver of
    # modularity
    iterations = -1 if simple.graph.vcount() <= EXACT_LIMIT else LEIDEN_ITERATIONS
    clustering = simple.graph.community_leiden(objective_function="modularity", n_iterations=iterations)
    groups = sorted(clustering, key=lambda members: (-len(members), min(members)))
    return {simple.ids[vertex]: number for number, members in enumerate(groups) for vertex in members}


def compute_metrics(projection: Projection, top: int = 10) -> MetricsAnswer:
    with paused_gc():  # a row per stakeholder beside a projection of a million objects: graph.bulk
        return _compute_metrics(projection, top)


def _compute_metrics(projection: Projection, top: int) -> MetricsAnswer:
    simple = simple_graph(projection)
    graph, n = simple.graph, simple.graph.vcount()
    sampled = n > EXACT_LIMIT
    samples = samples_for(n)
    if sampled:
        # on a large graph a second core works out the communities and a share of the pivot
        # searches while this one does the rest (see graph.analysis.beside); the shares are the
        # same whether or not it forks, so the answer is too
        pivots = sorted(random.Random(SEED).sample(range(n), samples))  # noqa: S311 - sampling, not secrets
        cut = round(len(pivots) * (1 - CHILD_PIVOT_SHARE))
        theirs = pivots[cut:]
        other_core = beside(
            lambda: (communities(projection, simple), graph.betweenness(directed=False, sources=theirs)),
            fork=on_second_core(n),
        )
        mine = graph.betweenness(directed=False, sources=pivots[:cut])
        closeness = _sampled_closeness(graph, pivots)
        pagerank = graph.pagerank(damping=0.85)
        community, their_share = other_core.result()
        # from the pivots each pair is counted once, not twice as from every source in an
        # undirected graph: scale by n / pivots and halve to match the exact (undirected) value
        scale = n / len(pivots) / 2
        betweenness = [(a + b) * scale for a, b in zip(mine, their_share, strict=True)]
    else:
        betweenness = graph.betweenness(directed=False)
        closeness = _exact_closeness(graph)
        pagerank = graph.pagerank(damping=0.85) if n else []
        community = communities(projection, simple)
    norm = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    degrees = graph.degree()
    entities = projection.entities
    rows = [
        trusted(  # plain values of the fields' types, 100,000 of them: see graph.store.trusted
            EntityMetrics,
            {
                "id": node,
                "name": entities[node].name,
                "kind": entities[node].kind.value,
                "degree": degrees[vertex],
                "betweenness": round(betweenness[vertex] * norm, 6),
                "closeness": round(closeness[vertex], 6),
                "pagerank": round(pagerank[vertex], 6),
                "community": community[node],
            },
        )
        for vertex, node in enumerate(simple.ids)
    ]
    brokers = [row.id for row in sorted(rows, key=lambda r: (-r.betweenness, r.id)) if row.betweenness > 0][
        :top
    ]
    return MetricsAnswer(
        entities=rows,
        brokers=brokers,
        communities=len(set(community.values())),
        betweenness_sampled=sampled,
        betweenness_samples=samples if sampled else None,
    )


def _exact_closeness(graph: ig.Graph) -> list[float]:
    """Wasserman-Faust closeness: (reached / (n - 1)) x (reached / sum of distances)."""
    n = graph.vcount()
    raw = graph.closeness(mode="all", normalized=True)
    sizes = {vertex: len(component) for component in graph.connected_components() for vertex in component}
    return [0.0 if value != value else value * (sizes[v] - 1) / max(n - 1, 1) for v, value in enumerate(raw)]


def _sampled_closeness(graph: ig.Graph, pivots: list[int]) -> list[float]:
    n = graph.vcount()
    distances = np.array(graph.distances(source=pivots, mode="all"), dtype=float)
    usable = np.isfinite(distances) & (distances > 0)
    reached = usable.sum(axis=0)
    total = np.where(usable, distances, 0.0).sum(axis=0)
    sizes = np.zeros(n)
    for component in graph.connected_components():
        sizes[component] = len(component)
    with np.errstate(divide="ignore", invalid="ignore"):
        closeness = np.where(reached > 0, reached / total * (sizes - 1) / max(n - 1, 1), 0.0)
    return [float(value) for value in closeness]
