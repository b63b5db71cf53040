"""Rules for things an article describes rather than names, which become new entities: "a joint
research center in South Korea" that IonQ will establish, "a consultative body" three firms
formed, "five quantum clusters" a ministry will designate, "a national strategy" a country
released, "8.12 trillion won for R&D" a ministry allocated and how "this total" divides.

A described entity is named from the sentence ("IonQ joint research center in South Korea") and
marked ``named: false`` in the proposal, so a reviewer knows to give it a proper name.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.model import EntityKind, RelationshipKind
from ingest.extract.lexicon import (
    BODY_NOUNS,
    COUNT_WORDS,
    EVALUATIVE,
)
from ingest.extract.mentions import ORGANISATIONS
from ingest.extract.phrases import entity_status, part_of_plan, words_between
from ingest.extract.sentence import Finding, Mention, Sentence, first_per_start
from ingest.extract.state import ArticleState

Rule = Callable[[Sentence, ArticleState], list[Finding]]


_FOUNDED = frozenset(["founded", "formed", "launched", "established", "created", "co-founded", "set"])


_DESIGNATING = frozenset(
    ["designate", "designates", "designated", "designating", "select", "selects", "selected"]
)


_ENDS = frozenset({",", ".", ";", ":", "while", "whereas", "and", "representing", "which"})


def bodies(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Firms including A, B, and C have formed a consultative body focused on ...": each is a
    member of the body (new, unless the body is named)."""
    findings: list[Finding] = []
    doc = s.span.doc
    findings += _founded_which(s, state)
    findings += _body_named_next(s, state)
    for start, end in first_per_start(s.found("FORM_BODY")):
        noun = end - 1
        members = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        members += [m for m in s.object(end, frozenset({"with"}), limit=3) if state.kind(m) in ORGANISATIONS]
        named = s.at(noun)
        if named is not None:
            if named.via != "name" or state.kind(named) not in {EntityKind.CONSORTIUM, None}:
                continue
            if len(members) < 2:
                continue  # one launching a named body sets it up (launched_named), it is no member
            body = named.id
        else:
            words = words_between(s, start + 1, noun)
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
            listed = _brought_together(s, noun)
            founders = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {EntityKind.PLACE}]
            if len(members) < 2 and not (founders and listed):
                if founders and {m.id for m in members} <= {f.id for f in founders}:
                    # one founder alone ("MSIT launched a national consortium"): its name may follow
                    state.unnamed_body = ([f.id for f in founders], doc[noun].lower_, s)
                continue
            body = state.create(
                phrase[:1].upper() + phrase[1:], EntityKind.CONSORTIUM, rule="formed-body", confidence=0.75
            ).id
            if len(members) < 2:  # "Busan launched a consortium ..., bringing together A, B and C"
                members = listed
                findings += [
                    Finding(RelationshipKind.ESTABLISHES, f.id, body, "launched-body", 0.75, s, start)
                    for f in founders
                ]
        for member in members:
            if member.id != body:
                findings.append(
                    Finding(RelationshipKind.MEMBER_OF, member.id, body, "formed-body", 0.8, s, start)
                )
    return findings


