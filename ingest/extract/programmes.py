"""Plans and budgets: "South Korea has released a national strategy" (a new programme of that
country), "the plan, announced Thursday by the Ministry" (the ministry leads it; a national plan
announced by a ministry also says the ministry is that country's), "the ministry will allocate
8.12 trillion won for R&D" (a budget the ministry funds), "of this total, 6.44 trillion won is
earmarked for science" (a part of that budget). Also "X, launched by Y" for a named body."""

from __future__ import annotations

from graph.model import EntityKind, EntityStatus, RelationshipKind
from ingest.extract.described import Rule
from ingest.extract.lexicon import CLUSTER_NOUNS, FACILITY_NOUNS, PREPOSITIONS
from ingest.extract.mentions import ORGANISATIONS
from ingest.extract.phrases import words_between
from ingest.extract.sentence import Finding, Sentence, first_per_start
from ingest.extract.state import ArticleState

_FOUNDING = frozenset(
    [
        "launch",
        "launches",
        "launched",
        "establish",
        "established",
        "create",
        "created",
        "found",
        "founded",
        "set",
    ]
)
_GIVERS = frozenset(
    [
        "allocate",
        "allocates",
        "allocated",
        "allocating",
        "earmark",
        "earmarks",
        "earmarked",
        "set",
        "sets",
        "provide",
        "provides",
        "provided",
        "commit",
        "commits",
        "committed",
        "pledge",
        "pledges",
        "pledged",
    ]
)
_PURPOSE_VERBS = frozenset({"support", "supports", "fund", "funds", "cover", "covers", "go", "goes"})
_STOPS = frozenset({",", ".", ";", ":", "while", "whereas", "representing", "which", "—", "("})
_BUILD = frozenset(["build", "establish", "create", "develop", "construct"])
_BRIDGES = frozenset(
    [
        "is",
        "are",
        "was",
        "will",
        "would",
        "be",
        "been",
        "earmarked",
        "allocated",
        "set",
        "aside",
        "to",
        "be",
        "going",
    ]
)
_OF_TOTAL = frozenset({"total", "amount", "sum", "budget", "figure"})


def released_plans(s: Sentence, state: ArticleState) -> list[Finding]:
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("RELEASE_PLAN")):
        noun = end - 1
        issuers = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {EntityKind.PLACE, None}]
        named = s.at(noun)
        if not issuers or (named is not None and state.kind(named) is not EntityKind.PROGRAMME):
            continue
        if named is not None:
            programme = named.id
        else:
            words = words_between(s, start + 1, noun)
            if words is None or not any(
                t.lower_ in {"a", "an", "its", "their"} for t in doc[start + 1 : noun]
            ):
                continue
            owner = state.name(issuers[0].id)
            phrase = " ".join(t.text for t in [*words, doc[noun]])
            place = state.registry.get(issuers[0].id)
            country = place.country if place.kind is EntityKind.PLACE else None
            programme = state.create(
                f"{owner} {phrase}",
                EntityKind.PROGRAMME,
                rule="released-plan",
                confidence=0.7,
                plan=True,
                country=country,
            ).id
        state.programme = programme
        for issuer in issuers:
            if state.kind(issuer) is EntityKind.PLACE:
                state.issuers[programme] = (issuer.id, s)
            else:
                findings.append(
                    Finding(RelationshipKind.LEADS, issuer.id, programme, "released-plan", 0.75, s, start)
                )
    return findings


