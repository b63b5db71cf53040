"""Entities, relationships, evidence and sources as flat records: what table-shaped formats
(CSV, XLSX, GraphML and GEXF attributes) hold.

A relationship's evidence is kept twice: readable columns (``evidence_sources``,
``evidence_quotes``, one line per quote) for people and tools that filter, and
``evidence_json``, the exact list, for a reader that must get every quote back intact.

>>> from graph.model import Evidence, Relationship, RelationshipKind
>>> rel = Relationship(kind=RelationshipKind.FUNDS, source="msit", target="qcenter",
...                    evidence=[Evidence(source="s1", quote="MSIT funds it.")])
>>> relationship_record(rel, {})["evidence_sources"]
's1'
"""

from __future__ import annotations

import json
import re
from typing import Any

from graph.model import Entity, Evidence, Relationship, Source

Scalar = str | int | float | bool
LIST_SEPARATOR = "; "
QUOTE_SEPARATOR = "\n"

ENTITY_FIELDS = (
    "id",
    "kind",
    "name",
    "aliases",
    "status",
    "country",
    "region",
    "sectors",
    "description",
    "website",
    "lat",
    "lon",
    "attributes_json",
)
RELATIONSHIP_FIELDS = (
    "key",
    "kind",
    "source",
    "target",
    "source_name",
    "target_name",
    "symmetric",
    "since",
    "until",
    "status",
    "amount",
    "currency",
    "note",
    "evidence_count",
    "evidence_sources",
    "evidence_titles",
    "evidence_quotes",
    "evidence_json",
)
EVIDENCE_FIELDS = (
    "relationship_key",
    "kind",
    "source_entity",
    "target_entity",
    "evidence_source",
    "source_title",
    "source_url",
    "source_published",
    "quote",
    "locator",
    "extracted_by",
)
SOURCE_FIELDS = (
    "id",
    "title",
    "kind",
    "publisher",
    "author",
    "url",
    "published",
    "local_copy",
    "visibility",
)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 (and so XLSX) cannot hold replaced by U+FFFD.

    Such characters (a stray form feed or NUL pasted from a PDF) would make the whole file
    unreadable; every other character, newlines and tabs included, is kept.

    >>> xml_safe("a\\x0cb\\nc")
    'a\\ufffdb\\nc'
    """
    return _XML_ILLEGAL.sub("\ufffd", text)


def entity_record(entity: Entity) -> dict[str, Scalar]:
    """The entity's fields as scalars; lists joined with ``'; '``, absent values left out."""
    record: dict[str, Scalar | None] = {
        "id": entity.id,
        "kind": entity.kind.value,
        "name": entity.name,
        "aliases": LIST_SEPARATOR.join(entity.aliases) if entity.aliases else None,
        "status": entity.status.value,
        "country": entity.country,
        "region": entity.region,
        "sectors": LIST_SEPARATOR.join(entity.sectors) if entity.sectors else None,
        "description": entity.description,
        "website": entity.website,
        "lat": entity.lat,
        "lon": entity.lon,
        "attributes_json": (
            json.dumps(entity.attributes, ensure_ascii=False, sort_keys=True) if entity.attributes else None
        ),
    }
    return {key: value for key, value in record.items() if value is not None}


def evidence_json(evidence: list[Evidence], sources: dict[str, Source]) -> list[dict[str, Any]]:
    """The evidence as JSON-ready dicts, each with its source's title, address and date."""
    items = []
    for item in evidence:
        source = sources.get(item.source)
        items.append(
            {
                "source": item.source,
                "quote": item.quote,
                "locator": item.locator,
                "extracted_by": item.extracted_by,
                "title": source.title if source else None,
                "url": source.url if source else None,
                "published": source.published.isoformat() if source and source.published else None,
            }
        )
    return items


def relationship_record(
    relationship: Relationship, sources: dict[str, Source], names: dict[str, str] | None = None
) -> dict[str, Scalar]:
    """The relationship's fields and evidence as scalars, absent values left out."""
    names = names or {}
    evidence = relationship.evidence
    titles = [sources[e.source].title if e.source in sources else e.source for e in evidence]
    record: dict[str, Scalar | None] = {
        "key": relationship.key,
        "kind": relationship.kind.value,
        "source": relationship.source,
        "target": relationship.target,
        "source_name": names.get(relationship.source),
        "target_name": names.get(relationship.target),
        "symmetric": relationship.kind.symmetric,
        "since": relationship.since.isoformat() if relationship.since else None,
        "until": relationship.until.isoformat() if relationship.until else None,
        "status": relationship.status.value,
        "amount": relationship.amount,
        "currency": relationship.currency,
        "note": relationship.note,
        "evidence_count": len(evidence),
        "evidence_sources": LIST_SEPARATOR.join(dict.fromkeys(e.source for e in evidence)) or None,
        "evidence_titles": LIST_SEPARATOR.join(dict.fromkeys(titles)) or None,
        "evidence_quotes": QUOTE_SEPARATOR.join(e.quote for e in evidence if e.quote) or None,
        "evidence_json": json.dumps(evidence_json(evidence, sources), ensure_ascii=False),
    }
    return {key: value for key, value in record.items() if value is not None}


def evidence_records(relationship: Relationship, sources: dict[str, Source]) -> list[dict[str, Scalar]]:
    """One record per piece of evidence: the long table a spreadsheet filters by source."""
    rows = []
    for item in evidence_json(relationship.evidence, sources):
        record: dict[str, Scalar | None] = {
            "relationship_key": relationship.key,
            "kind": relationship.kind.value,
            "source_entity": relationship.source,
            "target_entity": relationship.target,
            "evidence_source": item["source"],
            "source_title": item["title"],
            "source_url": item["url"],
            "source_published": item["published"],
            "quote": item["quote"],
            "locator": item["locator"],
            "extracted_by": item["extracted_by"],
        }
        rows.append({key: value for key, value in record.items() if value is not None})
    return rows


def source_record(source: Source) -> dict[str, Scalar]:
    data = source.model_dump(mode="json")
    return {key: data[key] for key in SOURCE_FIELDS if data.get(key) is not None}
