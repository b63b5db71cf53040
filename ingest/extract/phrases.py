"""What the rule modules share about phrases: the describing words of a noun phrase, where a
described thing is ("in Daejeon", "at UNIST's Ulsan campus"), whether a sentence puts it under
the article's plan ("To support this growth, ..."), and a described thing an amount goes to."""

from __future__ import annotations

from spacy.tokens import Token

from graph.model import EntityKind, EntityStatus, RelationshipKind, RelationshipStatus
from ingest.extract.lexicon import (
    CLUSTER_NOUNS,
    EVALUATIVE,
    PREPOSITIONS,
    PROGRAMME_NOUNS,
)
from ingest.extract.sentence import Finding, Mention, Sentence
from ingest.extract.state import ArticleState

INSTITUTE_NOUNS = frozenset(
    ["center", "centre", "lab", "laboratory", "institute", "testbed", "foundry", "facility", "campus", "hub"]
)


_ANCHOR_VERBS = frozenset(
    ["support", "achieve", "implement", "realize", "realise", "meet", "reach", "deliver"]
)


_ANCHOR_PREPOSITIONS = frozenset({"under", "in", "of"})


def words_between(s: Sentence, start: int, end: int) -> list[Token] | None:
    """The describing words of a noun phrase (after its article), or None if a preposition or
    a name stands between the verb and the noun, so the noun is not the verb's object."""
    words: list[Token] = []
    for token in s.span.doc[start:end]:
        found = s.at(token.i)
        if found is not None and found.modifier and found.via != "based":
            words.append(token)  # "a Korean subsidiary"
            continue
        if found is not None and found.kind is EntityKind.PLACE and found.end == end:
            words.append(token)  # "a Seoul office"
            continue
        if (token.lower_ in PREPOSITIONS and token.lower_ != "of") or found is not None:
            return None
        if token.lower_ in {"a", "an", "the", "its", "their", "up"} or (
            not token.is_alpha and token.text != "-"
        ):
            continue
        if token.lower_ not in EVALUATIVE:
            words.append(token)
    return words


def entity_status(s: Sentence, index: int) -> EntityStatus:
    return EntityStatus.PLANNED if s.status(index) is RelationshipStatus.PLANNED else EntityStatus.ACTIVE


def place_after(s: Sentence, index: int, state: ArticleState, limit: int = 8) -> Mention | None:
    doc = s.span.doc
    for j in range(index, min(s.clause_end(index), index + limit)):
        found = s.at(j)
        if (
            found is not None
            and state.kind(found) is EntityKind.PLACE
            and doc[found.start - 1].lower_ == "in"
        ):
            return found if not found.modifier or s.possessive(found) else None  # "in Incheon's Songdo"
    return None


def plan_anchor(s: Sentence, state: ArticleState) -> str | None:
    """The plan this sentence puts something under: "To support this growth, ...", "under the
    plan", "as part of the national strategy", "promised in the national quantum strategy"."""
    doc = s.span.doc
    tokens = list(s.span)
    opening = [t.lower_ for t in tokens[:3]]
    opening_anchor = opening[:1] == ["to"] and len(opening) > 2 and opening[1] in _ANCHOR_VERBS
    if state.programme and opening_anchor and opening[2] in {"this", "these", "the", "its", "that"}:
        return state.programme
    for token in tokens:
        if token.lower_ not in PROGRAMME_NOUNS or token.i < s.span.start + 2:
            continue
        found = s.at(token.i)
        if found is not None and state.kind(found) is EntityKind.PROGRAMME:
            start = found.start
            if doc[start - 1].lower_ in _ANCHOR_PREPOSITIONS:
                return found.id
            continue
        j = token.i - 1
        modifiers: list[str] = []
        while j > s.span.start and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ not in {"the", "a"}:
            modifiers.insert(0, doc[j].text)
            j -= 1
        if doc[j].lower_ == "the" and doc[j - 1].lower_ in _ANCHOR_PREPOSITIONS | {"promised", "outlined"}:
            if state.programme:
                return state.programme
            if modifiers:
                name = " ".join([*modifiers, token.text])
                return state.create(
                    name, EntityKind.PROGRAMME, rule="plan-referred-to", confidence=0.6, plan=True
                ).id
    return None


def part_of_plan(entity_id: str, s: Sentence, state: ArticleState, index: int) -> list[Finding]:
    programme = plan_anchor(s, state)
    if programme is None or programme == entity_id:
        return []
    return [
        Finding(RelationshipKind.PART_OF, entity_id, programme, "under-the-plan", 0.7, s, index, dated=False)
    ]


def described_object(
    s: Sentence, index: int, prepositions: frozenset[str], state: ArticleState, rule: str
) -> Mention | None:
    """What an amount goes to when the article describes it: "invest 30 billion won in a quantum
    startup incubator in Yangjae", "provide 3 billion won a year to a new research centre at
    UNIST's Ulsan campus". A new entity (a facility, a cluster, else a programme), with where it
    is and whose it is when the sentence says so."""
    doc = s.span.doc
    end = s.clause_end(index)
    j = next((k for k in range(index, min(end, index + 12)) if doc[k].lower_ in prepositions), None)
    if j is None or j + 2 >= end or doc[j + 1].lower_ not in {"a", "an"} or doc[j - 1].lower_ == "according":
        return None  # "according to a joint statement" names no recipient
    words = []
    for token in doc[j + 2 : min(end, j + 8)]:
        if not (token.is_alpha and token.is_lower) or token.is_stop or token.lower_ in PREPOSITIONS:
            break
        if token.lower_ not in EVALUATIVE:
            words.append(token.text)
    after = (
        j + 2 + len([t for t in doc[j + 2 : min(end, j + 8)] if t.text in words or t.lower_ in EVALUATIVE])
    )
    if len(words) < 2:
        return None
    place, owner = _where(s, after, state)
    name = " ".join(words) + (f" in {state.name(place)}" if place else "")
    noun = words[-1].lower()
    kind = (
        EntityKind.RESEARCH_INSTITUTE
        if noun in INSTITUTE_NOUNS
        else EntityKind.CLUSTER
        if noun in CLUSTER_NOUNS
        else EntityKind.PROGRAMME
    )
    created = state.create(name, kind, rule=rule, confidence=0.6, status=entity_status(s, index))
    mention = Mention(j + 1, after, created.id, kind, "described")
    state.pending += [
        Finding(RelationshipKind.LOCATED_IN, created.id, p, "described-in-place", 0.7, s, index, dated=False)
        for p in [place]
        if p
    ]
    state.pending += [
        Finding(RelationshipKind.PART_OF, created.id, o, "described-at-owner", 0.65, s, index, dated=False)
        for o in [owner]
        if o
    ]
    return mention


def _where(s: Sentence, index: int, state: ArticleState) -> tuple[str | None, str | None]:
    """After a described thing: "in Yangjae", "at UNIST's Ulsan campus" (UNIST's, in Ulsan)."""
    doc = s.span.doc
    if index >= s.span.end or doc[index].lower_ not in {"in", "at", "near"}:
        return None, None
    place: str | None = None
    owner: str | None = None
    for j in range(index + 1, min(s.clause_end(index), index + 9)):
        found = s.at(j)
        if found is None:
            if not (doc[j].is_alpha or doc[j].text in {"'s", "’s"}):
                break
            continue
        if state.kind(found) is EntityKind.PLACE and place is None:
            place = found.id
        elif s.possessive(found) and state.kind(found) in {
            EntityKind.UNIVERSITY,
            EntityKind.RESEARCH_INSTITUTE,
        }:
            owner = found.id
    return place, owner