def announced_by(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The plan, announced Thursday by the Ministry of Science and ICT, ...": the ministry leads
    the plan; "the Quantum Industry Consortium launched by the ministry": it established it."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in s.found("ANNOUNCED_BY"):
        subject = s.subject(start, max_gap=2)
        parties = s.first_party_after(end, limit=3)
        actors = [m for m in parties if state.kind(m) in ORGANISATIONS | {None}]
        if len(subject) != 1 or not actors:
            continue
        thing = subject[0]
        kind = state.kind(thing)
        launched = doc[start].lower_ in _FOUNDING
        if launched and kind is EntityKind.CONSORTIUM and len(parties) > 1:
            # "The alliance was launched by the provincial government, KENTECH, GIST and KEPCO":
            # those who launch a body together are its members
            findings += [
                Finding(RelationshipKind.MEMBER_OF, m.id, thing.id, "launched-together", 0.75, s, start)
                for m in parties
                if m.id != thing.id and state.kind(m) in ORGANISATIONS | {EntityKind.PLACE, None}
            ]
            continue
        for actor in actors:
            if kind is EntityKind.PROGRAMME:
                # a plan announced is its issuer's to lead; a programme launched, its creation
                findings.append(
                    Finding(
                        RelationshipKind.ESTABLISHES if launched else RelationshipKind.LEADS,
                        actor.id,
                        thing.id,
                        "launched-by" if launched else "announced-by",
                        0.8,
                        s,
                        start,
                    )
                )
                issuer = state.issuers.get(thing.id)
                if issuer is not None and state.kind(actor) is EntityKind.GOVERNMENT_BODY:
                    findings.append(
                        Finding(
                            RelationshipKind.LOCATED_IN,
                            actor.id,
                            issuer[0],
                            "government-of-issuer",
                            0.6,
                            s,
                            start,
                            also=[issuer[1]],
                            dated=False,
                        )
                    )
            elif (
                kind in {EntityKind.CONSORTIUM, EntityKind.CLUSTER, EntityKind.RESEARCH_INSTITUTE}
                and doc[start].lower_ in _FOUNDING
            ):
                findings.append(
                    Finding(RelationshipKind.ESTABLISHES, actor.id, thing.id, "launched-by", 0.8, s, start)
                )
    return findings


def budgets(s: Sentence, state: ArticleState) -> list[Finding]:
    """A government allocating an amount for a purpose that is not an entity: a new budget; or
    pledging it "to build" something: the thing to be built, which it funds."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, _ in first_per_start(s.found("FUND")):
        if doc[start].lower_ not in _GIVERS:
            continue
        money = s.money(start, s.clause_end(start))
        funders = [
            m for m in s.subject(start) if state.kind(m) in {EntityKind.GOVERNMENT_BODY, EntityKind.PLACE}
        ]
        if not money or not funders:
            continue
        built = _to_build(s, money[0].end, state)
        purpose = _purpose(s, money[0].end) if built is None else ""
        if built is not None:
            target, rule = built, "funds-what-it-builds"
        elif purpose and len(funders) == 1:
            name = f"{state.name(funders[0].id)} budget for {purpose}"
            target = state.create(name, EntityKind.PROGRAMME, rule="allocated-budget", confidence=0.7).id
            state.budget, rule = (target, funders[0].id), "allocated-budget"
        else:
            continue
        for funder in funders:
            findings.append(
                Finding(
                    RelationshipKind.FUNDS,
                    funder.id,
                    target,
                    rule,
                    0.75,
                    s,
                    start,
                    amount=money[0].amount,
                    currency=money[0].currency,
                )
            )
    return findings


def _to_build(s: Sentence, index: int, state: ArticleState) -> str | None:
    """ "... 50 billion won to build a quantum research complex near the POSTECH campus": the
    complex, a new entity (a cluster, or a research institute for a center or a lab)."""
    doc = s.span.doc
    words = [t.lower_ for t in doc[index : index + 3]]
    if words[:1] != ["to"] or len(words) < 3 or words[1] not in _BUILD or words[2] not in {"a", "an"}:
        return None
    phrase: list[str] = []
    for token in doc[index + 3 : min(s.clause_end(index), index + 10)]:
        if not (token.is_alpha and token.is_lower) or token.is_stop or token.lower_ in PREPOSITIONS:
            break
        phrase.append(token.text)
    if not phrase or phrase[-1].lower() not in CLUSTER_NOUNS | FACILITY_NOUNS:
        return None
    kind = EntityKind.CLUSTER if phrase[-1].lower() in CLUSTER_NOUNS else EntityKind.RESEARCH_INSTITUTE
    return state.create(
        " ".join(phrase), kind, rule="funded-to-build", confidence=0.65, status=EntityStatus.PLANNED
    ).id


def budget_parts(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Of this total, 6.44 trillion won is earmarked for science and technology, while 1.68
    trillion won will support ICT programs": two parts of the last budget, funded alike."""
    if state.budget is None:
        return []
    opening = [t.lower_ for t in list(s.span)[:4]]
    if not (opening[:1] == ["of"] and _OF_TOTAL & set(opening[1:])) and opening[:2] != ["of", "which"]:
        return []
    budget, funder = state.budget
    findings: list[Finding] = []
    for money in s.money(s.span.start, s.span.end):
        purpose = _purpose(s, money.end)
        if not purpose:
            continue
        part = state.create(
            f"{state.name(budget)}: {purpose}", EntityKind.PROGRAMME, rule="budget-part", confidence=0.7
        ).id
        findings.append(
            Finding(
                RelationshipKind.FUNDS,
                funder,
                part,
                "budget-part",
                0.7,
                s,
                money.start,
                amount=money.amount,
                currency=money.currency,
            )
        )
        findings.append(
            Finding(RelationshipKind.PART_OF, part, budget, "budget-part", 0.7, s, money.start, dated=False)
        )
    return findings


def _purpose(s: Sentence, index: int) -> str:
    """What an amount is for: the words after "for" (or "will support") up to the clause's end."""
    doc = s.span.doc
    j = index
    while j < min(s.span.end, index + 6) and doc[j].lower_ not in {"for", *_PURPOSE_VERBS}:
        if doc[j].lower_ not in _BRIDGES:
            return ""
        j += 1
    if j >= s.span.end or doc[j].lower_ not in {"for", *_PURPOSE_VERBS}:
        return ""
    words: list[str] = []
    for token in doc[j + 1 : min(s.span.end, j + 16)]:
        if token.lower_ in _STOPS or s.at(token.i) is not None:
            break
        words.append(token.text)
    return " ".join(words).strip()


RULES: list[Rule] = [released_plans, announced_by, budgets, budget_parts]
