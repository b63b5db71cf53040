"""Shortest paths in Neo4j, in Cypher: the server searches, so the graph never has to fit in
this process. Same meaning as :mod:`graph.store.sqlite_paths` and the projection's search."""

from __future__ import annotations

from typing import Any

from graph.store.cypher import ENTITY_LABEL
from graph.store.path_query import PathQuery


def shortest_paths_statement(query: PathQuery) -> str:
    """``allShortestPaths`` with only the filters the query sets: a predicate Neo4j cannot check
    while it searches breadth first makes it fall back to a much slower exhaustive search, so
    none is written in vain. Relationship types come from the model's enum and the length bound
    from a validated int; every value is a parameter."""
    types = ":" + "|".join(sorted(kind.value for kind in query.kinds)) if query.kinds else ""
    tie_filters = []
    if not query.include_ended:
        tie_filters.append("r.status <> 'ended'")
    if query.as_of is not None:
        tie_filters.append(
            "(r.first_reported IS NULL OR r.first_reported <= $as_of) "
            "AND (r.until IS NULL OR r.until >= $as_of)"
        )
    conditions = [f"all(r IN ties WHERE {' AND '.join(tie_filters)})"] if tie_filters else []
    if query.exclude:
        conditions.append("none(n IN nodes(p) WHERE n.id IN $exclude)")
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    return f"""
MATCH (a:{ENTITY_LABEL} {{id: $source}}), (b:{ENTITY_LABEL} {{id: $target}})
MATCH p = allShortestPaths((a)-[ties{types}*..{int(query.max_length)}]-(b))
{where}
RETURN DISTINCT [n IN nodes(p) | n.id] AS ids
LIMIT $limit
"""


def shortest_paths_parameters(source: str, target: str, query: PathQuery) -> dict[str, Any]:
    parameters: dict[str, Any] = {"source": source, "target": target, "limit": query.limit}
    if query.as_of is not None:
        parameters["as_of"] = query.as_of
    if query.exclude:
        parameters["exclude"] = sorted(query.exclude)
    return parameters


KEYS_BETWEEN = f"""
UNWIND $pairs AS pair
MATCH (a:{ENTITY_LABEL} {{id: pair[0]}})-[r]-(b:{ENTITY_LABEL} {{id: pair[1]}})
RETURN DISTINCT r.key AS key
"""
