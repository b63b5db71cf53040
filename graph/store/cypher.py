"""Every Cypher statement the Neo4j store runs, in one place.

Statements are built by functions from the model's enums only (labels and relationship types
cannot be parameters in Cypher); every value travels as a parameter. Nothing here formats a
value taken from input into query text.
"""

from __future__ import annotations

from graph.model import EntityKind, RelationshipKind

EVIDENCE_ID_SEPARATOR = "\u001f"  # between a source id and an anchor: a character neither holds
ENTITY_LABEL = "Entity"
SOURCE_LABEL = "Source"


def schema_statements() -> list[str]:
    """Constraints and indexes the store creates for itself on first use (idempotent)."""
    statements = [
        f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:{ENTITY_LABEL}) REQUIRE e.id IS UNIQUE",
        f"CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:{SOURCE_LABEL}) REQUIRE s.id IS UNIQUE",
        f"CREATE INDEX entity_kind IF NOT EXISTS FOR (e:{ENTITY_LABEL}) ON (e.kind)",
    ]
    statements += [
        f"CREATE INDEX rel_key_{kind.value.lower()} IF NOT EXISTS FOR ()-[r:{kind.value}]-() ON (r.key)"
        for kind in RelationshipKind
    ]
    return statements


# A source stored before whose date changes re-dates the undated ties citing it (their first
# report), in the same transaction: the scan of relationships runs only when one did.
UPSERT_SOURCES = f"""
UNWIND $rows AS row
MERGE (s:{SOURCE_LABEL} {{id: row.id}})
WITH s, row, s.kind IS NOT NULL AS existed, s.published AS before
SET s = row
WITH collect(CASE WHEN existed
                  AND NOT coalesce(before = row.published, before IS NULL AND row.published IS NULL)
             THEN row.id END) AS redated
CALL {{
    WITH redated
    WITH redated WHERE size(redated) > 0
    MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL}) WHERE any(id IN r.evidence_sources WHERE id IN redated)
    CALL {{
        WITH r
        MATCH (cited:{SOURCE_LABEL}) WHERE cited.id IN r.evidence_sources
        RETURN min(cited.published) AS first
    }}
    SET r.sources_first = first, r.first_reported = coalesce(r.since, first)
    RETURN count(r) AS redated_ties
}}
RETURN redated_ties
"""


def upsert_entities(kind: EntityKind) -> str:
    """Merge entities of one kind; a corrected kind moves the node to its new label."""
    other_labels = "".join(f":{other.value}" for other in EntityKind if other is not kind)
    return f"""
UNWIND $rows AS row
MERGE (e:{ENTITY_LABEL} {{id: row.id}})
SET e = row
REMOVE e{other_labels}
SET e:{kind.value}
"""


def upsert_relationships(kind: RelationshipKind) -> str:
    """Merge relationships of one kind on their key. Evidence is kept as parallel lists (Neo4j
    properties hold no maps) and identified by (source, anchor) as in ``merge_evidence``: a
    record seen again replaces the old one where it stands, a new one is appended, so
    re-ingesting a file changes nothing and a second source adds evidence, in the same order as
    the embedded store keeps it. ``row.evidence_ids`` holds each new record's identity.

    ``first_reported`` (for as-of searches) is the tie's ``since``, else the earliest date a
    cited source was published: ``row.sources_first`` brings that date for the new evidence, and
    ``sources_first`` keeps the earliest over all the tie's evidence (which only ever grows)."""
    return f"""
UNWIND $rows AS row
MATCH (a:{ENTITY_LABEL} {{id: row.source}})
MATCH (b:{ENTITY_LABEL} {{id: row.target}})
MERGE (a)-[r:{kind.value} {{key: row.key}}]->(b)
SET r += row.props
WITH r, row,
     coalesce(r.evidence_sources, []) AS old_sources,
     coalesce(r.evidence_quotes, []) AS old_quotes,
     coalesce(r.evidence_locators, []) AS old_locators,
     coalesce(r.evidence_extracted_by, []) AS old_extracted_by
WITH r, row, old_sources, old_quotes, old_locators, old_extracted_by,
     range(0, size(row.evidence_sources) - 1) AS new_positions,
     [i IN range(0, size(old_sources) - 1) |
        old_sources[i] + $separator + CASE old_quotes[i] WHEN '' THEN old_locators[i] ELSE old_quotes[i] END
     ] AS old_ids
WITH r, row, old_sources, old_quotes, old_locators, old_extracted_by,
     [i IN range(0, size(old_ids) - 1) |
        [j IN new_positions WHERE row.evidence_ids[j] = old_ids[i]][0]] AS replaced_by,
     [j IN new_positions WHERE NOT row.evidence_ids[j] IN old_ids] AS added
SET r.evidence_sources = old_sources + [j IN added | row.evidence_sources[j]],
    r.evidence_quotes = [i IN range(0, size(old_sources) - 1) |
        coalesce(row.evidence_quotes[replaced_by[i]], old_quotes[i])]
        + [j IN added | row.evidence_quotes[j]],
    r.evidence_locators = [i IN range(0, size(old_sources) - 1) |
        coalesce(row.evidence_locators[replaced_by[i]], old_locators[i])]
        + [j IN added | row.evidence_locators[j]],
    r.evidence_extracted_by = [i IN range(0, size(old_sources) - 1) |
        coalesce(row.evidence_extracted_by[replaced_by[i]], old_extracted_by[i])]
        + [j IN added | row.evidence_extracted_by[j]]
SET r.sources_first = CASE WHEN r.sources_first IS NULL OR row.sources_first < r.sources_first
                           THEN row.sources_first ELSE r.sources_first END
SET r.first_reported = coalesce(r.since, r.sources_first)
RETURN count(r) AS written
"""


