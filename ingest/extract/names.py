"""The names an article uses for organisations and people it does not share with the store: runs
of capitalised words found with spaCy's rule matcher ("Ministry of Science and ICT", "IonQ",
"Science Minister Bae Kyung-hoon"), each given a kind by what it ends in ("... Institute"),
the words around it ("US firm IonQ", "IonQ, a quantum company") or a title ("Mayor Lee").

A run only becomes an entity later, if a rule ties it to something or its kind is clear: a
capitalised word with nothing to say what it is ("Officials", "Thursday") never does.

>>> from ingest.extract.nlp import pipeline
>>> found = find_names([pipeline()("The plan was announced by the Ministry of Science and ICT (MSIT).")])
>>> [(c.name, c.kind.value if c.kind else None, c.aliases) for c in found.values()]
[('Ministry of Science and ICT', 'GovernmentBody', ['MSIT'])]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from graph.model import EntityKind, normalise_name
from ingest.extract.lexicon import (
    BRAND_WORDS,
    CURRENCY_SIGNS,
    DESCRIPTOR_KINDS,
    KIND_WORDS,
    LAST_WORD_KINDS,
    LEGAL_FORMS,
    LOWER_CASE_NAME_ENDS,
    MONTHS_AND_DAYS,
    NAME_PARTICLES,
    NOT_NAMES,
    PLACE_MODIFIER_SUFFIXES,
    SUBSIDIARY_WORDS,
    TITLE_WORDS,
)
from ingest.extract.nlp import pipeline

COUNTRY_CODES = frozenset({"US", "U.S.", "UK", "U.K.", "EU", "UAE"})
OPENERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"])
_KOREAN_NAME = re.compile(r"^[A-Z][a-z]{0,4} [A-Z][a-z]+-[a-z]+$")  # family name, hyphenated given name
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,9}$")


def is_korean_name(name: str) -> bool:
    """ "Jung Min-cheol": a family name, then a hyphenated given name."""
    return bool(_KOREAN_NAME.match(name))


def _is_cap(token: Token) -> bool:
    text = token.text
    lowered = text.lower()
    if not text or not any(char.isalpha() for char in text) or lowered in TITLE_WORDS:
        return False
    if any(char in CURRENCY_SIGNS for char in text) or _before_currency(token):
        return False  # "S$8 million", "C$10 million": an amount in Singapore or Canadian dollars
    if lowered.endswith(PLACE_MODIFIER_SUFFIXES) or lowered in MONTHS_AND_DAYS:
        return False  # "Seoul-based" says where something is; it is not part of its name
    if len(text) > 2 and text[:2].lower() in {"d'", "d’", "l'", "l’"} and text[2].isupper():
        return True  # "Institut d'Optique", "Ecole d'Ingenieurs": the elided article is part of the name
    return text[0].isupper() or (text[0].isdigit() and any(char.isupper() for char in text))


def _before_currency(token: Token) -> bool:
    """ "C" of "C$10 million" when the tokenizer splits it from the amount."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        len(token.text) <= 2
        and following is not None
        and following.text[:1] in CURRENCY_SIGNS
        and not token.whitespace_
    )


Token.set_extension("ckg_cap", getter=_is_cap, force=True)


@dataclass
class NameCandidate:
    """A name the article uses, with what it says about the kind of thing named."""

    name: str
    kind: EntityKind | None = None
    evidence: str = ""  # why this kind: "ends in 'Institute'", "descriptor 'firm'", "title 'Mayor'"
    aliases: list[str] = field(default_factory=list)
    unit: bool = False  # named as a company's unit, by a legal form its parent's name lacks

    def set_kind(self, kind: EntityKind, evidence: str) -> None:
        # a title or a descriptor is firmer than a word the name happens to contain
        if self.kind is None or evidence.startswith("title"):
            self.kind, self.evidence = kind, evidence


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(pipeline().vocab)
    cap = {"_": {"ckg_cap": True}, "OP": "+"}
    linking = {"LOWER": {"IN": ["of", "for", "on"]}}
    the = {"LOWER": "the", "OP": "?"}
    conjunction = {"LOWER": {"IN": ["and", "&"]}}
    particle = {"LOWER": {"IN": sorted(NAME_PARTICLES)}}
    matcher.add(
        "NAME",
        [
            [cap],
            [cap, linking, the, cap],
            [cap, linking, the, cap, conjunction, cap],
            [cap, linking, cap, {"ORTH": ","}, cap, conjunction, cap],
            [cap, particle, cap],
            # "Alice & Bob", "HD Korea Shipbuilding & Offshore Engineering": an ampersand joins a name
            [cap, {"ORTH": "&"}, cap],
            [{"_": {"ckg_cap": True}, "IS_UPPER": True}, {"LOWER": "group"}],
            [{"_": {"ckg_cap": True}, "IS_UPPER": True}, {"LOWER": {"IN": sorted(LOWER_CASE_NAME_ENDS)}}],
        ],
        greedy="LONGEST",
    )
    title = {"LOWER": {"IN": sorted(TITLE_WORDS)}, "OP": "+"}
    person = {"_": {"ckg_cap": True}}
    maybe = {"_": {"ckg_cap": True}, "OP": "?"}
    matcher.add(
        "TITLED",
        [
            [title, person, maybe, maybe],
            [title, person, particle, person],
            [title, {"ORTH": ","}, person, maybe],
            [title, {"ORTH": ","}, person, particle, person],
        ],
        greedy="LONGEST",
    )
    return matcher


