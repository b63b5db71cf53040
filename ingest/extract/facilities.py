"""Facilities that organisations open: "IonQ will establish a joint research center in South
Korea" (a new research institute, where the sentence says), "a new Quantum Computing Center that
Yonsei is building", and named ones launched: "Gangwon Province launched the Gangwon Quantum
Valley"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from graph.model import EntityKind, RelationshipKind
from ingest.extract.lexicon import SUBSIDIARY_WORDS
from ingest.extract.mentions import ORGANISATIONS, SET_UP_KINDS
from ingest.extract.phrases import (
    INSTITUTE_NOUNS,
    entity_status,
    part_of_plan,
    place_after,
    words_between,
)
from ingest.extract.sentence import Finding, Mention, Sentence, first_per_start
from ingest.extract.state import ArticleState

Rule = Callable[[Sentence, ArticleState], list[Finding]]


_UNITS = SUBSIDIARY_WORDS | {"branch"}  # a branch opened under a name of its own is a part too
_COMPANY_NOUNS = frozenset(["subsidiary", "unit", "branch", "office", "plant", "factory", "fab", "site"])


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


_AUXILIARIES = frozenset(
    ["has", "have", "had", "will", "would", "is", "was", "also", "formally", "officially"]
)


def facilities(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "IonQ will establish a joint research center in South Korea": a new research institute
    that IonQ establishes, located where the sentence says."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("OPEN_FACILITY")):
        noun = end - 1
        founders = [
            m
            for m in s.subject(start)
            if state.kind(m) in ORGANISATIONS | {None}
            or (  # a city's government: "Seoul has launched", not "Daejeon researchers opened"
                state.kind(m) is EntityKind.PLACE
                and m.id not in state.countries
                and all(t.lower_ in _AUXILIARIES for t in doc[m.end : start])
            )
        ]
        named = s.at(noun)
        words = words_between(s, start + 1, noun) if named is None else []
        if not founders or words is None:
            continue
        founders += _joint_with(s, noun, words, founders, state)
        if named is not None:
            if named.via != "name" or state.kind(named) not in {
                EntityKind.RESEARCH_INSTITUTE,
                EntityKind.CLUSTER,
            }:
                continue
            target = named.id
            place = place_after(s, named.end, state, limit=2)  # "set up a ... Research Center in Cheongju"
            if place is not None:
                findings.append(_located(target, place, s, noun))
        elif (apposed := _apposed_name(s, noun, state)) is not None:
            target = apposed.id  # "a Korean subsidiary, Pasqal Korea, in Pohang": it has a name
            if state.kind(apposed) in {EntityKind.COMPANY, None}:
                findings += _unit_of(target, founders, s, noun, start, state)
            place = place_after(s, apposed.end, state) or place_after(
                s, end, state
            )  # "a subsidiary in Busan, X"
            if place is not None:
                findings.append(_located(target, place, s, noun))
            unit_country = _country_of_unit(s, noun, state)
            if unit_country is not None and (place is None or unit_country.id != place.id):
                findings.append(_located(target, unit_country, s, noun))  # "a Korean subsidiary, X,"
        else:
            place = (
                place_after(s, end, state) or _campus_place(s, end, state) or _place_before(s, noun, state)
            )
            owners = " and ".join(state.name(f.id) for f in founders)
            phrase = " ".join(t.text for t in [*words, doc[noun]])
            named_in = place is not None and place.end != noun  # "a Seoul office" says it already
            name = f"{owners} {phrase}" + (f" in {state.name(place.id)}" if place and named_in else "")
            noun_word = doc[noun].lower_
            kind = (
                EntityKind.UNIVERSITY
                if noun_word == "school"
                else EntityKind.PROGRAMME
                if noun_word in {"fund", "academy"}  # "launched a 100 billion won fund", a training academy
                else EntityKind.RESEARCH_INSTITUTE
                if noun_word in INSTITUTE_NOUNS
                else EntityKind.COMPANY
                if noun_word in _COMPANY_NOUNS
                else EntityKind.CLUSTER
            )
            country = state.registry.get(place.id).country if place else None
            created = state.create(
                name,
                kind,
                rule="opened-facility",
                confidence=0.75,
                status=entity_status(s, start),
                country=country,
                referable=True,
            )
            target = created.id
            state.opened = (target, noun_word, s)
            findings += _unit_of(target, founders, s, noun, start, state)  # "has opened a Korean subsidiary"
            if place is not None:
                findings.append(_located(target, place, s, noun))
        for founder in founders:
            findings.append(
                Finding(RelationshipKind.ESTABLISHES, founder.id, target, "opened-facility", 0.8, s, start)
            )
            if doc[noun].lower_ == "school" and state.kind(founder) is EntityKind.UNIVERSITY:
                findings.append(  # "KAIST opened a graduate school of ...": one of its schools
                    Finding(RelationshipKind.PART_OF, target, founder.id, "school-of", 0.75, s, start)
                )
        findings += _backed_with_money(target, s, state, end, founders)
        findings += part_of_plan(target, s, state, start)
    return findings + _being_built(s, state)


def named_next(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The ministry launched a national academy ... The Quantum Software Academy (QSA) will be
    run by KISTI": a name of the described facility's noun that opens the very next sentence
    is its name, and so is one that a later sentence gives it ("The subsidiary, to be called AQT
    Korea, will ..."); :func:`ingest.extract.rules.RuleExtractor.extract` renames it."""
    if state.opened is None:
        return []
    described, noun, where = state.opened
    named = _called(s, noun)
    if named is None and s.previous is where:
        named = state.new_name_opening(s, noun)
    if named is None and s.previous is where and noun in SUBSIDIARY_WORDS:
        named = _the_new_company(s)
    if (
        named is not None
        and named.id != described
        and state.kind(named) not in {EntityKind.PLACE, EntityKind.PERSON}
    ):
        state.renamed[described] = named.id
        state.opened = None
    return []