# One list, not a record per id: a large load checks tens of thousands of ids, and records
# cost the driver far more than list items.
EXISTING_ENTITY_IDS = f"MATCH (e:{ENTITY_LABEL}) WHERE e.id IN $ids RETURN collect(e.id) AS ids"
EXISTING_SOURCE_IDS = f"MATCH (s:{SOURCE_LABEL}) WHERE s.id IN $ids RETURN collect(s.id) AS ids"

LOOKUP_NAMES = f"""
UNWIND $names AS name
MATCH (e:{ENTITY_LABEL}) WHERE name IN e.names_norm
RETURN name, e.id AS id
"""

ENTITY_NAME_AND_KIND = f"MATCH (e:{ENTITY_LABEL} {{id: $id}}) RETURN e.name AS name, e.kind AS kind"
ENTITY_BY_ID = f"MATCH (e:{ENTITY_LABEL} {{id: $id}}) RETURN properties(e) AS props"
ALL_ENTITIES = f"MATCH (e:{ENTITY_LABEL}) RETURN properties(e) AS props ORDER BY e.id"
ALL_SOURCES = f"MATCH (s:{SOURCE_LABEL}) RETURN properties(s) AS props ORDER BY s.id"
TIE_SUMMARIES = f"""
MATCH (a:{ENTITY_LABEL})-[r]->(b:{ENTITY_LABEL})
RETURN r.key AS key, type(r) AS kind, a.id AS source, b.id AS target, r.status AS status,
       r.since AS since, r.until AS until, r.first_reported AS first_reported,
       r.evidence_sources AS cited
ORDER BY r.key
"""
ALL_RELATIONSHIPS = f"""
MATCH (a:{ENTITY_LABEL})-[r]->(b:{ENTITY_LABEL})
RETURN type(r) AS kind, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY r.key
"""

COUNT_ENTITIES_BY_KIND = f"MATCH (e:{ENTITY_LABEL}) RETURN e.kind AS kind, count(*) AS n ORDER BY kind"
COUNT_RELATIONSHIPS_BY_KIND = f"""
MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL})
RETURN type(r) AS kind, count(*) AS n,
       sum(CASE WHEN size(coalesce(r.evidence_sources, [])) = 0 THEN 1 ELSE 0 END) AS without_evidence,
       sum(size(coalesce(r.evidence_sources, []))) AS evidence
ORDER BY kind
"""
COUNT_SOURCES = f"MATCH (s:{SOURCE_LABEL}) RETURN count(s) AS n"

CLEAR_BATCH = f"""
MATCH (n) WHERE n:{ENTITY_LABEL} OR n:{SOURCE_LABEL}
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
"""


# -- reads for ingest reports and extraction ---------------------------------------------------