def find_names(docs: Iterable[Doc]) -> dict[str, NameCandidate]:
    """Every name the documents use, by normalised name, with its kind where the text says it."""
    docs = list(docs)
    lowercase = {t.lower_ for doc in docs for t in doc if t.is_lower}
    found: dict[str, NameCandidate] = {}
    runs = [
        [doc[s:e] for label, s, e in _matcher()(doc) if doc.vocab.strings[label] == "NAME"] for doc in docs
    ]
    # names the article also writes inside a sentence: "Quantum Machines" opening a sentence is
    # that name, though "quantum" alone is an ordinary word
    inside = {
        span.text
        for spans in runs
        for span in spans
        if not _opens_sentence(span[0]) and span[0].lower_ not in OPENERS
    }
    for doc, spans in zip(docs, runs, strict=True):
        persons = _titled_people(doc)
        for span in persons:
            _add(found, span.text).set_kind(EntityKind.PERSON, "title")
        taken = {i for span in persons for i in range(span.start, span.end)}
        for span in _join_by_acronym(filter_spans(spans)):
            for part in _trim(span, lowercase, inside):
                if any(i in taken for i in range(part.start, part.end)):
                    continue
                kind, evidence = _kind_of(part)
                if kind is None and _before_minister(doc, part.end):
                    continue  # "Science Minister": the minister's portfolio, not an organisation
                candidate = _add(found, part.text)
                if doc[part.end - 1].lower_ in LEGAL_FORMS and _named_as_a_unit(doc, part.start):
                    candidate.unit = True  # "a US subsidiary, Hanbit Quantum Inc."
                if kind is not None:
                    candidate.set_kind(kind, evidence)
                written = part  # the name as written, with a legal form the name leaves out
                if part.end < span.end and doc[part.end].lower_ in LEGAL_FORMS:
                    written = doc[part.start : part.end + 1]  # "Korea Venture Investment Corp."
                    if written.text not in candidate.aliases:
                        candidate.aliases.append(written.text)
                acronym = _acronym_after(written)
                if acronym and acronym not in candidate.aliases and acronym != candidate.name:
                    candidate.aliases.append(acronym)
                    taken |= set(range(written.end, written.end + 3))
    for candidate in found.values():
        if candidate.kind is None and _KOREAN_NAME.match(candidate.name):
            candidate.set_kind(EntityKind.PERSON, "a Korean personal name")  # "Ha Min-yong"
        if candidate.kind is None and candidate.name.lower().endswith(" group"):
            candidate.set_kind(EntityKind.COMPANY, "name has 'group'")  # "SK group": the conglomerate
    return {key: value for key, value in found.items() if normalise_name(value.name) not in NOT_NAMES}


def _before_minister(doc: Doc, index: int) -> bool:
    """Whether the words from ``index`` on end a minister's portfolio: "Minister" itself, or
    more of the portfolio first ("Science and ICT Minister", "Trade, Industry and Energy Minister")."""
    comma = False  # "Vexora, Industry Minister Kim said": a comma right after a name ends it
    for i in range(index, min(len(doc), index + 8)):
        token = doc[i]
        if token.lower_ in {"minister", "ministers"}:
            return not comma
        if token.text == ",":
            comma = True
        elif token.lower_ in {"and", "&"}:
            comma = False  # the portfolio list closes with "and": "Trade, Industry and Energy"
        elif not token.text[:1].isupper():
            return False
    return False


