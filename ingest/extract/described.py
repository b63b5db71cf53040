"""Rules for things an article describes rather than names, which become new entities: "a joint
research center in South Korea" that IonQ will establish, "a consultative body" three firms
formed, "five quantum clusters" a ministry will designate, "a national strategy" a country
released, "8.12 trillion won for R&D" a ministry allocated and how "this total" divides.

A described entity is named from the sentence ("IonQ joint research center in South Korea") and
marked ``named: false`` in the proposal, so a reviewer knows to give it a proper name.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from graph.model import EntityKind, EntityStatus, RelationshipKind, RelationshipStatus
from ingest.extract.lexicon import (
    BODY_NOUNS,
    CLUSTER_NOUNS,
    COUNT_WORDS,
    EVALUATIVE,
    PREPOSITIONS,
    PROGRAMME_NOUNS,
)
from ingest.extract.mentions import ORGANISATIONS
from ingest.extract.sentence import Finding, Mention, Sentence, first_per_start
from ingest.extract.state import ArticleState

Rule = Callable[[Sentence, ArticleState], list[Finding]]
_INSTITUTE_NOUNS = frozenset(
    ["center", "centre", "lab", "laboratory", "institute", "testbed", "foundry", "facility", "campus"]
)
_COMPANY_NOUNS = frozenset(["subsidiary", "unit", "branch", "office"])
_DESIGNATING = frozenset(
    ["designate", "designates", "designated", "designating", "select", "selects", "selected"]
)
_BUILDING = frozenset(
    [
        "building",
        "establishing",
        "opening",
        "launching",
        "creating",
        "setting",
        "built",
        "established",
        "opened",
        "launched",
        "created",
    ]
)
_ANCHOR_VERBS = frozenset(
    ["support", "achieve", "implement", "realize", "realise", "meet", "reach", "deliver"]
)
_ANCHOR_PREPOSITIONS = frozenset({"under", "in", "of"})
_SUB_TOTAL = frozenset({"total", "amount", "sum", "budget", "figure"})
_PURPOSE_VERBS = frozenset({"support", "supports", "fund", "funds", "cover", "covers", "go", "goes"})
_ENDS = frozenset({",", ".", ";", ":", "while", "whereas", "and", "representing", "which"})


def _words_between(s: Sentence, start: int, end: int) -> list[Token] | None:
    """The describing words of a noun phrase (after its article), or None if a preposition or
    a name stands between the verb and the noun, so the noun is not the verb's object."""
    words: list[Token] = []
    for token in s.span.doc[start:end]:
        found = s.at(token.i)
        if found is not None and found.modifier and found.via != "based":
            words.append(token)  # "a Korean subsidiary"
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


def _status(s: Sentence, index: int) -> EntityStatus:
    return EntityStatus.PLANNED if s.status(index) is RelationshipStatus.PLANNED else EntityStatus.ACTIVE


def _place_after(s: Sentence, index: int, state: ArticleState, limit: int = 8) -> Mention | None:
    doc = s.span.doc
    for j in range(index, min(s.clause_end(index), index + limit)):
        found = s.at(j)
        if (
            found is not None
            and state.kind(found) is EntityKind.PLACE
            and doc[found.start - 1].lower_ == "in"
        ):
            return found if s.party(found) else None
    return None


def _anchor(s: Sentence, state: ArticleState) -> str | None:
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


def _part_of(entity_id: str, s: Sentence, state: ArticleState, index: int) -> list[Finding]:
    programme = _anchor(s, state)
    if programme is None or programme == entity_id:
        return []
    return [
        Finding(RelationshipKind.PART_OF, entity_id, programme, "under-the-plan", 0.7, s, index, dated=False)
    ]


