"""Bounded views of the embedded store for the app on a large graph: a name search, the best
connected stakeholders and the ties among a set of them, each one or two indexed statements, so
a page never reads the whole graph to offer a picker or draw a default view.

Every value travels as a parameter; the only text built here is placeholders and the fixed
filter conditions of :func:`graph.store.sqlite_paths._filters`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from graph.model import EntityKind, RelationshipKind, normalise_name
from graph.store.path_query import PathQuery
from graph.store.sqlite_paths import _filters

_LAST = "\U0010ffff"  # sorts after any character a name holds: the end of a prefix's index range


def search(db: sqlite3.Connection, text: str, limit: int) -> list[str]:
    """Ids of the entities with a name (id, name or alias, normalised) containing ``text``:
    those with one that starts with it first (by that name), then the others (by the first name
    containing it), each then by id; at most ``limit``."""
    wanted = normalise_name(text)
    if not wanted or limit < 1:
        return []
    found: dict[str, None] = {}
    # a prefix is a range of the (name, entity_id) primary key: read in its order, no sort
    for (entity_id,) in db.execute(
        "SELECT entity_id FROM entity_names WHERE name >= ? AND name < ? ORDER BY name, entity_id",
        (wanted, wanted + _LAST),
    ):
        found.setdefault(entity_id)
        if len(found) >= limit:
            return list(found)
    prefixed = len(found)
    for (entity_id,) in db.execute(
        "SELECT entity_id FROM entity_names WHERE instr(name, ?) > 1 GROUP BY entity_id "
        "ORDER BY min(name), entity_id LIMIT ?",
        (wanted, limit + prefixed),
    ):
        found.setdefault(entity_id)
        if len(found) >= limit:
            break
    return list(found)


def best_connected(
    db: sqlite3.Connection, limit: int, query: PathQuery, entity_kinds: frozenset[EntityKind] | None
) -> list[tuple[str, int]]:
    """(id, usable ties) of the ``limit`` entities with the most, most first, then by id: each
    end's covering index counted in index order, never a relationship row."""
    conditions, values = _filters(query)
    outer, outer_values = "", list[object]()
    if entity_kinds is not None:
        marks = ",".join("?" * len(entity_kinds))
        outer += f" AND id IN (SELECT id FROM entities WHERE kind IN ({marks}))"  # noqa: S608
        outer_values += sorted(kind.value for kind in entity_kinds)
    if query.exclude:
        outer += " AND id NOT IN (SELECT value FROM json_each(?))"
        outer_values.append(json.dumps(sorted(query.exclude)))
    # fixed text and placeholders only: every value travels as a parameter
    ends = " UNION ALL ".join(
        f"SELECT {end} AS id, count(*) AS n FROM relationships WHERE 1 = 1{conditions} GROUP BY {end}"  # noqa: S608
        for end in ("source_id", "target_id")
    )
    sql = f"SELECT id, sum(n) AS ties FROM ({ends}) WHERE 1 = 1{outer} GROUP BY id"  # noqa: S608
    sql += " ORDER BY ties DESC, id LIMIT ?"
    return [
        (entity_id, int(ties))
        for entity_id, ties in db.execute(sql, [*values, *values, *outer_values, limit])
    ]


# The ids travel as one JSON parameter; each is a search of the source end's covering index,
# its ties then kept when the other end is among the ids too (the ``+`` keeps the planner from
# searching the target end's index once per pair of ids instead: 30 times slower for 300 ids).
_TIES_AMONG = """
WITH chosen (id) AS (SELECT DISTINCT value FROM json_each(?))
SELECT r.key, r.data FROM chosen CROSS JOIN relationships r ON r.source_id = chosen.id
WHERE +r.target_id IN (SELECT id FROM chosen)
ORDER BY r.key
"""


def ties_among(db: sqlite3.Connection, ids: Iterable[str]) -> list[tuple[str, str]]:
    """(key, JSON) of every relationship with both ends among ``ids``, by key."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return [(key, data) for key, data in db.execute(_TIES_AMONG, (json.dumps(wanted),))]


TIES_SINCE = (
    "SELECT key, data FROM relationships WHERE kind = ? AND first_reported >= ? "
    "ORDER BY first_reported DESC, key DESC LIMIT ?"
)


def groups_lacking(
    db: sqlite3.Connection, group_kind: EntityKind, member_kind: EntityKind, ties: frozenset[RelationshipKind]
) -> list[str]:
    """Ids of the entities of ``group_kind`` with no tie of ``ties`` into them from an entity of
    ``member_kind``, in order: each group's ties are a search of the target end's index."""
    if not ties:
        return [
            row[0]
            for row in db.execute("SELECT id FROM entities WHERE kind = ? ORDER BY id", (group_kind.value,))
        ]
    marks = ",".join("?" * len(ties))
    # fixed text and placeholders only: every value travels as a parameter
    sql = (
        "SELECT g.id FROM entities g WHERE g.kind = ? AND NOT EXISTS ("  # noqa: S608
        "SELECT 1 FROM relationships r JOIN entities m ON m.id = r.source_id "
        f"WHERE r.target_id = g.id AND r.kind IN ({marks}) AND m.kind = ?) ORDER BY g.id"
    )
    kinds = sorted(kind.value for kind in ties)
    return [row[0] for row in db.execute(sql, [group_kind.value, *kinds, member_kind.value])]


NEWEST_TIES = (
    "SELECT key, data FROM relationships "
    "ORDER BY first_reported IS NULL, first_reported DESC, key DESC LIMIT ?"
)
ONE_SOURCE_COUNT = (
    "SELECT count(*) FROM (SELECT relationship_key FROM evidence GROUP BY relationship_key "
    "HAVING count(DISTINCT source_id) = 1)"
)
_UNCONNECTED = (
    "FROM entities e WHERE NOT EXISTS (SELECT 1 FROM relationships r WHERE r.source_id = e.id) "
    "AND NOT EXISTS (SELECT 1 FROM relationships r WHERE r.target_id = e.id)"
)
UNCONNECTED_COUNT = f"SELECT count(*) {_UNCONNECTED}"
UNCONNECTED_NAMES = f"SELECT e.name {_UNCONNECTED} ORDER BY e.name, e.id LIMIT ?"
_PROPOSED = "FROM entities WHERE json_extract(data, '$.status') = ?"
PROPOSED_COUNT = f"SELECT count(*) {_PROPOSED}"
PROPOSED_NAMES = f"SELECT name {_PROPOSED} ORDER BY name, id LIMIT ?"


# floor(x * 10) by integer casts (SQLite's math functions are a build option): a cast truncates
# toward zero, so one is taken off where that rounded a negative value up
PLACE_COUNTS = """
SELECT kind, country, region,
       CAST(lat * 10 AS INTEGER) - (lat * 10 < CAST(lat * 10 AS INTEGER)),
       CAST(lon * 10 AS INTEGER) - (lon * 10 < CAST(lon * 10 AS INTEGER)),
       count(*)
FROM (
    SELECT kind, json_extract(data, '$.country') AS country, json_extract(data, '$.region') AS region,
           json_extract(data, '$.lat') AS lat, json_extract(data, '$.lon') AS lon
    FROM entities
)
GROUP BY 1, 2, 3, 4, 5
"""
TIE_MONTHS = """
SELECT substr(first_reported, 1, 7), kind, status, count(*) FROM relationships
GROUP BY 1, 2, 3
"""