def _join_by_acronym(spans: list[Span]) -> list[Span]:
    """ "Korea Quantum Information and Communications Association (KQIC)": two runs joined by
    "and" are one name when the acronym after them spells their initials."""
    result: list[Span] = []
    for span in spans:
        if result and span.start == result[-1].end + 1 and span.doc[result[-1].end].lower_ in {"and", "&"}:
            joined = span.doc[result[-1].start : span.end]
            acronym = _acronym_after(joined)
            initials = "".join(t.text[0].upper() for t in joined if t.text[:1].isupper())
            letters = acronym.replace("-", "").upper() if acronym else ""
            alone = "".join(t.text[0].upper() for t in span if t.text[:1].isupper())
            if _subsequence(letters, alone) and letters[:1] == alone[:1]:
                letters = ""  # "Microsoft and British Columbia Investment Management Corporation (BCI)"
            if letters and _subsequence(letters, initials) and len(letters) >= 3:
                result[-1] = joined
                continue
        result.append(span)
    return result


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(char in letters for char in short)


def _add(found: dict[str, NameCandidate], name: str) -> NameCandidate:
    key = normalise_name(name)
    if key not in found:
        found[key] = NameCandidate(name=name)
    return found[key]


def _titled_people(doc: Doc) -> list[Span]:
    """Names after a title: "Science Minister Bae Kyung-hoon", "chief executive Subodh Kulkarni",
    and before one: "Christian Weedbrook, founder and chief executive of Xanadu"."""
    people: list[Span] = []
    for label, start, end in _matcher()(doc):
        if doc.vocab.strings[label] != "TITLED":
            continue
        name_start = start
        while name_start < end and (doc[name_start].lower_ in TITLE_WORDS or doc[name_start].text == ","):
            name_start += 1
        if name_start < end:
            people.append(doc[name_start:end])
    for span in _matcher()(doc, as_spans=True):
        if span.label_ != "NAME" or span.end + 2 >= len(doc) or len(span) < 2 or len(span) > 4:
            continue
        after = doc[span.end : span.end + 5]  # "Loic Henriet, Pasqal's chief executive"
        titled = after[0].text == "," and any(t.lower_ in TITLE_WORDS - {"lead"} for t in after[1:])
        if titled and not any(t.lower_ in _ORG_WORDS for t in span):
            people.append(span)
    for token in doc[:-1]:  # "Minister of Science and ICT Yoo Sang-im": the name ends a longer span
        given = doc[token.i + 1]
        if _KOREAN_NAME.match(f"{token.text} {given.text}") and token.lower_ not in OPENERS:
            people.append(doc[token.i : token.i + 2])
    return filter_spans(people)


_ORG_WORDS = frozenset(word for words in KIND_WORDS.values() for word in words)


def _trim(span: Span, lowercase: set[str], inside: set[str]) -> list[Span]:
    """The name inside a capitalised run: without a leading "The", a sentence-opening word that
    the article also writes in lower case ("Leading", "Officials"), or a weekday or month."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in OPENERS
        or (
            _opens_sentence(doc[start])
            and _ordinary_word(doc[start], lowercase)
            and doc[start:end].text not in inside
        )
        or (doc[start].text in COUNTRY_CODES and end - start > 1)  # "US Department of Energy"
    ):
        start += 1
    if start + 1 < end and doc[start].lower_ == "series" and len(doc[start + 1].text) <= 2:
        start += 2  # "a Series A", "the Series B of Kyeol Quantum": a funding round
        while start < end and doc[start].lower_ in _DANGLING:
            start += 1
    parts: list[Span] = []
    part_start = start
    for i in range(start, end + 1):
        if i == end or doc[i].lower_ in MONTHS_AND_DAYS:
            part_end = i
            while part_end > part_start and doc[part_end - 1].lower_ in _DANGLING:
                part_end -= 1
            while (
                part_end - part_start > 1
                and doc[part_end - 1].lower_ in LEGAL_FORMS
                and not _group_letters(doc[part_start : part_end - 1].text)
                and not _named_as_a_unit(doc, part_start)
            ):
                part_end -= 1  # "DB HiTek Co.", "Lumiphase B.V.": the company is "DB HiTek", "Lumiphase"
            if part_end > part_start and not (
                part_end - part_start == 1 and doc[part_start].lower_ in NOT_NAMES
            ):
                parts.append(doc[part_start:part_end])
            part_start = i + 1
    return parts


_DANGLING = frozenset({"of", "for", "on", "the", "and", "&", ","})


def _named_as_a_unit(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` is what a unit was called: "a US subsidiary, Hanbit Quantum
    Inc.", "its Dutch arm Sorae Photonics B.V.". Its legal form is then what tells it from its
    parent, which the article calls by the same words without one ("Hanbit Quantum")."""
    before = start - 1
    if before >= 0 and doc[before].lower_ in {",", "called", "named"}:
        before -= 1
    return before >= 0 and doc[before].lower_ in SUBSIDIARY_WORDS | {"subsidiaries", "units", "arms"}