def _called(s: Sentence, noun: str) -> Mention | None:
    """The name in "The subsidiary, to be called AQT Korea, ..." or "The centre, named the
    Seongnam Photonic Centre, ...": a sentence opening with the described facility's noun."""
    doc = s.span.doc
    start = s.span.start
    if start + 4 >= s.span.end or doc[start].lower_ != "the" or doc[start + 1].lower_ != noun:
        return None
    j = start + 2
    if doc[j].text == ",":
        j += 1
    words = []
    while j < min(s.span.end, start + 8) and s.at(j) is None:
        words.append(doc[j].lower_)
        j += 1
    if words and words[-1] == "the":
        words = words[:-1]  # "named the Seongnam Photonic Centre"
    if not words or (words[-1] not in {"called", "named", "dubbed"} and words[-2:] != ["known", "as"]):
        return None
    found = s.at(j)
    return found if found is not None and found.via == "name" else None


def _unit_of(
    unit: str, founders: list[Mention], s: Sentence, noun: int, start: int, state: ArticleState
) -> list[Finding]:
    """A subsidiary is a part of the one company that set it up."""
    if s.span.doc[noun].lower_ not in _UNITS or len(founders) != 1:
        return []
    return [
        Finding(RelationshipKind.PART_OF, unit, f.id, "set-up-unit", 0.75, s, start, dated=False)
        for f in founders
        if state.kind(f) in {EntityKind.COMPANY, None} and f.id != unit
    ]


def _the_new_company(s: Sentence) -> Mention | None:
    """The name in "The new company, Diraq Korea, will be headquartered in Hwaseong", right after
    a company "has opened a Korean subsidiary": the unit described, now named."""
    doc = s.span.doc
    j = s.span.start
    if doc[j].lower_ != "the" or j + 4 >= s.span.end:
        return None
    j += 2 if doc[j + 1].lower_ == "new" else 1
    if doc[j].lower_ not in _UNIT_NOUNS or doc[j + 1].text != ",":
        return None
    found = s.at(j + 2)
    if found is None or found.via != "name" or found.end >= s.span.end or doc[found.end].text != ",":
        return None
    return found


_UNIT_NOUNS = SUBSIDIARY_WORDS | {"company", "firm", "entity", "venture"}


def _backed_with_money(
    facility: str, s: Sentence, state: ArticleState, after: int, founders: list[Mention]
) -> list[Finding]:
    """ "opened a graduate school ..., backed by 25 billion won from Samsung Electronics and SK
    hynix": each backer named after "from" funds the facility, with the amount."""
    doc = s.span.doc
    for j in range(after, s.span.end - 2):
        if doc[j].lower_ in {"which", "while", "whereas", "who", ";"} or s.at(j) is not None:
            return []  # another clause, or another party's backing
        if doc[j].lower_ not in {"backed", "funded", "financed"} or doc[j + 1].lower_ not in {"by", "with"}:
            continue
        money = s.money(j + 2, s.span.end)
        if not money or money[0].start > j + 3:
            return []
        source = next(
            (k for k in range(money[0].end, min(s.span.end, money[0].end + 3)) if doc[k].lower_ == "from"),
            None,
        )
        if source is None:
            return []
        backers = [
            m
            for m in s.first_party_after(source + 1, limit=4)
            if state.kind(m) in ORGANISATIONS | {EntityKind.PLACE} and m.id not in {f.id for f in founders}
        ]
        return [
            Finding(
                RelationshipKind.FUNDS,
                backer.id,
                facility,
                "backed-facility",
                0.75,
                s,
                j,
                amount=money[0].amount,
                currency=money[0].currency,
            )
            for backer in backers
        ]
    return []


