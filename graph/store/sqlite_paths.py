"""Shortest paths in the embedded store by bidirectional breadth-first search over the indexed
relationship table: only the rings around the two ends are read, never the whole graph.

Each step expands the smaller frontier by one ring with one query per 500 ids; the search stops
at the first ring where the two sides meet, and every shortest path is then rebuilt from the
predecessors both sides kept. The ring queries read the covering indexes of each end (schema 4),
never the relationship rows.

Also here: the ties of a neighbourhood, ring by ring, and the ties along a set of hops in one
statement.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date

from graph.model import EntityKind, RelationshipKind, RelationshipStatus
from graph.store.base import TieSummary
from graph.store.path_query import NeighbourTie, PathQuery

_CHUNK = 500
Parents = dict[str, set[str]]


def shortest_paths(db: sqlite3.Connection, source: str, target: str, query: PathQuery) -> list[list[str]]:
    """Every shortest path between ``source`` and ``target`` (entity ids), up to ``query.limit``,
    each as the ids along it; [] when there is none within ``query.max_length`` hops."""
    if source == target or source in query.exclude or target in query.exclude:
        return []
    parents: tuple[Parents, Parents] = ({source: set()}, {target: set()})
    frontiers: tuple[set[str], set[str]] = ({source}, {target})
    depth = [0, 0]
    while frontiers[0] and frontiers[1] and depth[0] + depth[1] < query.max_length:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        seen = parents[side]
        ring: Parents = {}
        # the ties into the other side's frontier first: where the sides meet, the last ring's
        # ties (four in five of all a search reads) never reach Python
        for node, neighbour in _neighbours(db, frontiers[side], query, into=frontiers[1 - side]):
            ring.setdefault(neighbour, set()).add(node)
        meeting = sorted(ring)
        if not meeting:
            for node, neighbour in _neighbours(db, frontiers[side], query):
                if neighbour in seen or neighbour in query.exclude:
                    continue
                ring.setdefault(neighbour, set()).add(node)
        seen.update(ring)
        depth[side] += 1
        if meeting:
            paths = []
            for node in meeting:
                for head in _walks(parents[0], node):
                    for tail in _walks(parents[1], node):
                        paths.append(head[::-1] + tail[1:])
                        if len(paths) >= query.limit:
                            return sorted(paths)
            return sorted(paths)
        frontiers = (set(ring), frontiers[1]) if side == 0 else (frontiers[0], set(ring))
    return []


def _walks(parents: Parents, node: str) -> Iterator[list[str]]:
    """Every walk from ``node`` back to the side's start, ``node`` first."""
    if not parents[node]:
        yield [node]
        return
    for parent in sorted(parents[node]):
        for rest in _walks(parents, parent):
            yield [node, *rest]


def _neighbours(
    db: sqlite3.Connection, nodes: set[str], query: PathQuery, into: set[str] | None = None
) -> Iterator[tuple[str, str]]:
    """(node, neighbour) for every usable tie of ``nodes``; only those whose neighbour is in
    ``into`` when it is given (the search's test for meeting, done by SQLite)."""
    conditions, values = _filters(query)
    if into is not None:
        # "+" keeps the planner on the near end's index: probing the far end's for every pair
        # of the two frontiers made the search twice as slow (docs/BENCHMARKS.md)
        conditions += " AND +{far} IN (SELECT value FROM json_each(?))"
        values = [*values, json.dumps(sorted(into))]
    ordered = sorted(nodes)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        # fixed text and placeholders only: every value travels as a parameter
        outgoing = f"SELECT source_id, target_id FROM relationships WHERE source_id IN ({marks}){conditions}"  # noqa: S608
        incoming = f"SELECT target_id, source_id FROM relationships WHERE target_id IN ({marks}){conditions}"  # noqa: S608
        sql = f"{outgoing.format(far='target_id')} UNION ALL {incoming.format(far='source_id')}"
        yield from db.execute(sql, [*chunk, *values, *chunk, *values])


def _filters(query: PathQuery, table: str = "") -> tuple[str, list[object]]:
    """SQL conditions (fixed text with placeholders) and their values; ``table`` qualifies the
    columns (``"r."``) where a join makes their names ambiguous."""
    sql = ""
    values: list[object] = []
    if query.kinds is not None:
        sql += f" AND {table}kind IN ({','.join('?' * len(query.kinds))})"
        values += sorted(kind.value for kind in query.kinds)
    if not query.include_ended:
        sql += f" AND {table}status <> 'ended'"
    if query.as_of is not None:
        sql += (
            f" AND ({table}first_reported IS NULL OR {table}first_reported <= ?)"
            f" AND ({table}until IS NULL OR {table}until >= ?)"
        )
        values += [query.as_of.isoformat(), query.as_of.isoformat()]
    return sql, values


