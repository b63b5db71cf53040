"""Shortest paths in Neo4j, in Cypher: the server searches, so the graph never has to fit in
this process. Same meaning as :mod:`graph.store.sqlite_paths` and the projection's search."""

from __future__ import annotations

from typing import Any

from graph.store.cypher import ENTITY_LABEL, SOURCE_LABEL
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


def neighbourhood_statement(query: PathQuery, depth: int) -> str:
    """The centre's name and kind and its ``depth`` rings in one statement (one row; none for an
    unknown id): ``rings[i]`` holds the usable ties from the stakeholders ``i`` ties away, read
    as :func:`graph.store.path_query.collect_neighbourhood` reads a ring. Each ring but the last
    also yields the next one: the far ends not reached before and not left out. The last ring's
    ties to stakeholders reached before are left for ``collect_neighbourhood`` to drop, as they
    were when each ring was a statement of its own: checking them here costs the server more
    than sending them. The depth is a validated int; every value is a parameter."""
    rings = max(int(depth), 0)
    parts = [f"MATCH (c:{ENTITY_LABEL} {{id: $id}})", "WITH c, [c] AS ring0, [c] AS seen0"]
    for i in range(rings):
        last = i == rings - 1
        filters = _tie_filters(query, "r") + ([] if last else [f"NOT b IN seen{i}"])
        if query.exclude:
            filters.append("NOT b.id IN $exclude")
        where = f"\n  WHERE {' AND '.join(filters)}" if filters else ""
        reached = "" if last else f", collect(DISTINCT b) AS ring{i + 1}"
        parts.append(
            f"CALL (ring{i}{'' if last else f', seen{i}'}) {{\n"
            f"  UNWIND ring{i} AS a\n"
            f"  MATCH (a)-[r{_types(query)}]-(b:{ENTITY_LABEL}){where}\n"
            f"  RETURN collect({{near: a.id, far: b.id, kind: type(r), key: r.key, name: b.name, "
            f"entity_kind: b.kind}}) AS ties{i}{reached}\n"
            "}"
        )
        if not last:
            carried = "".join(f"ties{j}, " for j in range(i + 1))
            parts.append(f"WITH c, {carried}ring{i + 1}, seen{i} + ring{i + 1} AS seen{i + 1}")
    listed = ", ".join(f"ties{i}" for i in range(rings))
    parts.append(f"RETURN c.name AS name, c.kind AS kind, [{listed}] AS rings")
    return "\n".join(parts) + "\n"


def _search(query: PathQuery) -> str:
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
{where}"""


def shortest_paths_statement(query: PathQuery) -> str:
    """The ids along every shortest path (up to ``$limit``)."""
    return f"""{_search(query)}
RETURN DISTINCT [n IN nodes(p) | n.id] AS ids
LIMIT $limit
"""


def path_subgraph_statement(query: PathQuery) -> str:
    """One statement for a whole path question: the search, then every tie between consecutive
    stakeholders of the paths found (any kind, either way round: the answer weighs them all), the
    paths' stakeholders and the sources the ties cite. One row, with empty lists when there is no
    path. Each of these was a round trip of its own, and a round trip costs more than the work."""
    return f"""{_search(query)}
WITH DISTINCT nodes(p) AS path
LIMIT $limit
WITH collect(path) AS paths
CALL (paths) {{
  UNWIND paths AS path
  UNWIND range(0, size(path) - 2) AS i
  WITH DISTINCT path[i] AS x, path[i + 1] AS y
  MATCH (x)-[r]-(y)
  WITH DISTINCT r
  RETURN collect({{kind: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r)}})
         AS ties
}}
CALL (paths) {{
  UNWIND paths AS path
  UNWIND path AS n
  WITH DISTINCT n
  RETURN collect(properties(n)) AS entities
}}
CALL (ties) {{
  UNWIND ties AS tie
  UNWIND coalesce(tie.props.evidence_sources, []) AS id
  WITH DISTINCT id
  MATCH (s:{SOURCE_LABEL} {{id: id}})
  RETURN collect(properties(s)) AS sources
}}
RETURN [path IN paths | [n IN path | n.id]] AS paths, ties, entities, sources
"""


def filter_parameters(query: PathQuery, **parameters: Any) -> dict[str, Any]:
    """``parameters`` and the values the filters of :func:`_tie_filters` and ``$exclude`` name,
    for every statement of this module that applies a query's filters."""
    if query.as_of is not None:
        parameters["as_of"] = query.as_of
    if query.exclude:
        parameters["exclude"] = sorted(query.exclude)
    return parameters


def shortest_paths_parameters(source: str, target: str, query: PathQuery) -> dict[str, Any]:
    return filter_parameters(query, source=source, target=target, limit=query.limit)


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
