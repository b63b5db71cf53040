"""Extracting one article against a store: the store's names go in, a proposal comes out.

The store is only read. It gives the extractor every entity's names (so "삼성전자" or "MSIT" is
the entity the store already has, not a new one), and tells which proposed relationships it
already holds: a tie the store has without a date, which the article also gives no date for,
keeps no date, so accepting it adds the article's evidence to the tie instead of a second,
dated copy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from graph.model import Relationship, Source, SourceKind, relationship_key
from graph.store.base import GraphStore
from ingest.extract import proposal as proposals
from ingest.extract.article import read_article
from ingest.extract.base import Extractor, ProposedRelationship
from ingest.extract.registry import slugify


def default_extractor() -> Extractor:
    from ingest.extract.rules import RuleExtractor

    return RuleExtractor()


def extract_article(
    store: GraphStore,
    path: Path,
    *,
    extractor: Extractor | None = None,
    title: str | None = None,
    published: date | None = None,
    source_kind: SourceKind = SourceKind.NEWS,
) -> proposals.Proposal:
    """Read the article at ``path`` and propose what it says, matched against ``store``."""
    extractor = extractor or default_extractor()
    article = read_article(path, title=title, published=published)
    known = list(store.entity_names())
    source = _source(store, article.title, article.published, article.author, article.url, path, source_kind)
    extraction = extractor.extract(article, known, source.id)
    held = _settle_against_store(store, extraction.relationships)
    how = "given" if article.date_given else ("page" if article.published else "unknown")
    result = proposals.build(
        extraction,
        source,
        extractor=f"{extractor.name} {extractor.version}",
        article=str(path),
        store=store.uri,
        published=how,
        known_names={entry.id: (entry.kind, entry.names) for entry in known},
    )
    for item in result.meta.items:
        if item.relationship is not None:
            item.in_store = result.dataset.relationships[item.relationship].key in held
    return result


def _source(
    store: GraphStore,
    title: str,
    published: date | None,
    author: str | None,
    url: str | None,
    path: Path,
    kind: SourceKind,
) -> Source:
    """The article as a source. Its id comes from its date and title; extracting the same
    article again gives the same id, and a different article that would clash gets a suffix."""
    words = slugify(title).split("-")[:8]
    base = "-".join(["article", published.isoformat() if published else "undated", *words]).strip("-")
    candidate = base
    number = 2
    while True:
        existing = store.sources_by_ids([candidate]).get(candidate)
        if existing is None or (existing.title == title and existing.local_copy == str(path)):
            break
        candidate = f"{base}-{number}"
        number += 1
    return Source(
        id=candidate,
        title=title,
        kind=kind,
        author=author,
        url=url,
        published=published,
        local_copy=str(path),
    )


def _settle_against_store(store: GraphStore, proposed: list[ProposedRelationship]) -> set[str]:
    """Give an article-dated tie the store holds undated no date; return the keys it holds."""
    keys: list[str] = []
    for item in proposed:
        rel = item.relationship
        keys += [rel.key, relationship_key(rel.kind, rel.source, rel.target, None)]
    held = store.relationships_by_keys(keys)
    for item in proposed:
        rel = item.relationship
        undated = relationship_key(rel.kind, rel.source, rel.target, None)
        if item.since_from == "article" and undated in held:
            item.relationship = Relationship.model_validate(
                {**rel.model_dump(), "since": None, "note": "the store holds this tie without a date"}
            )
            item.since_from = "store"
    return set(held)
