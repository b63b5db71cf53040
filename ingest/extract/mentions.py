"""Who each sentence talks about: names from the gazetteer, "Seoul-based" modifiers, and the
definite descriptions news uses for something it has named before ("the ministry", "the
company", "the two companies"). (Pronouns are read by :class:`ingest.extract.sentence.Sentence`,
which knows who said what.)

A description is linked to the latest entity of its kind that the article has mentioned (for
"the ministry", the latest whose name says ministry); with none, it is left unlinked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span

from graph.model import EntityKind
from ingest.extract.gazetteer import Entry, Gazetteer
from ingest.extract.lexicon import (
    DESCRIPTOR_KINDS,
    GROUP_NOUNS,
    LEGAL_FORMS,
    PLACE_MODIFIER_SUFFIXES,
    PREPOSITIONS,
)
from ingest.extract.registry import Registry, slugify
from ingest.extract.sentence import Mention

ORGANISATIONS = frozenset(
    {
        EntityKind.COMPANY,
        EntityKind.GOVERNMENT_BODY,
        EntityKind.RESEARCH_INSTITUTE,
        EntityKind.UNIVERSITY,
        EntityKind.CONSORTIUM,
    }
)
# What an article says is set up, launched or opened: the kinds "the centre", "it" and "the
# programme" refer back to once it is.
SET_UP_KINDS = frozenset(
    {EntityKind.CLUSTER, EntityKind.RESEARCH_INSTITUTE, EntityKind.CONSORTIUM, EntityKind.PROGRAMME}
)
# An organisation the article names without saying what it is, is most likely a company.
_COMPANY_LIKE: frozenset[EntityKind | None] = frozenset({EntityKind.COMPANY, None})
# "the <word>" -> (kinds it can refer to, a word the antecedent's name must contain, or None)
DESCRIPTIONS: dict[str, tuple[frozenset[EntityKind | None], str | None]] = {
    "ministry": (frozenset({EntityKind.GOVERNMENT_BODY}), "ministry"),
    "agency": (frozenset({EntityKind.GOVERNMENT_BODY}), None),
    "company": (_COMPANY_LIKE, None),
    "firm": (_COMPANY_LIKE, None),
    "startup": (_COMPANY_LIKE, None),
    "carrier": (frozenset({EntityKind.COMPANY}), None),
    "chipmaker": (frozenset({EntityKind.COMPANY}), None),
    "developer": (_COMPANY_LIKE, None),
    "university": (frozenset({EntityKind.UNIVERSITY}), None),
    "school": (frozenset({EntityKind.UNIVERSITY}), "school"),  # "the school" it opened, not the university
    "institute": (frozenset({EntityKind.RESEARCH_INSTITUTE, EntityKind.UNIVERSITY}), None),
    "alliance": (frozenset({EntityKind.CONSORTIUM}), None),
    "consortium": (frozenset({EntityKind.CONSORTIUM}), None),
    "forum": (frozenset({EntityKind.CONSORTIUM}), "forum"),
    "council": (frozenset({EntityKind.CONSORTIUM, EntityKind.GOVERNMENT_BODY}), "council"),
    "network": (frozenset({EntityKind.CONSORTIUM, EntityKind.PROGRAMME}), "network"),
    "trial": (frozenset({EntityKind.PROGRAMME}), "trial"),
    "pilot": (frozenset({EntityKind.PROGRAMME, EntityKind.CONSORTIUM}), "pilot"),
    "city": (frozenset({EntityKind.PLACE}), None),
    "government": (frozenset({EntityKind.PLACE}), None),  # only a local one: see _LOCAL_GOVERNMENT
    "lab": (frozenset({EntityKind.RESEARCH_INSTITUTE}), None),
    "laboratory": (frozenset({EntityKind.RESEARCH_INSTITUTE}), None),
    "facility": (frozenset({EntityKind.RESEARCH_INSTITUTE, EntityKind.CLUSTER}), None),
    "center": (frozenset({EntityKind.RESEARCH_INSTITUTE}), None),
    "centre": (frozenset({EntityKind.RESEARCH_INSTITUTE}), None),
    "complex": (frozenset({EntityKind.CLUSTER}), None),
    "park": (frozenset({EntityKind.CLUSTER}), "park"),  # "the park": the science park, never a person
    "cluster": (frozenset({EntityKind.CLUSTER}), None),
    "plan": (frozenset({EntityKind.PROGRAMME}), None),
    "strategy": (frozenset({EntityKind.PROGRAMME}), None),
    "roadmap": (frozenset({EntityKind.PROGRAMME}), None),
    "programme": (frozenset({EntityKind.PROGRAMME}), None),
    "program": (frozenset({EntityKind.PROGRAMME}), None),
    "initiative": (frozenset({EntityKind.PROGRAMME}), None),
    "blueprint": (frozenset({EntityKind.PROGRAMME}), None),
    "scheme": (frozenset({EntityKind.PROGRAMME}), None),
    "flagship": (frozenset({EntityKind.PROGRAMME}), "flagship"),  # "the flagship": the flagship project
    "province": (frozenset({EntityKind.PLACE, EntityKind.GOVERNMENT_BODY}), None),
    "subsidiary": (frozenset({EntityKind.COMPANY}), None),
    "unit": (frozenset({EntityKind.COMPANY}), None),
    "plant": (frozenset({EntityKind.COMPANY}), None),
    "factory": (frozenset({EntityKind.COMPANY}), None),
    "operator": (frozenset({EntityKind.COMPANY}), None),
    "maker": (_COMPANY_LIKE, None),
    "institution": (frozenset({EntityKind.RESEARCH_INSTITUTE, EntityKind.UNIVERSITY}), None),
    "testbed": (frozenset({EntityKind.RESEARCH_INSTITUTE, EntityKind.CLUSTER}), None),
    "hub": (frozenset({EntityKind.RESEARCH_INSTITUTE, EntityKind.CLUSTER}), None),
    "project": (
        frozenset(
            {EntityKind.RESEARCH_INSTITUTE, EntityKind.CLUSTER, EntityKind.PROGRAMME, EntityKind.CONSORTIUM}
        ),
        None,
    ),
    "fund": (frozenset({EntityKind.PROGRAMME, EntityKind.COMPANY, None}), "fund"),
    "academy": (frozenset({EntityKind.PROGRAMME, EntityKind.RESEARCH_INSTITUTE}), "academy"),
}
# a description whose word, when some name holds it, picks that name first ("the province" is
# North Gyeongsang Province rather than the city named after it)
_PREFERRED_WORD = frozenset(
    {"province", "city", "agency", "institute", "university", "alliance", "consortium"}
)
FACILITIES = frozenset(
    {
        "facility",
        "lab",
        "laboratory",
        "center",
        "centre",
        "complex",
        "cluster",
        "hub",
        "testbed",
        "project",
        "plant",
        "factory",
        "school",
        "fund",
        "academy",
    }
)
# what "the two sides" can be: organisations, and those the article does not say the kind of
_PAIR_KINDS: frozenset[EntityKind | None] = ORGANISATIONS | {None}
# the last word of a facility's name, that "the facility" can refer back to
_FACILITY_HEADS = frozenset({"centre", "lab", "laboratory", "testbed", "hub", "facility", "foundry", "park"})
_GROUP_SIZES = {"three": 3, "four": 4, "five": 5}
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNTED = frozenset(
    {
        "organisations",
        "organizations",
        "companies",
        "firms",
        "institutions",
        "institutes",
        "universities",
        "groups",
    }
)
# what follows "the three" when it stands alone for the parties just named: "The three will ..."
_GROUP_VERBS = frozenset(
    ["will", "would", "have", "had", "are", "were", "also", "plan", "agreed", "jointly", "signed", "said"]
)
_PAIR_VERBS = frozenset(
    {"signed", "will", "have", "had", "agreed", "also", "said", "are", "were", "would", "began", "started"}
)
PAIRS = frozenset(
    [
        "companies",
        "firms",
        "sides",
        "partners",
        "organisations",
        "organizations",
        "institutions",
        "carriers",
        "operators",
    ]
)


_SPELLINGS = re.compile(r"\b(cent)er(s?)\b|\b(program)(s?)\b")


def _one_spelling(text: str) -> str:
    """ "the centre" is the Quantum Materials Research Center: one spelling of the words that
    descriptions refer back with, whichever the writer or the name uses."""
    return _SPELLINGS.sub(lambda m: f"centre{m.group(2)}" if m.group(1) else f"programme{m.group(4)}", text)


@dataclass
class History:
    """Entities in the order the article mentions them, for descriptions to refer back to."""

    seen: list[tuple[str, EntityKind | None, str]] = field(default_factory=list)  # (id, kind, name)
    named: dict[str, int] = field(default_factory=dict)  # how often each was named by its name

    def add(self, mention: Mention, name: str) -> None:
        if not mention.modifier:
            self.seen.append((mention.id, mention.kind, name))
            if mention.via != "anaphora":
                self.named[mention.id] = self.named.get(mention.id, 0) + 1

    def latest(
        self, kinds: frozenset[EntityKind | None], word: str | None, exclude: set[str], *also: str
    ) -> str | None:
        """The latest entity of ``kinds`` whose name holds ``word`` and every word of ``also``; one
        whose name ends with ``word`` first ("the network" is the Seoul Metro Entanglement Network,
        not the Quantum Network Testbed Programme named since)."""
        words = [_one_spelling(w) for w in (word, *also) if w is not None]
        if word is not None and not also:
            for entity_id, kind, name in reversed(self.seen):
                ends = _one_spelling(name.lower()).endswith(words[0])
                if kind in kinds and ends and entity_id not in exclude:
                    return entity_id
        for entity_id, kind, name in reversed(self.seen):
            lowered = _one_spelling(name.lower())
            if kind in kinds and all(w in lowered for w in words) and entity_id not in exclude:
                return entity_id
        return None

    def latest_facility(self, kinds: frozenset[EntityKind | None], exclude: set[str]) -> str | None:
        """The latest entity of ``kinds`` whose name ends in a facility's noun: "the facility" is
        the Quantum Sensing Testbed, not the institute named since."""
        for entity_id, kind, name in reversed(self.seen):
            last = _one_spelling(name.lower()).rsplit(" ", 1)[-1]
            if kind in kinds and last in _FACILITY_HEADS and entity_id not in exclude:
                return entity_id
        return None

    def unit_of(self, parent: str, exclude: set[str]) -> str | None:
        """The latest company named after ``parent`` ("SBQuantum Korea" after SBQuantum): "the
        unit" right after its parent was named is the unit, not the parent."""
        prefix = next((name.lower() for entity_id, _, name in self.seen if entity_id == parent), None)
        if prefix is None:
            return None
        for entity_id, kind, name in reversed(self.seen):
            named_after = name.lower().startswith(f"{prefix} ")
            if named_after and kind in {EntityKind.COMPANY, None} and entity_id not in exclude:
                return entity_id
        return None

    def most_named(self, kinds: frozenset[EntityKind | None], word: str, exclude: set[str]) -> str | None:
        """The entity of ``kinds`` whose name holds ``word`` that the article has named (by name,
        not by a description) most often so far; of those named as often, the first named (the
        one the article opened with)."""
        in_order: list[str] = []
        for entity_id, kind, name in self.seen:
            fits = kind in kinds and word in name.lower() and entity_id not in exclude
            if fits and entity_id not in in_order and self.named.get(entity_id):
                in_order.append(entity_id)
        return max(in_order, key=lambda e: self.named[e]) if in_order else None

    def latest_two(
        self, *, companies: bool = False, exclude: set[str] | None = None, count: int = 2
    ) -> list[str]:
        kinds = {EntityKind.COMPANY, None} if companies else ORGANISATIONS | {None}
        found: list[str] = []
        for entity_id, kind, _ in reversed(self.seen):
            if kind in kinds and entity_id not in found and entity_id not in (exclude or set()):
                found.append(entity_id)
            if len(found) == count:
                return found
        return []


