"""Collaboration paths between two stakeholders, with the evidence for every hop.

>>> answer = find_paths(projection, "lg-electronics", "ionq", k=2)  # doctest: +SKIP
>>> [hop.kind for hop in answer.paths[0].hops]  # doctest: +SKIP
['LOCATED_IN', 'INVESTS_IN']
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import islice, pairwise
from typing import Literal

import networkx as nx

from graph.analysis.projection import Projection
from graph.analysis.results import EvidenceRef, PathResult, PathsAnswer, Reach, hop_from
from graph.analysis.weights import tie_cost
from graph.model import Relationship

Rank = Literal["hops", "weight"]
_HOP = 1.0
_TIE_BREAK = 1e-3  # in `hops` ranking a hop costs 1 + cost/1000: length first, then the cheaper ties
_MAX_CANDIDATES = 500  # simple paths examined per query, at most, when a length limit filters them


def find_paths(
    projection: Projection,
    source: str,
    target: str,
    *,
    k: int = 1,
    max_length: int | None = None,
    rank: Rank = "hops",
    today: date | None = None,
) -> PathsAnswer:
    """The ``k`` best distinct paths from ``source`` to ``target`` (entity ids).

    Paths differ in at least one stakeholder; between two consecutive stakeholders the best
    tie (lowest cost, see :mod:`graph.analysis.weights`) is the hop shown. When there is no
    path, the answer says why and what each end can reach.
    """
    today = today or projection.filter.as_of or date.today()
    answer = PathsAnswer(source=source, target=target, paths=[])
    missing = [end for end in (source, target) if end not in projection.graph]
    if missing:
        answer.reason = (
            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not in this view "
            "(filtered out, or not in the store)"
        )
        return answer
    if source == target:
        answer.reason = "both ends are the same stakeholder"
        return answer
    ties = best_ties(projection, today)
    simple = _collapse(projection, ties, rank)
    try:
        for nodes in islice(_candidate_paths(simple, source, target, max_length), k):
            answer.paths.append(path_result(projection, nodes, ties))
    except nx.NetworkXNoPath:
        pass
    if not answer.paths:
        answer.reason = (
            f"none of at most {max_length} hops"
            if max_length and nx.has_path(simple, source, target)
            else "the two ends are in separate parts of this view"
        )
        answer.reach = [_reach(projection, end) for end in (source, target)]
    return answer


def best_ties(projection: Projection, today: date) -> dict[frozenset[str], tuple[float, Relationship]]:
    best: dict[frozenset[str], tuple[float, Relationship]] = {}
    for relationship in projection.relationships.values():
        pair = frozenset((relationship.source, relationship.target))
        cost = tie_cost(relationship, projection, today)
        if pair not in best or (cost, relationship.key) < (best[pair][0], best[pair][1].key):
            best[pair] = (cost, relationship)
    return best


def _collapse(
    projection: Projection, best_ties: dict[frozenset[str], tuple[float, Relationship]], rank: Rank
) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(projection.graph.nodes)
    for pair, (cost, _) in best_ties.items():
        a, b = sorted(pair)
        simple.add_edge(a, b, weight=_HOP + _TIE_BREAK * cost if rank == "hops" else cost)
    return simple


def _candidate_paths(
    simple: nx.Graph, source: str, target: str, max_length: int | None
) -> Iterator[list[str]]:
    candidates = nx.shortest_simple_paths(simple, source, target, weight="weight")
    for nodes in islice(candidates, _MAX_CANDIDATES):
        if max_length is None or len(nodes) - 1 <= max_length:
            yield nodes


def path_result(
    projection: Projection, nodes: list[str], best_ties: dict[frozenset[str], tuple[float, Relationship]]
) -> PathResult:
    hops = []
    for walked_from, walked_to in pairwise(nodes):
        cost, relationship = best_ties[frozenset((walked_from, walked_to))]
        hops.append(hop_from(relationship, walked_from, cost, evidence_of(projection, relationship)))
    return PathResult(
        length=len(hops),
        cost=round(sum(hop.cost for hop in hops), 4),
        entities=nodes,
        names=[projection.entities[node].name for node in nodes],
        hops=hops,
    )


def evidence_of(projection: Projection, relationship: Relationship) -> list[EvidenceRef]:
    """A relationship's evidence with each source's title, address and date filled in."""
    refs = []
    for evidence in relationship.evidence:
        source = projection.sources.get(evidence.source)
        refs.append(
            EvidenceRef(
                source=evidence.source,
                quote=evidence.quote,
                locator=evidence.locator,
                title=source.title if source else None,
                url=source.url if source else None,
                published=source.published if source else None,
            )
        )
    return refs


def _reach(projection: Projection, entity_id: str) -> Reach:
    component = nx.node_connected_component(projection.graph, entity_id) - {entity_id}
    names = sorted(projection.entities[node].name for node in component)
    return Reach(
        entity=entity_id,
        name=projection.entities[entity_id].name,
        component_size=len(component),
        sample=names[:10],
    )