ENTITIES_BY_IDS = f"MATCH (e:{ENTITY_LABEL}) WHERE e.id IN $ids RETURN properties(e) AS props"
SOURCES_BY_IDS = f"MATCH (s:{SOURCE_LABEL}) WHERE s.id IN $ids RETURN properties(s) AS props"
ENTITY_NAMES = f"""
MATCH (e:{ENTITY_LABEL})
RETURN e.id AS id, e.kind AS kind, [e.name] + coalesce(e.aliases, []) AS names
ORDER BY e.id
"""
ENTITY_NAMES_BY_IDS = f"""
MATCH (e:{ENTITY_LABEL}) WHERE e.id IN $ids
RETURN e.id AS id, e.kind AS kind, [e.name] + coalesce(e.aliases, []) AS names
"""


def relationships_by_keys(kind: RelationshipKind) -> str:
    """Relationships of one kind by key: typed so the per-type key index answers it."""
    return f"""
UNWIND $keys AS key
MATCH (a:{ENTITY_LABEL})-[r:{kind.value} {{key: key}}]->(b:{ENTITY_LABEL})
RETURN type(r) AS kind, a.id AS source, b.id AS target, properties(r) AS props
"""


def ties_since(kind: RelationshipKind) -> str:
    """Ties of one kind first reported on or after ``$since``, newest first: typed, so only
    that type's relationships are scanned."""
    return f"""
MATCH (a:{ENTITY_LABEL})-[r:{kind.value}]->(b:{ENTITY_LABEL})
WHERE r.first_reported >= $since
RETURN type(r) AS kind, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY r.first_reported DESC, r.key DESC
LIMIT $limit
"""


def groups_lacking(ties: frozenset[RelationshipKind]) -> str:
    """Entities of ``$group_kind`` with no tie of ``ties`` into them from one of
    ``$member_kind``; the types come from the model's enum."""
    if not ties:
        return f"MATCH (g:{ENTITY_LABEL}) WHERE g.kind = $group_kind RETURN g.id AS id ORDER BY id"
    types = "|".join(sorted(kind.value for kind in ties))
    return f"""
MATCH (g:{ENTITY_LABEL}) WHERE g.kind = $group_kind
  AND NOT EXISTS {{ MATCH (m:{ENTITY_LABEL})-[:{types}]->(g) WHERE m.kind = $member_kind }}
RETURN g.id AS id ORDER BY id
"""


# The map and timeline of a large graph (GraphStore.place_counts, tie_months), counted by the
# server; the cell of a coordinate is floor(x * 10), as on the embedded store.
PLACE_COUNTS = f"""
MATCH (e:{ENTITY_LABEL})
RETURN e.kind AS kind, e.country AS country, e.region AS region,
       toInteger(floor(e.lat * 10)) AS cell_lat, toInteger(floor(e.lon * 10)) AS cell_lon,
       count(*) AS entities
"""
TIE_MONTHS = f"""
MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL})
RETURN substring(toString(r.first_reported), 0, 7) AS month, type(r) AS kind, r.status AS status,
       count(*) AS ties
"""


# The overview of a large graph (GraphStore.data_health), counted by the server.
NEWEST_TIES = f"""
MATCH (a:{ENTITY_LABEL})-[r]->(b:{ENTITY_LABEL})
RETURN type(r) AS kind, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY r.first_reported IS NULL, r.first_reported DESC, r.key DESC
LIMIT $limit
"""
ONE_SOURCE_COUNT = f"""
MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL})
WHERE size(coalesce(r.evidence_sources, [])) > 0
  AND all(cited IN r.evidence_sources WHERE cited = r.evidence_sources[0])
RETURN count(r) AS n
"""
UNCONNECTED_COUNT = f"""
MATCH (e:{ENTITY_LABEL}) WHERE NOT EXISTS {{ (e)--(:{ENTITY_LABEL}) }} RETURN count(e) AS n
"""
UNCONNECTED_NAMES = f"""
MATCH (e:{ENTITY_LABEL}) WHERE NOT EXISTS {{ (e)--(:{ENTITY_LABEL}) }}
RETURN e.name AS name ORDER BY e.name, e.id LIMIT $limit
"""
STATUS_COUNT = f"MATCH (e:{ENTITY_LABEL}) WHERE e.status = $status RETURN count(e) AS n"
STATUS_NAMES = f"""
MATCH (e:{ENTITY_LABEL}) WHERE e.status = $status RETURN e.name AS name ORDER BY e.name, e.id LIMIT $limit
"""