class MentionFinder:
    def __init__(self, gazetteer: Gazetteer, registry: Registry) -> None:
        self.gazetteer = gazetteer
        self.registry = registry
        self.history = History()
        self.countries: set[str] = set()
        self.regions: set[str] = set()
        self._last_span: dict[str, int] = {}  # entity -> last token of its latest mention
        self.topics: list[str] = []  # the first organisation each paragraph names
        self.described_in: dict[str, set[str]] = {}  # "French startup Quandela": quandela -> {france}
        self.city_governments: set[str] = set()  # of those, cities: "Incheon Metropolitan City Government"
        # places named as their government: "Gyeonggi Provincial Government"
        self.governments: set[str] = set()
        self._topic_set = False
        # the parties of the latest agreement or partnership, and how many sentences ago it was
        # stated: "the two companies" after "A and B announced a partnership" are A and B, even
        # when a sentence in between named a third ("B, the unit of C")
        self.last_pair: tuple[str, str] | None = None
        self.pair_age = 0

    def stated_pair(self, pair: tuple[str, str] | None) -> None:
        """Called after each sentence with the pair of parties it tied, if any."""
        if pair is not None:
            self.last_pair, self.pair_age = pair, 0
        else:
            self.pair_age += 1

    def names(self, doc: Doc) -> list[Mention]:
        """The names in one paragraph, in order (descriptions come per sentence, see
        :meth:`sentence`, so that they can refer to what the rules made of the sentence before)."""
        self._topic_set = False
        self._last_span = {}  # token offsets count from each paragraph's start: not comparable across
        mentions = [
            self._from_entry(start, end, entry, doc) for start, end, entry in self.gazetteer.find(doc)
        ]
        based = self._based(doc, mentions)
        # a name that holds the hyphenated word is the longer reading: "the Korea-US Hybrid
        # Quantum Computing Programme" is a programme, not Korea and the US
        pairs = [b for b in based if b.via == "name"]  # "Korea-US": two places in one word
        longer = [m for m in mentions if any(m.start <= b.start and b.end < m.end for b in pairs)]
        based = [
            b for b in based if not (b in pairs and any(m.start <= b.start and b.end < m.end for m in longer))
        ]
        covered = {i for m in based for i in range(m.start, m.end)}
        mentions = [m for m in mentions if not covered & set(range(m.start, m.end))] + based
        mentions.sort(key=lambda m: m.start)
        for mention, following in zip(mentions, [*mentions[1:], None][: len(mentions)], strict=True):
            legal_form = mention.end < len(doc) and doc[mention.end].lower_ in LEGAL_FORMS
            if legal_form and (following is None or following.start > mention.end):
                mention.end += 1  # "SK hynix Inc. and Quantum Motion": the form is part of the name
            _take_city_of(doc, mention)
            if mention.kind is None and mention.end < len(doc) and doc[mention.end].lower_ in _PRODUCT_NOUNS:
                mention.modifier = True  # "IBM's Heron processors": a product's name, not a party
            if _owner_before_noun(doc, mention):
                mention.modifier = True  # "a Hanwha Group company", "the United Nations agency"
            if mention.kind is EntityKind.PLACE and following is not None and following.start == mention.end:
                # "the US Department", "the U.S. National Science Foundation"
                mention.modifier = mention.modifier or following.kind in ORGANISATIONS | {None}
        return _merge_acronyms(doc, mentions)

    def sentence(self, sentence: Span, names: list[Mention]) -> list[Mention]:
        """The mentions of one sentence: its names, and its descriptions resolved."""
        inside = [m for m in names if sentence.start <= m.start < sentence.end]
        found = self._with_descriptions(sentence, inside)
        self._note_places(sentence, found)
        if sentence.start == sentence.doc[0].i or not self._topic_set:
            lead = next(  # "The round was led by Stonebridge": the paragraph is not about Stonebridge
                (
                    m
                    for m in found
                    if not m.modifier
                    and m.kind in ORGANISATIONS | {None}
                    and not (m.start > sentence.start and sentence.doc[m.start - 1].lower_ in PREPOSITIONS)
                ),
                None,
            )
            if lead is not None:
                self.topics.append(lead.id)
            # a paragraph that opens with others acting on its subject keeps the topic before
            self._topic_set = lead is not None or any(m.kind in ORGANISATIONS for m in found)
        return found

    def _note_places(self, sentence: Span, found: list[Mention]) -> None:
        """Remember the place an organisation's name is introduced with ("French startup
        Quandela", "US-based quantum computing company IonQ": the words between end with a word
        for a kind of organisation), so that "the French company" later is Quandela, not
        whichever company was named last."""
        doc = sentence.doc
        for place, named in pairwise(found):
            if not place.modifier or place.kind is not EntityKind.PLACE or named.modifier:
                continue
            between = doc[place.end : named.start]
            described = 0 < len(between) <= 4 and between[-1].lower_ in DESCRIPTOR_KINDS
            if described and all(t.is_lower and t.is_alpha and not t.is_stop for t in between):
                self.described_in.setdefault(named.id, set()).add(self.registry.get(place.id).name.casefold())

    def _described_place(self, doc: Doc, start: int, head: int) -> str | None:
        """The name of the place a description's words name ("the French company", "the
        Paris-based firm"), looked up without registering the place as mentioned."""
        for k in range(start, head):
            text = doc[k].text
            suffix = next((x for x in PLACE_MODIFIER_SUFFIXES if text.lower().endswith(x)), None)
            entry = self.gazetteer.lookup(text[: -len(suffix)] if suffix else text)
            if entry is not None and entry.kind is EntityKind.PLACE:
                return (entry.place.name if entry.place is not None else entry.name).casefold()
        return None

    def _from_entry(self, start: int, end: int, entry: Entry, doc: Doc) -> Mention:
        text = doc[start:end].text
        if entry.origin == "store":
            known = self.registry.store_entity(entry.key)
        elif entry.origin == "place" and entry.place is not None:
            place = entry.place
            known = self.registry.propose(
                place.name,
                EntityKind.PLACE,
                rule="known place",
                confidence=0.9,
                preferred_id=slugify(place.name),
                country=place.country,
                aliases=list(place.aliases),
            )
            if place.is_country:
                self.countries.add(known.id)
            elif place.country is None:
                self.regions.add(known.id)  # "Asia", "Europe": never "the city"
        else:
            known = self.registry.get(entry.key)
        if not entry.demonym:
            known.mentions.append(text)
        modifier = entry.demonym or (entry.kind is EntityKind.PLACE and _attributive(doc, end))
        return Mention(start, end, known.id, known.kind, "name", modifier=modifier)

    def _based(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Places inside one hyphenated word: "Seoul-based", "Palo Alto-based" (the name's first
        words before it), "US-UK" (two places): each says where the next name is."""
        found: list[Mention] = []
        for token in doc:
            if "-" not in token.text or self.gazetteer.lookup(token.text) is not None:
                continue
            lowered = token.lower_
            suffix = next((s for s in PLACE_MODIFIER_SUFFIXES if lowered.endswith(s)), None)
            if suffix is not None:
                city = self._city_before_region(doc, token.i, mentions)
                if city is not None:  # "the Sherbrooke, Quebec-based developer": Sherbrooke
                    found.append(city)
                    continue
                stem = token.text[: -len(suffix)]
                for first in range(token.i, max(token.i - 3, -1), -1):
                    name = " ".join([*(t.text for t in doc[first : token.i]), stem])
                    entry = self.gazetteer.lookup(name)
                    if entry is not None and entry.kind is EntityKind.PLACE:
                        found.append(self._modifier(first, token.i + 1, entry, doc, "based"))
                        break
                continue
            parts = [self.gazetteer.lookup(part) for part in token.text.split("-")]
            if len(parts) > 1 and all(p is not None and p.kind is EntityKind.PLACE for p in parts):
                found += [
                    self._modifier(token.i, token.i + 1, p, doc, "name") for p in parts if p is not None
                ]
        return found

    def _modifier(self, start: int, end: int, entry: Entry, doc: Doc, via: str) -> Mention:
        mention = self._from_entry(start, end, entry, doc)
        mention.via, mention.modifier = via, True
        return mention

    def _city_before_region(self, doc: Doc, index: int, mentions: list[Mention]) -> Mention | None:
        """The city in "Sherbrooke, Quebec-based" (``index`` at the hyphenated word): a place
        named right before the comma, which the region after it only places further."""
        if index < 2 or doc[index - 1].text != ",":
            return None
        city = next((m for m in mentions if m.end == index - 1 and m.kind is EntityKind.PLACE), None)
        entry = self.gazetteer.lookup(doc[city.start : city.end].text) if city is not None else None
        if city is None or entry is None or entry.kind is not EntityKind.PLACE:
            return None
        return self._modifier(city.start, index + 1, entry, doc, "based")

    def _with_descriptions(self, sentence: Span, mentions: list[Mention]) -> list[Mention]:
        doc = sentence.doc
        result: list[Mention] = []
        pending = list(mentions)
        for i in range(sentence.start, sentence.end):
            while pending and pending[0].start == i:
                mention = pending.pop(0)
                result.append(mention)
                if mention.kind is EntityKind.PLACE and doc[mention.end - 1].lower_ == "government":
                    self.governments.add(mention.id)
                    if any(t.lower_ == "city" for t in doc[mention.start : mention.end]):
                        self.city_governments.add(mention.id)
                self.history.add(mention, self.registry.get(mention.id).name)
                self._last_span[mention.id] = mention.end - 1
            if any(m.start <= i < m.end and m.via != "based" for m in result):
                continue
            if any(m.start == i + 1 and not m.modifier for m in pending):
                continue  # "the Agency for Defense Development": the article of a name
            listed = self._listed_after_colon(doc, i, sentence, pending) if not result else None
            if listed is not None:  # "Five organisations launched the forum ...: A, B, C, D and E"
                result.append(listed)
                continue
            described = self._description(doc, i, sentence)
            if described is not None and _names_it_next(doc, described, pending, sentence):
                continue  # "The new company, Diraq Korea, will ...": the name says who
            if described is not None:
                result.append(described)
                self.history.add(described, self.registry.get(described.id).name)
                self._last_span[described.id] = described.end - 1
        return result

    def _pair(self, sentence: Span, start: int, end: int, noun: str) -> Mention | None:
        """ "the two companies": the two organisations named before it in its sentence ("KISTI has
        worked with IonQ since 2036, and the two sides will sign"), else the pair a sentence
        before tied, else the last two organisations named; as one mention of both."""
        unnamed = {i for i in self.registry.ids() if not self.registry.get(i).named}
        companies = noun in {"companies", "firms", "carriers", "operators"}
        here = [
            entity_id
            for entity_id, last in sorted(self._last_span.items(), key=lambda item: item[1])
            if sentence.start <= last < start
            and entity_id not in unnamed
            and self.registry.get(entity_id).kind in (_COMPANY_LIKE if companies else _PAIR_KINDS)
        ]
        if len(here) == 2:
            first, second = here
            return Mention(start, end, first, self.registry.get(first).kind, "anaphora", partner=second)
        recent = self.last_pair if self.pair_age <= _PAIR_MEMORY else None
        if recent is not None and (
            not companies or {self.registry.get(e).kind for e in recent} <= {EntityKind.COMPANY, None}
        ):
            first, second = recent
        else:
            latest = self.history.latest_two(companies=companies, exclude=unnamed)
            if not latest:
                return None
            first, second = latest[1], latest[0]
        return Mention(start, end, first, self.registry.get(first).kind, "anaphora", partner=second)

    def _speaker(
        self, doc: Doc, i: int, h: int, sentence: Span, kinds: frozenset[EntityKind | None], exclude: set[str]
    ) -> str | None:
        """ "Q-Sense Korea ... has raised 7 billion won in a round led by KIP, the company said":
        the company that speaks is the one the sentence is about, its first organisation."""
        if not (i > sentence.start and doc[i - 1].text == "," and h + 1 < sentence.end):
            return None
        if doc[h + 1].lower_ not in {"said", "says", "announced", "added", "confirmed", "stated"}:
            return None
        for entity_id, last in sorted(self._last_span.items(), key=lambda item: item[1]):
            if sentence.start <= last < i and entity_id not in exclude:
                known = self.registry.get(entity_id)
                if known.kind in kinds and known.named:
                    return entity_id
        return None

    def _relative_antecedent(self, doc: Doc, i: int, sentence: Span) -> set[str]:
        """ "CryptoLab, in which the carrier took a stake": the carrier is not CryptoLab."""
        k = i - 1
        if k <= sentence.start or doc[k].lower_ not in {"which", "whom", "whose"}:
            return set()
        k -= 1
        if doc[k].lower_ in PREPOSITIONS:
            k -= 1
        if k > sentence.start and doc[k].text == ",":
            k -= 1
        return {entity_id for entity_id, last in self._last_span.items() if last == k}

    def _organisations_last(self, count: int) -> bool:
        """Whether the last ``count`` parties named (places aside) are organisations: "the three"
        with no noun after it may stand for three people just as well."""
        last: dict[str, EntityKind | None] = {}
        for entity_id, kind, _ in reversed(self.history.seen):
            if kind is not EntityKind.PLACE:
                last.setdefault(entity_id, kind)
            if len(last) == 2 * count:  # "A, B and C left X, Y and Z. The three ...": people too near
                break
        kinds = list(last.values())
        return len(kinds) >= count and EntityKind.PERSON not in kinds

    def _listed_after_colon(self, doc: Doc, i: int, sentence: Span, pending: list[Mention]) -> Mention | None:
        """ "Five organisations on Thursday launched the Korea Post-Quantum Cryptography Forum ...:
        KT, Samsung SDS, Naver Cloud, KISA and SNU": a sentence that opens with a count of
        organisations and lists exactly that many after its colon stands for them all."""
        count = _COUNTS.get(doc[i].lower_)
        if count is None or i != sentence.start or i + 1 >= sentence.end or doc[i + 1].lower_ not in _COUNTED:
            return None
        colon = next((t.i for t in doc[i + 2 : sentence.end] if t.text == ":"), None)
        if colon is None:
            return None
        listed = [m for m in pending if m.start > colon and not m.modifier and m.kind is not EntityKind.PLACE]
        between = {
            t.lower_ for t in doc[colon + 1 : sentence.end] if not any(m.start <= t.i < m.end for m in listed)
        }
        if len(listed) != count or not between <= {",", "and", "the", ".", "(", ")"}:
            return None
        ids = [m.id for m in listed]
        return Mention(i, i + 2, ids[0], self.registry.get(ids[0]).kind, "anaphora", others=tuple(ids[1:]))

    def _group(self, start: int, end: int, noun: str, count: int) -> Mention | None:
        """ "the three companies": the last three organisations named, as one mention of all."""
        unnamed = {i for i in self.registry.ids() if not self.registry.get(i).named}
        companies = noun in {"companies", "firms", "carriers", "operators"}
        group = self.history.latest_two(companies=companies, exclude=unnamed, count=count)
        if len(group) != count:
            return None
        group.reverse()
        first = group[0]
        return Mention(start, end, first, self.registry.get(first).kind, "anaphora", others=tuple(group[1:]))

    def _clause_subjects(self, doc: Doc, i: int, sentence: Span) -> set[str]:
        found: set[str] = set()
        for j in range(i - 1, sentence.start - 1, -1):
            if doc[j].lower_ in {",", ";", "that", "which", "who", "while", "and"}:
                break
            for entity_id, _, _ in self.history.seen[-4:]:
                if self._last_span.get(entity_id) == j:
                    found.add(entity_id)
        return found

    def _description(self, doc: Doc, i: int, sentence: Span) -> Mention | None:
        token = doc[i]
        nxt = doc[i + 1].lower_ if i + 1 < sentence.end else ""
        after = doc[i + 2].lower_ if i + 2 < sentence.end else ""
        if token.lower_ == "both" and nxt in PAIRS:
            return self._pair(sentence, i, i + 2, nxt)
        # "this programme", and "that programme" after a preposition ("part of that programme")
        demonstrative = nxt in DESCRIPTIONS and (
            token.lower_ == "this"
            or (token.lower_ == "that" and i > sentence.start and doc[i - 1].lower_ in PREPOSITIONS)
        )
        if (token.lower_ != "the" and not demonstrative) or not nxt:
            return None
        if nxt == "two" and after in PAIRS:
            return self._pair(sentence, i, i + 3, after)  # "the two companies"
        if nxt in _GROUP_SIZES and after in PAIRS:
            return self._group(i, i + 3, after, _GROUP_SIZES[nxt])  # "the three operators"
        if nxt in _GROUP_SIZES and after in _GROUP_VERBS and self._organisations_last(_GROUP_SIZES[nxt]):
            return self._group(i, i + 2, "", _GROUP_SIZES[nxt])  # "The three will jointly develop"
        if nxt == "two" and after in _GROUP_VERBS and self._organisations_last(2):
            return self._pair(sentence, i, i + 2, "")  # "the two have agreed"
        if nxt == "two" and after in _PAIR_VERBS:
            return self._pair(sentence, i, i + 2, "organisations")  # "the agreement the two signed"
        if nxt in PAIRS:
            return self._pair(sentence, i, i + 2, nxt)  # "the companies"
        h = i + 1  # past describing words: "the Paris-based company", "the French startup"
        for k in (h + 1, h + 2):  # "the Tel Aviv-based firm"
            if k < sentence.end - 1 and doc[k].lower_.endswith(PLACE_MODIFIER_SUFFIXES) and doc[h].is_title:
                h = k
        k = h
        while (
            k < min(sentence.end - 1, i + 5)
            and (  # "the Korean mobile carrier": up to its noun
                doc[k].lower_.endswith(PLACE_MODIFIER_SUFFIXES)
                or (self.gazetteer.lookup(doc[k].text) is not None and doc[k].text[:1].isupper())
                or (doc[k].is_lower and doc[k].is_alpha and not doc[k].is_stop)
            )
        ):
            if doc[k + 1].lower_ in DESCRIPTIONS:
                h = k + 1
                break
            if doc[k].lower_ in DESCRIPTIONS:
                break
            k += 1
        if h > i + 2 and i > sentence.start and doc[i - 1].text == ",":
            return None  # "QuTech, the Delft-based quantum institute": it describes the name before
        head = doc[h]
        following = doc[h + 1] if h + 1 < len(doc) else None
        if following is not None and following.text[:1].isupper() and following.is_alpha:
            return None  # "the Ministry of ..." is a name, found by the gazetteer or not at all
        if head.text[:1].isupper() and following is not None and following.lower_ in {"of", "for", "on"}:
            return None  # "the Institute for Basic Science": a name the gazetteer does not hold
        if (
            following is not None
            and following.lower_ == "of"
            and h + 2 < sentence.end
            and doc[h + 2].text[:1].isupper()
        ):
            return None  # "the Canadian province of Quebec" introduces a name; it refers to nothing
        described = DESCRIPTIONS.get(head.lower_)
        if described is None:
            return None
        kinds, word = described
        if head.lower_ == "government" and doc[h - 1].lower_ not in _LOCAL_GOVERNMENT:
            return None  # "the government" is the country's, which the article rarely names
        exclude = self.countries | self.regions if head.lower_ in {"city", "province"} else set()
        if head.lower_ == "government":  # the place the article named as a government before
            exclude = {e for e in self.registry.ids() if e not in self.governments}
        elif head.lower_ == "city" and self.city_governments:
            # "the city" after "the Incheon Metropolitan City Government" is Incheon, not Songdo
            exclude = {e for e in self.registry.ids() if e not in self.city_governments}
        unnamed = {i for i in self.registry.ids() if not self.registry.get(i).named}
        if head.lower_ in FACILITIES:
            # "the facility", "the lab": what the article described, or a name that says so
            entity_id = None
            if head.lower_ == "project":  # "the project": the one whose name says so, before a body
                entity_id = self.history.latest(kinds, head.lower_, exclude)
            entity_id = entity_id or self.history.latest(
                kinds, None, exclude | (set(self.registry.ids()) - unnamed)
            )
            entity_id = entity_id or self.history.latest(kinds, head.lower_, exclude)
            if entity_id is None and head.lower_ == "facility":
                entity_id = self.history.latest_facility(kinds, exclude)  # "a Quantum Sensing Testbed"
        else:
            # "the company" is not the office it opened, nor the subject of its own clause
            # ("Norma said Nvidia will invest in the company" is Norma)
            place = self._described_place(doc, i + 1, h)
            if place is not None:  # "the French company": the one introduced as French, if any
                introduced = self.history.latest(
                    kinds,
                    None,
                    exclude | {e for e in self.registry.ids() if place not in self.described_in.get(e, ())},
                )
                if introduced is not None:
                    return Mention(i, h + 1, introduced, self.registry.get(introduced).kind, "anaphora")
            if kinds & {EntityKind.COMPANY, None}:
                exclude = exclude | unnamed
                if (
                    i == sentence.start and h == i + 1 and head.lower_ not in {"subsidiary", "unit"}
                ):  # "The startup will ...": what the paragraphs are about (a unit is not)
                    topic = next(
                        (
                            t
                            for t in reversed(self.topics)
                            if t not in exclude and self.registry.get(t).kind in kinds
                        ),
                        None,
                    )
                    if topic is not None:
                        return Mention(i, h + 1, topic, self.registry.get(topic).kind, "anaphora")
                speaker = self._speaker(doc, i, h, sentence, kinds, exclude)
                if speaker is not None:
                    return Mention(i, h + 1, speaker, self.registry.get(speaker).kind, "anaphora")
            exclude = exclude | self._relative_antecedent(doc, i, sentence)
            possessive = following is not None and following.text in {"'s", "’s"}
            if i > sentence.start and doc[i - 1].lower_ in PREPOSITIONS and not possessive:
                exclude = exclude | self._clause_subjects(doc, i, sentence)
            # "the science ministry", "the finance ministry": the one whose name says so
            portfolio = [t.lower_ for t in doc[i + 1 : h] if t.is_lower and t.is_alpha and not t.is_stop]
            entity_id = self.history.latest(kinds, word, exclude, *portfolio) if word and portfolio else None
            if entity_id is None and word is None and head.lower_ in _PREFERRED_WORD:
                entity_id = self.history.latest(kinds, head.lower_, exclude)
            entity_id = entity_id or self.history.latest(kinds, word, exclude)
            if head.lower_ in {"unit", "subsidiary"} and entity_id is not None:
                unit = self.history.unit_of(entity_id, exclude)
                entity_id = unit if unit is not None and unit in self._last_span else entity_id
            if head.lower_ == "ministry" and not portfolio and entity_id not in self._last_span:
                # "the ministry" in a new paragraph: the one the article is about, not another
                # named once in passing (one named in this paragraph is the one meant)
                entity_id = self.history.most_named(kinds, "ministry", exclude) or entity_id
        if entity_id is None:
            return None
        known = self.registry.get(entity_id)
        if known.kind is None and not known.in_store:
            known.kind = EntityKind.COMPANY  # "the company" says what an unexplained name is
            known.rule += "; called 'the company'"
        return Mention(i, h + 1, entity_id, known.kind, "anaphora")


_LOCAL_GOVERNMENT = frozenset({"provincial", "city", "metropolitan", "municipal", "county"})
"""The words of "the provincial government", which is the province the article named last."""


def _names_it_next(doc: Doc, described: Mention, pending: list[Mention], sentence: Span) -> bool:
    """Whether a sentence opening with a description names it straight after, set off by commas
    ("The new company, Diraq Korea, will be headquartered in Hwaseong")."""
    if described.start != sentence.start or described.end >= sentence.end or doc[described.end].text != ",":
        return False
    name = next((m for m in pending if m.start == described.end + 1), None)
    return name is not None and name.via == "name" and name.end < sentence.end and doc[name.end].text == ","


def _attributive(doc: Doc, end: int) -> bool:
    """A place used as an adjective or possessive ("US quantum computing company IonQ", "Korea's
    carrier", "the Netherlands' ministry"), not as a place of its own ("Daejeon signed ...")."""
    if end >= len(doc):
        return False
    if doc[end].text in {"'s", "’s", "'", "’"}:
        return True
    if any(t.lower_ in _GOVERNMENT_WORDS for t in doc[end : end + 3]):
        return False  # "the Incheon Metropolitan City government", "the Daegu city government": the city
    for token in doc[end : end + 5]:
        if not (token.is_alpha or "-" in token.text) or not token.is_lower or token.is_stop:
            return False
        if token.lower_ in DESCRIPTOR_KINDS or token.lower_ in GROUP_NOUNS or token.lower_ in _PLACE_NOUNS:
            return True
    return False


_GOVERNMENT_WORDS = frozenset(["government", "administration", "authorities"])
# "Songdo district", "the Pangyo campus": a place naming a part of itself, not a party
_PLACE_NOUNS = frozenset(
    [
        "district",
        "area",
        "campus",
        "region",
        "county",
        "port",
        "zone",
        "site",
        "headquarters",
        "neighbourhood",
        "branch",
        "office",
        "plant",
        "factory",
    ]
)


def _take_city_of(doc: Doc, mention: Mention) -> None:
    """ "the city of Pohang" is Pohang: the mention takes in the words, so the city can act."""
    if mention.kind is not EntityKind.PLACE or mention.start < 2:
        return
    if doc[mention.start - 1].lower_ == "of" and doc[mention.start - 2].lower_ in _GOVERNED:
        start = mention.start - 2
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        mention.start = start


OWNED_NOUNS = frozenset(["company", "agency", "subsidiary", "unit", "affiliate", "arm", "division"])
"""What a group's name says its member is when it stands before one of these: "a Hanwha Group
company", "an SK Telecom subsidiary", "the Geneva-based United Nations agency"."""


def _owner_before_noun(doc: Doc, mention: Mention) -> bool:
    """An organisation's name used as an adjective of what belongs to it: after "a", "an" or
    "the" (and describing words), right before one of :data:`OWNED_NOUNS`."""
    if mention.kind not in ORGANISATIONS | {None} or mention.end >= len(doc):
        return False
    if doc[mention.end].lower_ not in OWNED_NOUNS:
        return False
    for j in range(mention.start - 1, max(-1, mention.start - 4), -1):
        if doc[j].lower_ in {"a", "an", "the"}:
            return True
        if not (doc[j].is_lower or doc[j].lower_.endswith(PLACE_MODIFIER_SUFFIXES)):
            return False
    return False


_PRODUCT_NOUNS = frozenset(
    [
        "processor",
        "processors",
        "chip",
        "chips",
        "system",
        "systems",
        "computer",
        "computers",
        "machine",
        "machines",
        "platform",
        "software",
        "sensor",
        "sensors",
        "qubit",
        "qubits",
        "device",
        "devices",
        "model",
        "models",
        "series",
    ]
)
_GOVERNED = frozenset({"city", "province", "county", "state", "government", "municipality", "district"})


_PAIR_MEMORY = 4  # sentences after which "the two companies" no longer means the last pair tied


def _merge_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Korea Advanced Institute of Science and Technology (KAIST)": one mention, not two."""
    result: list[Mention] = []
    for mention in mentions:
        if (
            result
            and result[-1].id == mention.id
            and mention.start == result[-1].end + 1
            and doc[result[-1].end].text == "("
            and mention.end < len(doc)
            and doc[mention.end].text == ")"
        ):
            result[-1].end = mention.end + 1
            continue
        result.append(mention)
    return result
