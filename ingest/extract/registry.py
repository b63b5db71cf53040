"""The entities one article talks about, under the ids its proposal will use: the store's own ids
for entities it knows, and fresh slugs for the ones it proposes (named in the article, or
described by it, like "a joint research center in South Korea").

A proposed entity is only written to the proposal when a relationship uses it, or when the
article names it and its kind is clear (an organisation or a person in passing is still worth a
reviewer's look; a capitalised word of unknown kind is not).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.model import Entity, EntityKind, EntityStatus, normalise_name
from graph.store.base import EntityNames
from ingest.extract.base import ProposedEntity


@dataclass
class Known:
    """An entity the article refers to: the store's, or one this article proposes."""

    id: str
    kind: EntityKind | None
    name: str
    in_store: bool
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    status: EntityStatus = EntityStatus.PROPOSED
    confidence: float = 0.7
    rule: str = "name"
    named: bool = True  # False for an entity the article describes rather than names
    description: str | None = None
    mentions: list[str] = field(default_factory=list)


def slugify(text: str) -> str:
    """An id from a name: ASCII letters and digits joined by '-', e.g. 'Pasqal SAS' -> 'pasqal-sas'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    while len(slug) > 80 and "-" in slug:
        slug = slug.rsplit("-", 1)[0]  # whole words
    return slug[:80]


class Registry:
    def __init__(self, known: Sequence[EntityNames]) -> None:
        self._store = {entry.id: entry for entry in known}
        self.items: dict[str, Known] = {}
        self._used: set[str] = set()

    def store_entity(self, entity_id: str) -> Known:
        if entity_id not in self.items:
            entry = self._store[entity_id]
            self.items[entity_id] = Known(entity_id, entry.kind, entry.names[0], True, list(entry.names[1:]))
        return self.items[entity_id]

    def propose(
        self,
        name: str,
        kind: EntityKind | None,
        *,
        rule: str,
        confidence: float,
        named: bool = True,
        preferred_id: str | None = None,
        **fields: Any,
    ) -> Known:
        """A new entity, or the one this article already proposed under the same name, or (for
        what the article describes) the store's entity of that kind with exactly that name: a
        joint research center proposed before and accepted is not proposed again."""
        for item in self.items.values():
            if not item.in_store and item.name.casefold() == name.casefold():
                return item
        if not named:
            wanted = normalise_name(name)
            for entry in self._store.values():
                if entry.kind is kind and any(normalise_name(n) == wanted for n in entry.names):
                    return self.store_entity(entry.id)
        base = preferred_id or slugify(name) or "entity"
        entity_id = base
        number = 2
        while entity_id in self._store or entity_id in self.items:
            entity_id = f"{base}-{number}"
            number += 1
        item = Known(entity_id, kind, name, False, rule=rule, confidence=confidence, named=named)
        for key, value in fields.items():
            setattr(item, key, value)
        self.items[entity_id] = item
        return item

    def find_named(self, kind: EntityKind, words: list[str], *, country: str | None = None) -> str | None:
        """The one entity of ``kind`` (the article's first, else the store's) whose name holds
        every word: how "Science Minister" finds the Ministry of Science and ICT."""
        wanted = [word.lower() for word in words]

        def holds(name: str) -> bool:
            tokens = re.findall(r"[a-z0-9]+", name.lower())
            return all(word in tokens for word in wanted)

        in_article = {i.id for i in self.items.values() if i.kind is kind and holds(i.name)}
        if len(in_article) > 1 and country is not None:
            in_article = {i for i in in_article if self.items[i].country == country}
        if len(in_article) == 1:
            return next(iter(in_article))
        if in_article:
            return None
        in_store = {e.id for e in self._store.values() if e.kind is kind and any(holds(n) for n in e.names)}
        return next(iter(in_store)) if len(in_store) == 1 else None

    def get(self, entity_id: str) -> Known:
        return self.items[entity_id]

    def use(self, entity_id: str) -> None:
        self._used.add(entity_id)

    def proposals(self) -> list[ProposedEntity]:
        """The new entities worth a reviewer's look: those a relationship uses, and named
        organisations and people whose kind the article makes clear."""
        found: list[ProposedEntity] = []
        for item in self.items.values():
            if item.in_store:
                continue
            used = item.id in self._used
            if not used and (item.kind in {None, EntityKind.PLACE} or not item.named):
                continue
            kind = item.kind or EntityKind.COMPANY
            confidence = item.confidence if item.kind else min(item.confidence, 0.5)
            entity = Entity(
                id=item.id,
                kind=kind,
                name=item.name,
                aliases=[a for a in dict.fromkeys(item.aliases) if a != item.name],
                status=item.status,
                country=item.country,
                description=item.description,
            )
            rule = item.rule if item.kind else f"{item.rule} (kind unknown; taken for a company)"
            mentions = list(dict.fromkeys(item.mentions))
            found.append(ProposedEntity(entity, round(confidence, 2), rule, mentions, named=item.named))
        return found

    def matched(self) -> dict[str, str]:
        return {item.id: (item.mentions or [item.name])[0] for item in self.items.values() if item.in_store}

    def ids(self) -> Iterable[str]:
        return self.items
