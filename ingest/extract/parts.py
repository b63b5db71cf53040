"""What belongs to what, and who owns whom: "POSTECH's Department of Physics" and "Microsoft's
venture fund M12" (a unit of its owner), "the Niels Bohr Institute at the University of
Copenhagen", "made the Swiss company part of the SK group", and "majority-owned by Honeywell"
(an owner invests in what it owns)."""

from __future__ import annotations

from graph.model import EntityKind, RelationshipKind
from ingest.extract.lexicon import PLACE_MODIFIER_SUFFIXES, PREPOSITIONS, SUBSIDIARY_WORDS, TITLE_WORDS
from ingest.extract.mentions import ORGANISATIONS, OWNED_NOUNS
from ingest.extract.sentence import Finding, Mention, Sentence
from ingest.extract.state import ArticleState

UNIT_WORDS = frozenset(
    [
        "unit",
        "units",
        "arm",
        "division",
        "subsidiary",
        "subsidiaries",
        "affiliate",
        "fund",
        "lab",
        "laboratory",
        "institute",
        "department",
        "school",
        "college",
        "center",
        "centre",
        "branch",
        "venture",
    ]
)
_GOVERNMENT_UNIT_WORDS = frozenset(["agency", "agencies"])  # "the ministry's grant agency"


def _unit_words(owner: Mention, state: ArticleState) -> frozenset[str]:
    """The words that make a unit of ``owner``: an agency only of a government ("Qunova's PR
    agency" is a supplier)."""
    government = state.kind(owner) is EntityKind.GOVERNMENT_BODY
    return UNIT_WORDS | _GOVERNMENT_UNIT_WORDS if government else UNIT_WORDS


_UNIT_NAMES = frozenset(
    ["department", "school", "college", "faculty", "institute", "laboratory", "lab", "center", "centre"]
)
_INSTITUTES = frozenset({EntityKind.RESEARCH_INSTITUTE, EntityKind.GOVERNMENT_BODY, None})
_HOSTS = frozenset({EntityKind.UNIVERSITY, EntityKind.RESEARCH_INSTITUTE})
_BEFORE_PART = frozenset(
    {"is", "are", "was", "were", "be", "become", "became", "now", "also", "remains", "a"}
)


_ACADEMIC_UNITS = frozenset({"school", "department", "faculty", "college", "division", "graduate"})


def units(s: Sentence, state: ArticleState) -> list[Finding]:
    """An organisation's possessive before a unit: "Microsoft's venture fund M12"."""
    findings: list[Finding] = []
    doc = s.span.doc
    for owner in s.mentions:
        if not s.possessive(owner) or state.kind(owner) not in ORGANISATIONS | {None}:
            continue
        if state.kind(owner) is EntityKind.PLACE:
            continue
        j = owner.end + 1
        words: list[str] = []
        while j < min(s.span.end, owner.end + 5) and s.at(j) is None and doc[j].is_lower and doc[j].is_alpha:
            if doc[j].lower_ in PREPOSITIONS:
                break
            words.append(doc[j].lower_)
            j += 1
        unit = s.at(j) if j < s.span.end else None
        if unit is None or unit.id == owner.id or not s.party(unit) or state.kind(unit) is EntityKind.PLACE:
            continue
        name = state.registry.get(unit.id).name.lower().split()
        followed = (
            unit.end < s.span.end
            and doc[unit.end].is_lower
            and doc[unit.end].is_alpha
            and not doc[unit.end].is_stop
        )
        institute = state.kind(unit) is EntityKind.RESEARCH_INSTITUTE and not followed
        academic = state.kind(owner) in {EntityKind.UNIVERSITY, EntityKind.RESEARCH_INSTITUTE} and bool(
            _ACADEMIC_UNITS & set(name)
        )  # "the university's Graduate School of Semiconductor Technology"
        if _unit_words(owner, state) & set(words) or (
            not words and ((name and name[0] in _UNIT_NAMES) or institute or academic)
        ):
            findings.append(
                Finding(
                    RelationshipKind.PART_OF, unit.id, owner.id, "unit-of", 0.75, s, unit.start, dated=False
                )
            )
    return findings