def _located(facility: str, place: Mention, s: Sentence, noun: int) -> Finding:
    """A facility is where the sentence puts it; where it is does not date the opening."""
    kind = RelationshipKind.LOCATED_IN
    return Finding(kind, facility, place.id, "facility-in-place", 0.8, s, noun, dated=False)


def _joint_with(
    s: Sentence, noun: int, words: list[Token], founders: list[Mention], state: ArticleState
) -> list[Mention]:
    """ "Exail will open a joint laboratory with KERI": KERI sets it up too."""
    doc = s.span.doc
    if "joint" not in {t.lower_ for t in words} or noun + 2 >= s.span.end or doc[noun + 1].lower_ != "with":
        return []
    known = {f.id for f in founders}
    return [
        m
        for m in s.first_party_after(noun + 2, limit=2)
        if m.id not in known and state.kind(m) in ORGANISATIONS | {None}
    ]


def _country_of_unit(s: Sentence, noun: int, state: ArticleState) -> Mention | None:
    """ "a Korean subsidiary": the country a company's unit is set up in."""
    found = s.at(noun - 1)
    if s.span.doc[noun].lower_ in _UNITS and found is not None and found.id in state.countries:
        return found
    return None


def _place_before(s: Sentence, noun: int, state: ArticleState) -> Mention | None:
    """ "opened a Seoul office", "a new Daejeon lab": the place named right before the noun."""
    found = s.at(noun - 1)
    if found is not None and state.kind(found) is EntityKind.PLACE and found.id not in state.countries:
        return found
    return None


def _campus_place(s: Sentence, index: int, state: ArticleState) -> Mention | None:
    """ "a hub on the university's Suwon campus": the place that names the campus."""
    doc = s.span.doc
    for j in range(index, min(s.clause_end(index), index + 8)):
        found = s.at(j)
        if (
            found is not None
            and state.kind(found) is EntityKind.PLACE
            and found.end < s.span.end
            and doc[found.end].lower_ in {"campus", "site"}
        ):
            return found
    return None


_NAMED_FACILITY_KINDS = frozenset(
    {EntityKind.COMPANY, EntityKind.RESEARCH_INSTITUTE, EntityKind.CLUSTER, None}
)


def _apposed_name(s: Sentence, noun: int, state: ArticleState) -> Mention | None:
    """The name set beside a described facility: "a subsidiary, Pasqal Korea," or "a joint lab
    called the Q-Lab"."""
    doc = s.span.doc
    j = noun + 1
    place = s.at(j + 1) if j + 1 < s.span.end and doc[j].lower_ == "in" else None
    if place is not None and state.kind(place) is EntityKind.PLACE and place.end < s.span.end:
        j = place.end  # "a subsidiary in Busan, SBQuantum Korea,"
    if j < s.span.end and doc[j].lower_ in {",", "called", "named", "dubbed"}:
        j += 1
        if j < s.span.end and doc[j].lower_ == "the":
            j += 1
        found = s.at(j)
        closes = found is not None and (
            s.name_end(found) >= s.span.end or doc[s.name_end(found)].text in {",", ".", ";", "("}
        )  # "a subsidiary in Busan, SBQuantum Korea, to": not "a subsidiary in Busan, LG said"
        if (
            found is not None
            and closes
            and found.via == "name"
            and not found.modifier
            and state.kind(found) in _NAMED_FACILITY_KINDS
        ):
            return found
    return None


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


