"""Finding known names in text: the store's entities (names and aliases, Korean included), the
places the extractor knows, and the names found earlier in the same article, matched with
spaCy's PhraseMatcher.

Names are matched without regard to case, except short all-capital names ("US", "KT", "MSIT"),
which must match exactly so that "us" or "kt" in running text is not mistaken for them.

>>> from ingest.extract.nlp import pipeline
>>> gazetteer = Gazetteer(pipeline())
>>> gazetteer.add("ionq", EntityKind.COMPANY, ["IonQ", "아이온큐"], "store")
>>> [(e.key, e.kind.value) for _, _, e in gazetteer.find(pipeline()("아이온큐 and the US signed."))]
[('ionq', 'Company'), ('place:united-states', 'Place')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from graph.model import EntityKind, normalise_name
from ingest.extract.places import PLACES, Place

_EXACT = re.compile(r"^[^a-z]{1,6}$")  # short names without lower case: matched case and all
_PRIORITY = {"store": 0, "article": 1, "place": 2}


@dataclass(frozen=True)
class Entry:
    """Something a name can stand for: a store entity, a place, or a name found in the article."""

    key: str
    kind: EntityKind
    name: str
    origin: str  # "store", "place" or "article"
    place: Place | None = None
    demonym: bool = False  # matched by an adjective ("French"): where something is, not a party


class Gazetteer:
    def __init__(self, nlp: Language, *, places: Iterable[Place] = PLACES) -> None:
        self._nlp = nlp
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._entries: dict[str, list[Entry]] = {}  # match label -> entries (several when names clash)
        self._by_name: dict[str, list[Entry]] = {}
        self._places = list(places)

    def add_places(self) -> None:
        """Add the known places not already named by an entry (a store's own place wins)."""
        for place in self._places:
            names = [place.name, *place.aliases]
            held = next((self.lookup(name) for name in names if self.lookup(name) is not None), None)
            if held is not None:
                if held.origin == "store" and place.demonyms:  # "Korean" is the store's South Korea
                    self._add(
                        Entry(held.key, EntityKind.PLACE, held.name, "store", place, demonym=True),
                        place.demonyms,
                    )
                continue
            if any(normalise_name(name) in self._by_name for name in names):
                continue
            key = "place:" + re.sub(r"[^a-z0-9]+", "-", place.name.lower()).strip("-")
            self._add(Entry(key, EntityKind.PLACE, place.name, "place", place), names)
            if place.demonyms:
                self._add(
                    Entry(key, EntityKind.PLACE, place.name, "place", place, demonym=True), place.demonyms
                )

    def add(self, key: str, kind: EntityKind, names: Iterable[str], origin: str) -> None:
        self._add(Entry(key, kind, next(iter(names), key), origin), names)

    def alias(self, entry: Entry, names: Iterable[str]) -> None:
        """More names for an existing entry ("Daejeon Metropolitan City" for Daejeon)."""
        self._add(entry, names)

    def _add(self, entry: Entry, names: Iterable[str]) -> None:
        label = f"{entry.origin}:{entry.key}:{entry.demonym}"
        fresh = label not in self._entries
        self._entries.setdefault(label, []).append(entry)
        for name in dict.fromkeys(name.strip() for name in names if name and name.strip()):
            key = normalise_name(name)
            if entry not in self._by_name.setdefault(key, []):
                self._by_name[key].append(entry)
            pattern = self._nlp.make_doc(name)
            (self._exact if _EXACT.match(name) else self._lower).add(label, [pattern])
        if not fresh:
            self._entries[label] = self._entries[label][:1]

    def lookup(self, name: str) -> Entry | None:
        """The one entry a name stands for, or None if it names none or several."""
        entries = self._by_name.get(normalise_name(name), [])
        return _best(entries)

    def knows(self, name: str) -> bool:
        return normalise_name(name) in self._by_name

    def find(self, doc: Doc) -> list[tuple[int, int, Entry]]:
        """Non-overlapping matches in ``doc`` (the longest wins), in order of position."""
        found: dict[tuple[int, int], list[Entry]] = {}
        for matcher in (self._lower, self._exact):
            for label, start, end in matcher(doc):
                found.setdefault((start, end), []).extend(self._entries[doc.vocab.strings[label]])
        spans = filter_spans([doc[start:end] for start, end in found])
        result: list[tuple[int, int, Entry]] = []
        for span in sorted(spans, key=lambda s: s.start):
            entry = _best(found[(span.start, span.end)])
            if entry is not None:
                result.append((span.start, span.end, entry))
        return result


def _best(entries: list[Entry]) -> Entry | None:
    """The entry a name stands for: a store entity over an article name over a known place; two
    different store entities with one name are ambiguous, and the name is left unlinked."""
    if not entries:
        return None
    ranked = sorted(entries, key=lambda e: _PRIORITY[e.origin])
    first = ranked[0]
    rivals = {e.key for e in ranked if e.origin == first.origin}
    return first if len(rivals) == 1 else None