def _group_letters(name: str) -> bool:
    """ "LG", "SK", "KT": a group's letters, which with a legal form name one company of many
    ("LG Corp." is the holding company, not LG Electronics)."""
    return name.isupper() and len(name) <= 3


_AFTER_A_SUBJECT = frozenset(
    [
        "will",
        "would",
        "has",
        "have",
        "had",
        "is",
        "was",
        "said",
        "says",
        "and",
        "can",
        "could",
        "also",
        "'s",
        "’s",
    ]
)


def _ordinary_word(token: Token, lowercase: set[str]) -> bool:
    """A sentence's capitalised first word that is no name: one the article also writes in lower
    case, a function word ("Another", "Neither"), a gerund or an adverb ("Taking part in ...",
    "Separately, ..."), or a number."""
    lowered = token.lower_
    if lowered in NOT_NAMES or lowered in lowercase or token.like_num:
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is None or following.text[:1].isupper():
        return False  # "Whole Foods", "Nanjing University": the first word of a longer name
    if token.is_stop:
        return True
    if lowered.endswith("ed") and len(lowered) > 4 and following.lower_ in {"in", "by", "on", "at", "with"}:
        return True  # "Founded in 2016, the company ...", "Based in Delft, ..."
    # "Taking part in ...", "Separately, ...": not "Boeing will invest"
    return len(lowered) > 5 and lowered.endswith(("ing", "ly")) and following.lower_ not in _AFTER_A_SUBJECT


_OPENING_QUOTES = frozenset({'"', "“", "'", "‘", "("})


def _opens_sentence(token: Token) -> bool:
    """The sentence's first word, also after an opening quote: '"Shipbuilding in this country'."""
    if token.is_sent_start:
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.text in _OPENING_QUOTES and bool(before.is_sent_start)


def _kind_of(span: Span) -> tuple[EntityKind | None, str]:
    words = [t.lower_ for t in span]
    head = words[: words.index("of")] if "of" in words else words
    if len(words) > 1 and words[-1] in LAST_WORD_KINDS:
        return LAST_WORD_KINDS[words[-1]], f"name ends in '{span[-1].text}'"
    if len(words) > 1 or words[0] in BRAND_WORDS:  # "Institute" alone names nothing
        for scope in (head[-1:], head, words):
            for word in scope:
                for kind, kind_words in KIND_WORDS.items():
                    if word in kind_words:
                        return kind, f"name has '{word}'"
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _DISTRICT_WORDS:
        return EntityKind.PLACE, f"followed by '{doc[span.end].text}'"  # "Gwangju's Cheomdan district"
    before = [t for t in doc[max(span.sent.start, span.start - 4) : span.start] if not t.is_punct]
    if before and before[-1].lower_ in DESCRIPTOR_KINDS and not before[-1].is_title:
        return DESCRIPTOR_KINDS[before[-1].lower_], f"descriptor '{before[-1].text}'"
    after = doc[span.end : min(span.sent.end, span.end + 8)]
    if len(after) > 2 and after[0].text == "," and after[1].lower_ in {"a", "an", "the"}:
        noun: Token | None = None  # the last describing noun before the description goes on:
        for token in after[2:]:  # "a university spin-out that makes cables" is a company
            if token.text == "," or token.lower_ in {"that", "which", "who", "of", "for", "in", "with"}:
                break
            if token.lower_ in DESCRIPTOR_KINDS:
                noun = token
        if noun is not None:
            return DESCRIPTOR_KINDS[noun.lower_], f"described as '{noun.text}'"
    return None, ""


_DISTRICT_WORDS = frozenset({"district", "districts", "ward", "neighbourhood", "neighborhood"})


def _acronym_after(span: Span) -> str | None:
    """The short form in brackets after a name: "(KAIST)", or two words, "(HD KSOE)"."""
    doc = span.doc
    for width in (1, 2):
        close = span.end + 1 + width
        if close < len(doc) and doc[span.end].text == "(" and doc[close].text == ")":
            words = [t.text for t in doc[span.end + 1 : close]]
            if all(_ACRONYM.match(w) for w in words) and sum(c.isupper() for c in "".join(words)) >= 2:
                return " ".join(words)
    return None