def launched_named(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Gangwon Province launched the Gangwon Quantum Valley", "The council will launch the
    Quantum Flagship Programme": a named cluster, institute, body or programme that the subject
    establishes."""
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
                findings.append(
                    Finding(
                        RelationshipKind.ESTABLISHES, founder.id, named.id, "launched-named", 0.8, s, start
                    )
                )
    return findings


_BEFORE_VERB = frozenset(["the", "has", "had", "have", "jointly", "first", "originally", "(", ")"])


def launched_which(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "the Quantum Cloud Access Programme, which the Ministry of Science and ICT (MSIT)
    launched in 2029", "the Flagship Project, the seven-year programme that MSIT launched": the
    relative clause's subject established the name it describes."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, _ in first_per_start(s.found("OPEN_NAMED")):
        founders: list[Mention] = []
        j = start - 1
        while j > s.span.start:
            found = s.at(j)
            if found is not None:
                group = s.group_left(found) if not founders else [found]  # "which A, B and C launched"
                founders[:0] = group
                j = group[0].start - 1
            elif doc[j].lower_ in _BEFORE_VERB or doc[j].is_upper:
                j -= 1
            else:
                break
        if not founders or doc[j].lower_ not in {"which", "that"} or j - 1 <= s.span.start:
            continue
        named = s.named_before(j - 2) if doc[j - 1].text == "," else s.apposed(j)
        if named is None or not s.party(named) or state.kind(named) not in SET_UP_KINDS:
            continue
        parties = [
            m
            for founder in founders
            if s.party(founder)
            for m in [founder, *_partners(founder)]
            if state.kind(m) in ORGANISATIONS | {EntityKind.PLACE, None} and m.id != named.id
        ]
        # a body that several found together has them as its members (see parts.founded_by)
        together = len(parties) > 1 and state.kind(named) is EntityKind.CONSORTIUM
        tie = RelationshipKind.MEMBER_OF if together else RelationshipKind.ESTABLISHES
        findings += [
            Finding(tie, party.id, named.id, "launched-which", 0.75, s, start)
            for party in parties
            if together or state.kind(party) is not None
        ]
    return findings


def _partners(mention: Mention) -> list[Mention]:
    """The others that "the two operators" stands for, beside the one it is a mention of."""
    ids = [i for i in (mention.partner, *mention.others) if i is not None]
    return [Mention(mention.start, mention.end, i, None, mention.via) for i in ids]


_NEW_FACILITY_NOUNS = frozenset(["lab", "laboratory", "center", "centre", "institute", "facility", "testbed"])


def new_facility(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The three will develop algorithms at a new laboratory on the UNIST campus": a facility
    the article introduces without saying who opens it. It becomes an entity (no tie yet) so that
    "Hyundai will fund the laboratory" and "the laboratory will be headed by ..." refer to it."""
    doc = s.span.doc
    opened = {end - 1 for _, end in s.found("OPEN_FACILITY")}
    findings: list[Finding] = []
    for i in range(s.span.start + 1, s.span.end - 2):
        if doc[i - 1].lower_ not in {"at", "in", "into", "through"} or doc[i].lower_ not in {"a", "an"}:
            continue
        if doc[i + 1].lower_ not in {"new", "joint", "dedicated"}:
            continue
        noun = next(
            (k for k in range(i + 2, min(s.span.end, i + 6)) if doc[k].lower_ in _NEW_FACILITY_NOUNS), None
        )
        if noun is None or noun in opened or s.at(noun) is not None:
            continue
        if any(not (t.is_lower and t.is_alpha) for t in doc[i + 1 : noun]):
            continue  # "a new Quantum Computing Center" is a name
        tail: list[str] = []
        for token in doc[noun + 1 : min(s.clause_end(noun), noun + 7)]:
            if token.is_punct or token.lower_ in _TAIL_ENDS:
                break
            tail.append(token.text)
        phrase = " ".join([*(t.text for t in doc[i + 2 : noun + 1]), *tail])
        owners = [state.name(m.id) for m in s.subject(i - 1) if state.kind(m) in ORGANISATIONS | {None}]
        phrase = f"{' and '.join(owners)} {phrase}" if owners else phrase  # not one "Lab in Seoul" for all
        known = state.create(
            phrase[:1].upper() + phrase[1:],
            EntityKind.RESEARCH_INSTITUTE,
            rule="new-facility",
            confidence=0.6,
        )
        if state.opened is None or state.opened[2] is not s:  # a later sentence may name it
            state.opened = (known.id, doc[noun].lower_, s)
        place = s.at(noun + 2) if noun + 2 < s.span.end and doc[noun + 1].lower_ == "in" else None
        if place is not None and state.kind(place) is EntityKind.PLACE and place.id not in state.countries:
            findings.append(_located(known.id, place, s, noun))  # "a new computing centre in Seongnam"
    return findings


_TAIL_ENDS = frozenset(
    ["and", "to", "that", "which", "where", "by", "under", "with", "from", "as", "after", "over", "through"]
)
"""Words that end a described facility's name: "a new computing centre in Seongnam under a
three-way memorandum" is the computing centre in Seongnam."""


RULES: list[Rule] = [named_next, facilities, launched_named, launched_which, new_facility]