# The pairs travel as one JSON parameter, so any number of hops is one statement; each side of
# the UNION is an index search of one end's covering index per pair.
_TIES_BETWEEN = """
WITH pairs (a, b) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
SELECT r.key, r.data FROM pairs CROSS JOIN relationships r ON r.source_id = pairs.a AND r.target_id = pairs.b
UNION
SELECT r.key, r.data FROM pairs CROSS JOIN relationships r ON r.source_id = pairs.b AND r.target_id = pairs.a
ORDER BY 1
"""


def ties_between(db: sqlite3.Connection, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, JSON) of every relationship between each pair, whichever way round it points, by
    key: the ties of all the hops of a set of paths in one statement."""
    wanted = sorted({(a, b) for a, b in pairs})
    if not wanted:
        return []
    return [(key, data) for key, data in db.execute(_TIES_BETWEEN, (json.dumps(wanted),))]


# The usable ties between the pairs as summaries: the columns, and the sources each cites from
# the evidence table's key (in order), never the JSON.
_SUMMARIES_BETWEEN = """
WITH pairs (a, b) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)),
ties AS (
    SELECT r.key, r.kind, r.source_id, r.target_id, r.since, r.until, r.first_reported, r.status
    FROM pairs CROSS JOIN relationships r ON r.source_id = pairs.a AND r.target_id = pairs.b
    WHERE 1 = 1{conditions}
    UNION
    SELECT r.key, r.kind, r.source_id, r.target_id, r.since, r.until, r.first_reported, r.status
    FROM pairs CROSS JOIN relationships r ON r.source_id = pairs.b AND r.target_id = pairs.a
    WHERE 1 = 1{conditions}
)
SELECT ties.*, (
    SELECT json_group_array(source_id) FROM (
        SELECT DISTINCT source_id FROM evidence WHERE relationship_key = ties.key ORDER BY source_id
    )
) FROM ties ORDER BY ties.key
"""


def tie_summaries_between(
    db: sqlite3.Connection, pairs: Iterable[tuple[str, str]], query: PathQuery
) -> list[TieSummary]:
    """The ties between each pair (either way round) that ``query`` lets a path use, summarised."""
    wanted = sorted({(a, b) for a, b in pairs})
    if not wanted:
        return []
    conditions, values = _filters(query, "r.")
    # fixed text and placeholders only: every value travels as a parameter
    sql = _SUMMARIES_BETWEEN.format(conditions=conditions)
    return [
        TieSummary(
            key,
            RelationshipKind(kind),
            source,
            target,
            RelationshipStatus(status),
            date.fromisoformat(since) if since else None,
            date.fromisoformat(until) if until else None,
            date.fromisoformat(first) if first else None,
            tuple(json.loads(cited)),
        )
        for key, kind, source, target, since, until, first, status, cited in db.execute(
            sql, (json.dumps(wanted), *values, *values)
        )
    ]


def neighbour_ties(db: sqlite3.Connection, nodes: set[str], query: PathQuery) -> Iterator[NeighbourTie]:
    """Every usable tie of ``nodes``, seen from each of them, with the far end's name and kind."""
    conditions, values = _filters(query, "r.")
    ordered = sorted(nodes)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        # fixed text and placeholders only: every value travels as a parameter
        outgoing = (
            "SELECT r.source_id, r.target_id, r.kind, r.key, e.name, e.kind FROM relationships r "  # noqa: S608
            f"JOIN entities e ON e.id = r.target_id WHERE r.source_id IN ({marks}){conditions}"
        )
        incoming = (
            "SELECT r.target_id, r.source_id, r.kind, r.key, e.name, e.kind FROM relationships r "  # noqa: S608
            f"JOIN entities e ON e.id = r.source_id WHERE r.target_id IN ({marks}){conditions}"
        )
        for near, far, kind, key, name, entity_kind in db.execute(
            f"{outgoing} UNION ALL {incoming}", [*chunk, *values, *chunk, *values]
        ):
            yield NeighbourTie(near, far, kind, key, name, EntityKind(entity_kind))