def unit_appositions(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "T-Labs, Deutsche Telekom's research unit, designed ...": a unit of its owner."""
    findings: list[Finding] = []
    doc = s.span.doc
    for unit in s.mentions:
        if unit.end + 2 >= s.span.end or doc[unit.end].text != "," or not s.party(unit):
            continue
        owner = s.at(unit.end + 1)
        if owner is None:
            owned = _owned_apposition(s, unit, state)
            if owned is not None:
                findings.append(owned)
            continue
        if not s.possessive(owner) or state.kind(owner) not in ORGANISATIONS | {None}:
            continue
        words = []
        for token in doc[owner.end + 1 : min(s.span.end, owner.end + 6)]:
            if not (token.is_alpha and token.is_lower):
                break
            words.append(token.lower_)
        if _unit_words(owner, state) & set(words) and owner.id != unit.id:
            findings.append(
                Finding(
                    RelationshipKind.PART_OF,
                    unit.id,
                    owner.id,
                    "unit-apposition",
                    0.75,
                    s,
                    unit.start,
                    dated=False,
                )
            )
    return findings


def _owned_apposition(s: Sentence, unit: Mention, state: ArticleState) -> Finding | None:
    """ "Hanwha Aerospace, a Hanwha Group company", "the ITU, the Geneva-based United Nations
    agency" (the owner's name as an adjective), and "Naver Cloud, the cloud services arm of
    internet company Naver": a part of its owner."""
    doc = s.span.doc
    comma = s.name_end(unit)
    if comma + 2 >= s.span.end or doc[comma].text != "," or doc[comma + 1].lower_ not in {"a", "an", "the"}:
        return None
    j = comma + 2
    owner: Mention | None = None
    while j < min(s.span.end, comma + 8):
        found = s.at(j)
        if found is not None:
            if found.modifier and found.end < s.span.end and doc[found.end].lower_ in OWNED_NOUNS:
                owner = found  # "a Hanwha Group company"
                break
            if not found.modifier:
                return None
            j = found.end
            continue
        token = doc[j]
        if token.lower_ in UNIT_WORDS | OWNED_NOUNS and j + 1 < s.span.end and doc[j + 1].lower_ == "of":
            after = s.first_party_after(j + 2, limit=4)  # "the cloud services arm of internet company Naver"
            owner = after[0] if after else None
            break
        if token.lower_ in _GOVERNMENT_UNIT_WORDS and j + 1 < s.span.end and doc[j + 1].lower_ == "of":
            after = s.first_party_after(j + 2, limit=4)  # "an agency of the provincial government"
            owner = after[0] if after and _a_government(after[0], s, state) else None
            break
        if not (token.is_lower or token.lower_.endswith(PLACE_MODIFIER_SUFFIXES)):
            return None
        j += 1
    if owner is None or owner.id == unit.id:
        return None
    if state.kind(owner) not in ORGANISATIONS | {None} and not _a_government(owner, s, state):
        return None
    return Finding(
        RelationshipKind.PART_OF, unit.id, owner.id, "owned-apposition", 0.7, s, unit.start, dated=False
    )


def _a_government(owner: Mention, s: Sentence, state: ArticleState) -> bool:
    """A ministry, or a place named as its government ("the provincial government", "the Seoul
    Metropolitan Government"): one whose agencies are parts of it."""
    if state.kind(owner) is EntityKind.GOVERNMENT_BODY:
        return True
    doc = s.span.doc
    return (
        state.kind(owner) is EntityKind.PLACE
        and owner.end - owner.start > 1
        and doc[owner.end - 1].lower_ in {"government", "city", "province"}
    )


def hosted_at(s: Sentence, state: ArticleState) -> list[Finding]:
    """An institute "at" a university: "the Niels Bohr Institute at the University of Copenhagen"."""
    findings: list[Finding] = []
    doc = s.span.doc
    for inner in s.mentions:
        if state.kind(inner) not in _INSTITUTES or inner.via != "name" or inner.end + 1 >= s.span.end:
            continue
        if doc[inner.end].lower_ != "at":
            continue
        host = s.first_party_after(inner.end + 1, limit=2)
        if host and state.kind(host[0]) in _HOSTS and host[0].id != inner.id:
            findings.append(
                Finding(
                    RelationshipKind.PART_OF,
                    inner.id,
                    host[0].id,
                    "institute-at",
                    0.75,
                    s,
                    inner.start,
                    dated=False,
                )
            )
    return findings


_UNDER_NOUNS = frozenset(
    {"institute", "institutes", "agency", "agencies", "body", "bodies", "institution", "lab"}
)


def institute_under(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "KISTI, a Daejeon-based institute under the National Research Council of Science and
    Technology": an institute or agency under a body is part of it."""
    findings: list[Finding] = []
    doc = s.span.doc
    for inner in s.mentions:
        comma = s.name_end(inner)
        if comma + 3 >= s.span.end or doc[comma].text != "," or not s.party(inner):
            continue
        if state.kind(inner) not in ORGANISATIONS | {None} or doc[comma + 1].lower_ not in {"a", "an", "the"}:
            continue
        for j in range(comma + 2, min(s.span.end - 1, comma + 7)):
            token, named = doc[j], s.at(j)
            if token.text in {",", ";", "."} or (named is not None and not named.modifier):
                break  # the description ended, or it names something else
            if token.lower_ in _UNDER_NOUNS and doc[j + 1].lower_ == "under":
                whole = s.first_party_after(j + 2, limit=3)
                if whole and state.kind(whole[0]) in ORGANISATIONS and whole[0].id != inner.id:
                    findings.append(
                        Finding(
                            RelationshipKind.PART_OF,
                            inner.id,
                            whole[0].id,
                            "institute-under",
                            0.75,
                            s,
                            j,
                            dated=False,
                        )
                    )
                break
    return findings


def part_of(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "X is part of Y", "made X part of Y"."""
    findings: list[Finding] = []
    doc = s.span.doc
    for token in s.span:
        if token.lower_ != "part" or token.i + 1 >= s.span.end or doc[token.i + 1].lower_ != "of":
            continue
        j = token.i - 1
        while j >= s.span.start and doc[j].lower_ in _BEFORE_PART | {","}:
            j -= 1  # "X is part of Y", "X, part of Y,"
        inner = s.at(j) if j >= s.span.start else None
        whole = s.first_party_after(token.i + 2, limit=3)
        if inner is None or not whole or not s.party(inner):
            continue
        if state.kind(inner) in ORGANISATIONS | {None} and state.kind(whole[0]) in ORGANISATIONS | {None}:
            findings.append(
                Finding(
                    RelationshipKind.PART_OF, inner.id, whole[0].id, "part-of", 0.75, s, token.i, dated=False
                )
            )
    return findings


_MEMBERSHIP_WORDS = frozenset({"alliance", "consortium", "association", "cluster", "forum", "federation"})


def belongs_to(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "ETRI, which ... belongs to the National Research Council of Science and Technology": a
    part of the organisation it belongs to, or a member of the alliance or cluster."""
    findings: list[Finding] = []
    doc = s.span.doc
    for token in s.span:
        if token.lower_ not in {"belongs", "belong"} or token.i + 1 >= s.span.end:  # "once belonged": no more
            continue
        if doc[token.i + 1].lower_ != "to":
            continue
        inner = s.subject(token.i)
        whole = s.first_party_after(token.i + 2, limit=3)
        organisations = ORGANISATIONS | {None}
        if len(inner) != 1 or not whole or state.kind(inner[0]) not in organisations:
            continue
        if state.kind(whole[0]) in organisations and whole[0].id != inner[0].id:
            # "KT belongs to the alliance" is a member; "ETRI belongs to the NST" (a council) a part
            body = _MEMBERSHIP_WORDS & set(state.name(whole[0].id).lower().split())
            tie = RelationshipKind.MEMBER_OF if body else RelationshipKind.PART_OF
            findings.append(
                Finding(tie, inner[0].id, whole[0].id, "belongs-to", 0.75, s, token.i, dated=False)
            )
    return findings


def owned_by(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Quantinuum, which is majority-owned by Honeywell": the owner invests in it."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in s.found("OWNED_BY"):
        apposed = s.apposed(start)
        owned = [apposed] if apposed is not None else s.subject(start, max_gap=4)
        owned = [m for m in owned if state.kind(m) in ORGANISATIONS | {None}]
        owners = [m for m in s.first_party_after(end, limit=3) if state.kind(m) in ORGANISATIONS | {None}]
        for thing in owned:
            for owner in owners:
                if thing.id != owner.id:
                    rule = "owned-by" if doc[start].lower_ != "backed" else "backed-by"
                    findings.append(
                        Finding(RelationshipKind.INVESTS_IN, owner.id, thing.id, rule, 0.75, s, start)
                    )
    return findings


def founded_by(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Q-CTRL, founded in 2017 by professor Michael Biercuk": the founder established it."""
    findings: list[Finding] = []
    for start, end in s.found("FOUNDED_BY"):
        apposed = s.apposed(start)  # "the Fund, a 120 billion won vehicle set up by ..."
        founded = [apposed] if apposed is not None else s.subject(start, max_gap=2)
        founded = [
            m
            for m in founded
            if state.kind(m) in ORGANISATIONS | {EntityKind.PROGRAMME, EntityKind.CLUSTER, None}
        ]
        founders = s.first_party_after(end, limit=5)
        doc = s.span.doc
        founders = [
            (s.at(f.end + 1) or f) if f.end + 1 < s.span.end and doc[f.end].lower_ in TITLE_WORDS else f
            for f in founders
        ]  # "by University of Sydney professor Michael Biercuk": the professor
        unit = _the_unit_that(s, start) and len(founders) == 1
        for thing in founded:
            # "K-QECC was formed by KRISS, Korea University, ETRI and SK Telecom": a body that
            # several form together has them as its members (one that a ministry establishes, not)
            together = (
                doc[start].lower_ == "formed"
                and len(founders) > 1
                and state.kind(thing) is EntityKind.CONSORTIUM
                and all(state.kind(f) in _MEMBER_KINDS for f in founders)
            )
            tie, rule = (
                (RelationshipKind.MEMBER_OF, "formed-by")
                if together
                else (RelationshipKind.ESTABLISHES, "founded-by")
            )
            for founder in founders:
                if founder.id != thing.id and (
                    state.kind(founder) is not EntityKind.PLACE or _a_government(founder, s, state)
                ):  # "set up by Gwangju Metropolitan City and GIST": the city's government
                    findings.append(Finding(tie, founder.id, thing.id, rule, 0.75, s, start))
                    if (
                        unit
                        and state.kind(founder) in _COMPANY_OR_NONE
                        and state.kind(thing) in _COMPANY_OR_NONE
                    ):
                        findings.append(
                            Finding(
                                RelationshipKind.PART_OF,
                                thing.id,
                                founder.id,
                                "subsidiary-set-up-by",
                                0.75,
                                s,
                                start,
                                dated=False,
                            )
                        )
    return findings


_MEMBER_KINDS = frozenset(
    {EntityKind.COMPANY, EntityKind.UNIVERSITY, EntityKind.RESEARCH_INSTITUTE, EntityKind.CONSORTIUM, None}
)


def _the_unit_that(s: Sentence, index: int) -> bool:
    """ "Atom Computing Korea, the subsidiary that was set up by ...": the thing set up is called a
    unit right before the verb at ``index``, in a relative clause of its own."""
    doc = s.span.doc
    words = [t.lower_ for t in doc[max(s.span.start, index - 8) : index]]
    for k, word in enumerate(words[:-1]):
        if word in SUBSIDIARY_WORDS and k >= 2 and words[k - 1] in {"the", "a"} and words[k - 2] == ",":
            return words[k + 1] in {"that", "which"}
    return False


_COMPANY_OR_NONE = frozenset({EntityKind.COMPANY, None})


def person_founded(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Cheon Jung-hee, a mathematics professor at SNU, founded CryptoLab in 2017": a person
    who founds an organisation establishes it."""
    findings: list[Finding] = []
    for start, _ in s.found("FOUNDED"):
        founders = [m for m in s.subject(start) if state.kind(m) is EntityKind.PERSON]
        founded = s.first_party_after(start + 1, limit=3)
        for founder in founders:
            for thing in founded:
                if state.kind(thing) in ORGANISATIONS | {None}:
                    findings.append(
                        Finding(
                            RelationshipKind.ESTABLISHES,
                            founder.id,
                            thing.id,
                            "person-founded",
                            0.75,
                            s,
                            start,
                        )
                    )
    return findings


def subsidiaries(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "LG Uplus is a subsidiary of LG Corp., which also controls LG Electronics and LG Innotek"."""
    findings: list[Finding] = []
    doc = s.span.doc
    companies = ORGANISATIONS | {None}
    for start, end in s.found("SUBSIDIARY"):
        if doc[start].lower_ in {"controls", "owns"}:
            owners, units = s.subject(start, max_gap=3), s.first_party_after(end, limit=3)
        else:
            apposed = s.apposed(start)  # "LG CNS, the IT services arm of LG Corp."
            units = [apposed] if apposed is not None else s.subject(start, max_gap=4)
            owners = s.first_party_after(end, limit=3)
            if apposed is not None:  # "X, the defence affiliate of the Hanwha Group, and KERI": one owner
                owners = owners[:1]
        for owner in owners:
            for unit in units:
                if unit.id != owner.id and state.kind(owner) in companies and state.kind(unit) in companies:
                    findings.append(
                        Finding(
                            RelationshipKind.PART_OF,
                            unit.id,
                            owner.id,
                            "subsidiary-of",
                            0.75,
                            s,
                            start,
                            dated=False,
                        )
                    )
    return findings


RULES = [
    units,
    unit_appositions,
    hosted_at,
    institute_under,
    part_of,
    belongs_to,
    owned_by,
    founded_by,
    person_founded,
    subsidiaries,
]