def _body_named_next(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Busan Metropolitan City has set up a consortium to ... The Busan Photonic Quantum
    Consortium (BPQC) will be chaired by ...": a body of that noun that the very next sentence
    opens with is the one its founders set up."""
    if state.unnamed_body is None:
        return []
    founders, noun, formed = state.unnamed_body
    if s.previous is not formed:
        return []
    state.unnamed_body = None
    first = state.new_name_opening(s, noun)
    if first is None or state.kind(first) is not EntityKind.CONSORTIUM:
        return []
    return [
        Finding(
            RelationshipKind.ESTABLISHES,
            founder,
            first.id,
            "body-named-next",
            0.7,
            formed,
            formed.span.start,
            also=[s],  # the sentence that names it
        )
        for founder in founders
        if founder != first.id
    ]


def _brought_together(s: Sentence, noun: int) -> list[Mention]:
    """The members a sentence lists after the body it forms: "..., bringing together A, B and
    C", "comprising A and B", "that includes A and B"."""
    doc = s.span.doc
    for start, end in s.found("BRINGS_TOGETHER"):
        if start > noun:
            return s.first_party_after(end, limit=4)
    for token in doc[noun + 1 : s.span.end]:
        if token.lower_ in {"including", "includes", "include"} and token.i > noun:
            return s.first_party_after(token.i + 1, limit=4)
    return []


def _founded_which(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "the Global Telco AI Alliance, which both operators founded with e& and Singtel": every
    founder is a member of the body."""
    doc = s.span.doc
    findings: list[Finding] = []
    for body in s.mentions:
        j = body.end
        if state.kind(body) is not EntityKind.CONSORTIUM or j + 3 >= s.span.end:
            continue
        if doc[j].text == ",":
            j += 1
        if doc[j].lower_ not in {"which", "that"}:
            continue
        verb = next((k for k in range(j + 1, min(s.span.end, j + 6)) if doc[k].lower_ in _FOUNDED), None)
        if verb is None:
            continue
        named = [m for m in s.mentions if j < m.start < verb and s.party(m)]
        founders = [*named, *(Mention(m.start, m.end, m.partner, None) for m in named if m.partner)]
        founders += s.object(verb, frozenset({"with"}), limit=3)
        for founder in founders:
            if founder.id != body.id and state.kind(founder) in ORGANISATIONS | {None}:
                findings.append(
                    Finding(RelationshipKind.MEMBER_OF, founder.id, body.id, "founded-body", 0.75, s, verb)
                )
    return findings


def clusters(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The ministry will designate five locations ... as quantum clusters" (five new clusters),
    "designated Busan and Gwangju as quantum clusters" (one in each place)."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("DESIGNATE")):
        noun = end - 1
        if (named := s.at(noun)) is not None and named.via == "name":
            continue  # "selected the Gwangju Quantum Photonics Cluster": one named, not a new one
        designators = [
            m
            for m in s.subject(start)
            if state.kind(m) in ORGANISATIONS | {None}
            or (state.kind(m) is EntityKind.PLACE and m.id not in state.countries)  # a province acts
        ]
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
        status = entity_status(s, start)
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
            findings += part_of_plan(cluster, s, state, start)
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
        if any(t.text == "," for t in doc[start:noun]):
            continue  # "the Alliance, which KT chairs, runs a programme": another clause's noun
        leaders = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        if not leaders:
            continue
        named = s.at(noun)
        if named is not None:
            # "KT, which will chair the alliance": a body named before, or this one by its name
            referred = named.via == "anaphora" and state.kind(named) is EntityKind.CONSORTIUM
            if (named.via != "name" and not referred) or not s.party(named):
                continue
            if state.kind(named) not in {EntityKind.CONSORTIUM, EntityKind.PROGRAMME, None}:
                continue
            target = named.id
        else:
            words = words_between(s, start + 1, noun)
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
                phrase, kind, rule="leads-body", confidence=0.7, status=entity_status(s, start)
            ).id
        for leader in leaders:
            findings.append(Finding(RelationshipKind.LEADS, leader.id, target, "leads-body", 0.75, s, start))
    return findings


def led_body(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The authority has chosen a consortium led by KT", "carried out by a consortium led by
    Hanwha Systems": a new body that its leaders lead and belong to ("The consortium also
    includes ..." and "Its other members are ..." then refer to it)."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in s.found("LED_BY"):
        if doc[start].lower_ not in {"led", "co-led"}:
            continue  # "a consortium backed by Samsung": backing is no leading
        noun = start - 1
        if noun <= s.span.start or doc[noun].lower_ not in BODY_NOUNS - {"group", "network", "forum"}:
            continue
        if s.at(noun) is not None:
            continue  # "the Quantum Alliance led by": a name, read by chaired_by
        words = list(doc[max(s.span.start, noun - 4) : noun])
        opening = next((k for k in range(len(words) - 1, -1, -1) if words[k].lower_ in {"a", "an"}), None)
        if opening is None or any(not (t.is_lower and t.is_alpha) for t in words[opening + 1 :]):
            continue
        leaders = [m for m in s.first_party_after(end, limit=2) if state.kind(m) in ORGANISATIONS | {None}]
        if not leaders or s.describes_a_noun(leaders[-1]):
            continue  # "an association led by former KT executives": the executives lead it
        described = " ".join(t.text for t in [*words[opening + 1 :], doc[noun]])
        name = f"{' and '.join(state.name(m.id) for m in leaders)}-led {described}"
        body = state.create(
            name, EntityKind.CONSORTIUM, rule="led-body", confidence=0.7, status=entity_status(s, start)
        ).id
        state.described_body = (body, s)
        for leader in leaders:
            findings.append(Finding(RelationshipKind.LEADS, leader.id, body, "led-body", 0.75, s, start))
            findings.append(Finding(RelationshipKind.MEMBER_OF, leader.id, body, "led-body", 0.75, s, start))
    return findings


RULES: list[Rule] = [bodies, clusters, leads_body, led_body]