def facilities(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "IonQ will establish a joint research center in South Korea": a new research institute
    that IonQ establishes, located where the sentence says."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("OPEN_FACILITY")):
        noun = end - 1
        founders = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        named = s.at(noun)
        words = _words_between(s, start + 1, noun) if named is None else []
        if not founders or words is None:
            continue
        if named is not None:
            if named.via != "name" or state.kind(named) not in {
                EntityKind.RESEARCH_INSTITUTE,
                EntityKind.CLUSTER,
            }:
                continue
            target = named.id
        else:
            place = _place_after(s, end, state)
            owners = " and ".join(state.name(f.id) for f in founders)
            phrase = " ".join(t.text for t in [*words, doc[noun]])
            name = f"{owners} {phrase}" + (f" in {state.name(place.id)}" if place else "")
            noun_word = doc[noun].lower_
            kind = (
                EntityKind.RESEARCH_INSTITUTE
                if noun_word in _INSTITUTE_NOUNS
                else EntityKind.COMPANY
                if noun_word in _COMPANY_NOUNS
                else EntityKind.CLUSTER
            )
            country = state.registry.get(place.id).country if place else None
            created = state.create(
                name, kind, rule="opened-facility", confidence=0.75, status=_status(s, start), country=country
            )
            target = created.id
            if place is not None:
                findings.append(
                    Finding(
                        RelationshipKind.LOCATED_IN,
                        target,
                        place.id,
                        "facility-in-place",
                        0.8,
                        s,
                        noun,
                        dated=False,
                    )
                )
        for founder in founders:
            findings.append(
                Finding(RelationshipKind.ESTABLISHES, founder.id, target, "opened-facility", 0.8, s, start)
            )
        findings += _part_of(target, s, state, start)
    return findings + _being_built(s, state)


def _being_built(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "a new Quantum Computing Center that Yonsei is building": a named facility, then who builds it."""
    doc = s.span.doc
    findings: list[Finding] = []
    for facility in s.mentions:
        if (
            state.kind(facility) not in {EntityKind.RESEARCH_INSTITUTE, EntityKind.CLUSTER}
            or facility.via != "name"
        ):
            continue
        j = facility.end
        if j + 2 >= s.span.end or doc[j].lower_ not in {"that", "which"}:
            continue
        builder = s.at(j + 1)
        if builder is None or not s.party(builder) or state.kind(builder) not in ORGANISATIONS:
            continue
        k = builder.end
        while k < s.span.end and doc[k].lower_ in {"is", "was", "will", "be", "has", "had", "been", "are"}:
            k += 1
        if k < s.span.end and doc[k].lower_ in _BUILDING:
            findings.append(
                Finding(
                    RelationshipKind.ESTABLISHES, builder.id, facility.id, "facility-being-built", 0.75, s, k
                )
            )
    return findings


def bodies(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Firms including A, B, and C have formed a consultative body focused on ...": each is a
    member of the body (new, unless the body is named)."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("FORM_BODY")):
        noun = end - 1
        members = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        members += [m for m in s.object(end, frozenset({"with"}), limit=3) if state.kind(m) in ORGANISATIONS]
        named = s.at(noun)
        if named is not None:
            if named.via != "name" or state.kind(named) not in {EntityKind.CONSORTIUM, None}:
                continue
            body = named.id
        else:
            words = _words_between(s, start + 1, noun)
            article = [t.lower_ for t in doc[start + 1 : noun] if t.lower_ in {"a", "an"}]
            if words is None or not article or doc[noun].lower_ not in BODY_NOUNS:
                continue
            tail: list[str] = []
            for token in doc[noun + 1 : min(s.span.end, noun + 9)]:
                if token.lower_ in _ENDS or token.is_punct or s.at(token.i) is not None:
                    break
                tail.append(token.text)
            phrase = " ".join([*(t.text for t in words), doc[noun].text, *tail]) if tail else ""
            phrase = phrase or " ".join([*(t.text for t in words), doc[noun].text])
            if len(members) < 2:
                continue
            body = state.create(
                phrase[:1].upper() + phrase[1:], EntityKind.CONSORTIUM, rule="formed-body", confidence=0.75
            ).id
        for member in members:
            if member.id != body:
                findings.append(
                    Finding(RelationshipKind.MEMBER_OF, member.id, body, "formed-body", 0.8, s, start)
                )
    return findings


def clusters(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The ministry will designate five locations ... as quantum clusters" (five new clusters),
    "designated Busan and Gwangju as quantum clusters" (one in each place)."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("DESIGNATE")):
        noun = end - 1
        designators = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        if not designators:
            continue
        modifiers: list[str] = []
        j = noun - 1
        while j > start and ((doc[j].is_lower and doc[j].is_alpha) or doc[j].text in {"“", '"', "‘"}):
            if doc[j].is_stop or doc[j].lower_ in EVALUATIVE | {"dedicated", "new", "designated"}:
                break
            if doc[j].is_alpha:
                modifiers.insert(0, doc[j].lower_)
            j -= 1
        singular = _singular(doc[noun].lower_)
        label = " ".join([*modifiers, singular])
        places = [m for m in s.first_party_after(start + 1, limit=3) if state.kind(m) is EntityKind.PLACE]
        status = _status(s, start)
        created: list[tuple[str, Mention | None]] = []
        if places:
            for place in places:
                name = f"{state.name(place.id)} {label}"
                country = state.registry.get(place.id).country
                made = state.create(
                    name,
                    EntityKind.CLUSTER,
                    rule="designated-cluster",
                    confidence=0.75,
                    status=status,
                    country=country,
                )
                created.append((made.id, place))
        else:
            count = _count(s, start + 1, noun, plural=doc[noun].lower_ != singular)
            if doc[start].lower_ not in _DESIGNATING and not _count(s, start + 1, noun, plural=True):
                count = 0  # "to build a research complex": a facility (or what a budget pays for)
            for number in range(1, count + 1):
                suffix = f" {number}" if count > 1 else ""
                name = f"{label[:1].upper()}{label[1:]}{suffix} (to be designated)"
                made = state.create(
                    name, EntityKind.CLUSTER, rule="designated-cluster", confidence=0.7, status=status
                )
                created.append((made.id, None))
        for cluster, where in created:
            for designator in designators:
                findings.append(
                    Finding(
                        RelationshipKind.ESTABLISHES,
                        designator.id,
                        cluster,
                        "designated-cluster",
                        0.8,
                        s,
                        start,
                    )
                )
            if where is not None:
                findings.append(
                    Finding(
                        RelationshipKind.LOCATED_IN,
                        cluster,
                        where.id,
                        "cluster-in-place",
                        0.8,
                        s,
                        start,
                        dated=False,
                    )
                )
            findings += _part_of(cluster, s, state, start)
    return findings


def _singular(word: str) -> str:
    if word.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _count(s: Sentence, start: int, end: int, *, plural: bool) -> int:
    for token in s.span.doc[start:end]:
        if token.lower_ in COUNT_WORDS and token.lower_ not in {"a", "an"}:
            return COUNT_WORDS[token.lower_]
        if token.like_num and token.text.isdigit() and 1 < int(token.text) <= 12:
            return int(token.text)
    return 0 if plural else 1


def leads_body(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Pusan National University will lead a consortium of shipbuilders ...": it leads the body
    (a new one, when the article only describes it), or the named project it leads."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("LEAD")):
        noun = end - 1
        leaders = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        if not leaders:
            continue
        named = s.at(noun)
        if named is not None:
            if named.via != "name" or state.kind(named) not in {
                EntityKind.CONSORTIUM,
                EntityKind.PROGRAMME,
                None,
            }:
                continue
            target = named.id
        else:
            words = _words_between(s, start + 1, noun)
            if words is None or not any(t.lower_ in {"a", "an"} for t in doc[start + 1 : noun]):
                continue
            tail: list[str] = []
            for token in doc[noun + 1 : min(s.clause_end(noun), noun + 12)]:
                if token.is_punct or s.at(token.i) is not None:
                    break
                tail.append(token.text)
            phrase = " ".join([*(t.text for t in words), doc[noun].text, *tail])
            kind = EntityKind.CONSORTIUM if doc[noun].lower_ in BODY_NOUNS else EntityKind.PROGRAMME
            target = state.create(
                phrase, kind, rule="leads-body", confidence=0.7, status=_status(s, start)
            ).id
        for leader in leaders:
            findings.append(Finding(RelationshipKind.LEADS, leader.id, target, "leads-body", 0.75, s, start))
    return findings


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
    if j is None or j + 2 >= end or doc[j + 1].lower_ not in {"a", "an"}:
        return None
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
        if noun in _INSTITUTE_NOUNS
        else EntityKind.CLUSTER
        if noun in CLUSTER_NOUNS
        else EntityKind.PROGRAMME
    )
    created = state.create(name, kind, rule=rule, confidence=0.6, status=_status(s, index))
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
    for j in range(index + 1, min(s.clause_end(index), index + 6)):
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


def launched_named(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Gangwon Province launched the Gangwon Quantum Valley": a named cluster, institute or body
    that the subject establishes (a named programme, it leads)."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("OPEN_NAMED")):
        j = end
        while j < s.span.end and doc[j].lower_ in {"the", "a", "an", "its", "their", "new"}:
            j += 1
        named = s.at(j)
        if named is None or named.via != "name" or not s.party(named):
            continue
        kind = state.kind(named)
        if kind not in {
            EntityKind.CLUSTER,
            EntityKind.RESEARCH_INSTITUTE,
            EntityKind.CONSORTIUM,
            EntityKind.PROGRAMME,
        }:
            continue
        founders = s.subject(start)
        if kind is EntityKind.CONSORTIUM and len(founders) > 1:
            continue  # several launching a body are its members (the rule for bodies says so)
        for founder in founders:
            if state.kind(founder) in ORGANISATIONS | {EntityKind.PLACE, None} and founder.id != named.id:
                relation = (
                    RelationshipKind.LEADS if kind is EntityKind.PROGRAMME else RelationshipKind.ESTABLISHES
                )
                findings.append(Finding(relation, founder.id, named.id, "launched-named", 0.8, s, start))
    return findings


RULES: list[Rule] = [facilities, bodies, clusters, leads_body, launched_named]
