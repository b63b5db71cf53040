"""The extractor interface: an article and the names the store knows go in, proposed entities and
relationships come out, each with the confidence and the rule (or model) behind it.

The rule-based extractor (:mod:`ingest.extract.rules`) is one implementation; a statistical or
language-model extractor plugs in by implementing :class:`Extractor` and nothing else, since
everything downstream (proposal files, review, scoring) reads only an :class:`Extraction`.

>>> class Nothing:
...     name, version = "nothing", "1"
...     def extract(self, article, known, source_id):
...         return Extraction(entities=[], relationships=[], matched={})
>>> isinstance(Nothing(), Extractor)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from graph.model import Entity, Relationship
from graph.store.base import EntityNames
from ingest.extract.article import Article


@dataclass
class ProposedEntity:
    """A new entity the article names (``status: proposed``), or describes (a joint laboratory)."""

    entity: Entity
    confidence: float
    rule: str
    mentions: list[str] = field(default_factory=list)
    named: bool = True  # False for what the article describes but does not name


@dataclass
class ProposedRelationship:
    """A relationship the article states. Its ends are entity ids: the store's, or a proposed
    entity's. Its evidence cites the article's source with the sentence(s) it rests on;
    ``since_from`` says where ``since`` came from: ``sentence``, ``article`` (the article's
    date, the sentence giving none) or ``none``."""

    relationship: Relationship
    confidence: float
    rule: str
    since_from: str = "none"


@dataclass
class Extraction:
    entities: list[ProposedEntity]
    relationships: list[ProposedRelationship]
    matched: dict[str, str]  # store entity id -> the first name the article calls it by


@runtime_checkable
class Extractor(Protocol):
    """Turns one article into proposals. ``known`` are the store's entities (id, kind, names):
    mentions of them must come back as their ids, never as new entities.

    The evidence of every relationship must name ``source_id`` and quote the article's own words.
    """

    name: str
    version: str

    def extract(self, article: Article, known: Sequence[EntityNames], source_id: str) -> Extraction: ...
