"""Shortest paths in Neo4j, in Cypher: the server searches, so the graph never has to fit in
this process. Same meaning as :mod:`graph.store.sqlite_paths` and the projection's search."""

from __future__ import annotations

from typing import Any

from graph.store.cypher import ENTITY_LABEL
from graph.store.path_query import PathQuery


def _tie_filters(query: PathQuery, tie: str) -> list[str]:
    """Conditions on one relationship variable for the query's status and date filters."""
    filters = []
    if not query.include_ended:
        filters.append(f"{tie}.status <> 'ended'")
    if query.as_of is not None:
        filters.append(
            f"({tie}.first_reported IS NULL OR {tie}.first_reported <= $as_of) "
            f"AND ({tie}.until IS NULL OR {tie}.until >= $as_of)"
        )
    return filters


def _types(query: PathQuery) -> str:
    return ":" + "|".join(sorted(kind.value for kind in query.kinds)) if query.kinds else ""


def neighbour_ties_statement(query: PathQuery) -> str:
    """Every usable tie of a ring of stakeholders, either way round, with the far end's name and
    kind: one statement per ring of a neighbourhood (see ``GraphStore.neighbourhood``)."""
    filters = _tie_filters(query, "r")
    where = f"WHERE {' AND '.join(filters)}" if filters else ""
    return f"""
UNWIND $ids AS id
MATCH (a:{ENTITY_LABEL} {{id: id}})-[r{_types(query)}]-(b:{ENTITY_LABEL})
{where}
RETURN a.id AS near, b.id AS far, type(r) AS kind, r.key AS key, b.name AS name, b.kind AS entity_kind
"""


def shortest_paths_statement(query: PathQuery) -> str:
    """``allShortestPaths`` with only the filters the query sets: a predicate Neo4j cannot check
    while it searches breadth first makes it fall back to a much slower exhaustive search, so
    none is written in vain. Relationship types come from the model's enum and the length bound
    from a validated int; every value is a parameter."""
    types = _types(query)
    tie_filters = _tie_filters(query, "r")
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


# The ties of every hop with their properties in one statement (reading keys first and then the
# ties by key, one statement per kind, took up to ten round trips per path question).
TIES_BETWEEN = f"""
UNWIND $pairs AS pair
MATCH (a:{ENTITY_LABEL} {{id: pair[0]}})-[r]-(b:{ENTITY_LABEL} {{id: pair[1]}})
WITH DISTINCT r
MATCH (source:{ENTITY_LABEL})-[r]->(target:{ENTITY_LABEL})
RETURN type(r) AS kind, source.id AS source, target.id AS target, properties(r) AS props
"""


# -- bounded views for the app on a large graph (see GraphStore.search_entities and the rest) --

# names_norm is stored sorted, so its first name starting with (or containing) the text is the
# least: the same order as the embedded store's search.
SEARCH_ENTITIES = f"""
MATCH (e:{ENTITY_LABEL})
WITH e, [n IN e.names_norm WHERE n STARTS WITH $text] AS starts,
     [n IN e.names_norm WHERE n CONTAINS $text] AS containing
WHERE size(containing) > 0
RETURN e.id AS id
ORDER BY size(starts) = 0, coalesce(starts[0], containing[0]), e.id
LIMIT $limit
"""


def best_connected_statement(query: PathQuery, entity_kinds: bool) -> str:
    """The best connected entities: a ``COUNT`` of each one's usable ties (the server's degree
    store when no tie filter applies: the far end has no label to check, since every tie joins
    two entities). Types come from the model's enum; values are parameters."""
    filters = _tie_filters(query, "r")
    where = f" WHERE {' AND '.join(filters)}" if filters else ""
    conditions = []
    if entity_kinds:
        conditions.append("e.kind IN $entity_kinds")
    if query.exclude:
        conditions.append("NOT e.id IN $exclude")
    match_where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    return f"""
MATCH (e:{ENTITY_LABEL})
{match_where}
WITH e, COUNT {{ (e)-[r{_types(query)}]-(){where} }} AS ties
WHERE ties > 0
RETURN e.id AS id, ties
ORDER BY ties DESC, id
LIMIT $limit
"""


TIES_AMONG = f"""
MATCH (a:{ENTITY_LABEL})-[r]->(b:{ENTITY_LABEL})
WHERE a.id IN $ids AND b.id IN $ids
RETURN type(r) AS kind, a.id AS source, b.id AS target, properties(r) AS props
"""
