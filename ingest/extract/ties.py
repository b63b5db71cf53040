"""Rules for ties between parties the article names: agreements, partnerships, collaborations,
investments, funding, memberships, participation and leadership of bodies.

Each rule finds its trigger phrase, then its parties with the slot questions of
:class:`ingest.extract.sentence.Sentence` ("who signed", "with whom"). Symmetric ties between a
list of parties ("A and B signed an MOU") pair every two of them.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

from graph.model import EntityKind, RelationshipKind
from ingest.extract.lexicon import MONTHS_AND_DAYS, STAFF_WORDS, TITLE_WORDS
from ingest.extract.mentions import ORGANISATIONS
from ingest.extract.sentence import Finding, Mention, Sentence, first_per_start
from ingest.extract.state import ArticleState

Rule = Callable[[Sentence, ArticleState], list[Finding]]


WITH = frozenset({"with"})


_ORGS_OR_PLACES = ORGANISATIONS | {EntityKind.PLACE, None}


_AUXILIARIES = frozenset(
    {",", "will", "would", "be", "is", "was", "are", "were", "to", "has", "have", "been", "also"}
)


def _symmetric(kind: RelationshipKind, rule: str, confidence: float, label: str) -> Rule:
    """Parties on both sides ("A signed ... with B"), a list that acts together ("A and B
    partnered"), or a pair after "between"."""

    def apply(s: Sentence, state: ArticleState) -> list[Finding]:
        findings: list[Finding] = []
        for start, end in first_per_start(s.found(label)):
            subject: list[Mention] = []
            # "KRICT, an institute based in Daejeon, which is to work with": the relative's name
            described = _described_by_relative(s, start)
            for found in (
                [described] if described is not None else [],
                s.subject(start),
                _researchers_at(s, start),
                _subject_of_gerund(s, start),
            ):
                subject = subject or [m for m in found if state.kind(m) in _ORGS_OR_PLACES]
            other = [m for m in s.object(end - 1, WITH, limit=10) if state.kind(m) in _ORGS_OR_PLACES]
            between = s.object(end - 1, frozenset({"between"}), limit=6)
            if subject and other:
                pairs = [(a, b, f"{rule}-with", confidence) for a in subject for b in other]
            elif len(between) >= 2:
                pairs = [(a, b, f"{rule}-between", confidence - 0.05) for a, b in combinations(between, 2)]
            elif len(subject) >= 2 and not other:
                pairs = [(a, b, f"{rule}-together", confidence - 0.1) for a, b in combinations(subject, 2)]
            else:
                pairs = []
            for a, b, name, value in pairs:
                findings.append(Finding(kind, a.id, b.id, name, value, s, start))
        return findings

    return apply


def _subject_of_gerund(s: Sentence, index: int) -> list[Mention]:
    """ "Cerca joined the project after signing a memorandum with DGIST": who the sentence opens
    with does what the clause after "after", "before", "by" or "when" says."""
    doc = s.span.doc
    if index - 1 <= s.span.start or not doc[index].lower_.endswith("ing"):
        return []
    if doc[index - 1].lower_ not in {"after", "before", "by", "when", "while", "since"}:
        return []
    first = next((m for m in s.mentions if s.party(m)), None)
    return s.group_right(first) if first is not None and first.start <= s.span.start + 1 else []


def _researchers_at(s: Sentence, index: int) -> list[Mention]:
    """Whose people act: "researchers at KAIST are working with IDQ", and "At KMOU, a Busan-based
    school, researchers are working with IDQ": the organisation they work at."""
    doc = s.span.doc
    clause = doc[s.clause_start(index) : index]
    staff = next((t.i for t in clause if t.lower_ in STAFF_WORDS), None)
    if staff is None:
        staff = next((t.i for t in doc[s.span.start : index] if t.lower_ in STAFF_WORDS), None)
        if staff is None:
            return []
    if staff + 2 < index and doc[staff + 1].lower_ in {"at", "from"}:
        found = s.at(staff + 2)
        return [found] if found is not None and s.party(found) else []
    if doc[s.span.start].lower_ == "at":
        found = s.at(s.span.start + 1)
        return [found] if found is not None and found.end < staff and s.party(found) else []
    return []


_signed_document = _symmetric(RelationshipKind.SIGNED_MOU_WITH, "signed-mou", 0.9, "MOU")


def signed_mou(s: Sentence, state: ArticleState) -> list[Finding]:
    """An MOU or agreement signed; "signed a partnership agreement" is a partnership."""
    findings = _signed_document(s, state)
    doc = s.span.doc
    for finding in findings:
        match = next(((a, b) for a, b in s.found("MOU") if a == finding.at), None)
        if match is not None and any(t.lower_ == "partnership" for t in doc[match[0] : match[1]]):
            finding.kind, finding.rule = RelationshipKind.PARTNERS_WITH, "signed-partnership"
    return findings


def signed_mou_after(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "an agreement the carriers signed in 2025", "the MOU was signed by A and B"."""
    findings: list[Finding] = []
    doc = s.span.doc
    for _, end in first_per_start(s.found("MOU_AFTER")):
        sign = end - 1
        parties = s.subject(sign, max_gap=2)
        if doc[sign - 1].lower_ in {"was", "were", "been"}:
            parties = s.object(sign, frozenset({"by", "between"}), limit=3)
        by = _by_after_date(s, sign + 1)
        if by is not None:  # "an agreement signed by ...", "a memorandum signed on Tuesday by ..."
            parties = signatories(s, by + 1, state) or parties
        if not parties and doc[s.span.start].lower_ == "under":
            # "Under a joint development agreement signed on Monday, the two companies will ...":
            # the main clause's subject signed it
            comma = next((t.i for t in doc[end : s.span.end] if t.text == ","), None)
            parties = s.first_party_after(comma + 1, limit=3) if comma is not None else []
        parties = [m for m in parties if state.kind(m) in _ORGS_OR_PLACES]
        for a, b in combinations(parties, 2):
            findings.append(
                Finding(RelationshipKind.SIGNED_MOU_WITH, a.id, b.id, "mou-signed-by", 0.8, s, sign)
            )
    return findings


_WHEN_WORDS = frozenset(
    ["on", "in", "at", "last", "this", "earlier", "today", "yesterday", "week", "month", "year", ","]
)


def _by_after_date(s: Sentence, index: int) -> int | None:
    """The "by" at ``index``, or after a date that stands before it ("signed on Tuesday by")."""
    doc = s.span.doc
    for j in range(index, min(s.span.end - 1, index + 6)):
        token = doc[j]
        if token.lower_ == "by":
            return j
        if not (token.lower_ in _WHEN_WORDS or token.lower_ in MONTHS_AND_DAYS or token.like_num):
            return None
    return None


_DOCUMENTS = frozenset(
    [
        "mou",
        "mous",
        "memorandum",
        "memoranda",
        "agreement",
        "agreements",
        "pact",
        "accord",
        "accords",
        "deal",
        "deals",
        "contract",
    ]
)


def signatories(s: Sentence, index: int, state: ArticleState) -> list[Mention]:
    """Who signs, when people sign for their organisations: "signed by Quantinuum President
    Rajeev Hazra and Incheon Mayor Yoo Jeong-bok" gives Quantinuum and Incheon."""
    doc = s.span.doc
    found: list[Mention] = []
    j = index
    while j < min(s.span.end, index + 16):
        mention = s.at(j)
        token = doc[j]
        if mention is not None:
            kind = state.kind(mention)
            titled = mention.end < s.span.end and doc[mention.end].lower_ in TITLE_WORDS
            if kind is not EntityKind.PERSON and (titled or s.party(mention)) and mention not in found:
                found.append(mention)
            j = mention.end
            continue
        if token.text == "," and not (j + 1 < s.span.end and (s.at(j + 1) or doc[j + 1].lower_ == "and")):
            break  # ", the city will provide ...": the list of signers has ended
        if not (token.lower_ in TITLE_WORDS or token.lower_ in {"and", ",", "the", "its", "their"}):
            break
        j += 1
    return found


_READ_ELSEWHERE = frozenset(
    [
        "collaborate",
        "cooperate",
        "co-operate",
        "jointly",
        "join",
        "work",
        "partner",
        "invest",
        "fund",
        "provide",
        "pay",
        "buy",
        "acquire",
        "sell",
        "supply",
        "take",
    ]
)


def partners_of(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Quantinuum and Atom Computing, which are both Microsoft partners": each partners with
    the organisation named before "partners"."""
    findings: list[Finding] = []
    doc = s.span.doc
    for token in s.span:
        if token.lower_ not in {"partner", "partners"} or token.i == s.span.start:
            continue
        owner = s.at(token.i - 1)
        if owner is None or owner.modifier or state.kind(owner) not in ORGANISATIONS | {None}:
            continue
        j = owner.start - 1
        while j > s.span.start and doc[j].lower_ in {"both", "also", "all", "a", "an", "long-time", "key"}:
            j -= 1
        if doc[j].lower_ not in {"is", "are", "was", "were", "become", "became"}:
            continue
        for partner in s.subject(j):
            if partner.id != owner.id and state.kind(partner) in ORGANISATIONS | {None}:
                findings.append(
                    Finding(
                        RelationshipKind.PARTNERS_WITH, partner.id, owner.id, "partner-of", 0.75, s, token.i
                    )
                )
    return findings


def agreed_to(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "SK Telecom, Deutsche Telekom and NTT have agreed to connect their networks": the parties
    that agree together have an agreement (what they agree to do, when another rule reads it
    — "agreed to collaborate", "agreed to join" — is left to that rule)."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("AGREED_TO")):
        following = {t.lower_ for t in doc[end : min(s.span.end, end + 2)]}
        if following & _READ_ELSEWHERE:
            continue
        parties = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        for a, b in combinations(parties, 2):
            findings.append(Finding(RelationshipKind.SIGNED_MOU_WITH, a.id, b.id, "agreed-to", 0.7, s, start))
    return findings


def signed_by(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "A memorandum of understanding on ... was signed Wednesday by A, B and C": every two of
    the signers, when the sentence has named the document before the verb."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("SIGNED_BY")):
        if not any(t.lower_ in _DOCUMENTS for t in doc[s.span.start : start]):
            continue
        if s.found("MOU_AFTER") and any(a <= start + 1 < b for a, b in s.found("MOU_AFTER")):
            continue  # the shorter "an MOU was signed by" is read by signed_mou_after
        parties = [m for m in s.first_party_after(end, limit=7) if state.kind(m) in _ORGS_OR_PLACES]
        for a, b in combinations(parties, 2):
            findings.append(
                Finding(RelationshipKind.SIGNED_MOU_WITH, a.id, b.id, "mou-signed-by", 0.8, s, start + 1)
            )
    return findings


partnered = _symmetric(RelationshipKind.PARTNERS_WITH, "partnered", 0.85, "PARTNER")


_collaborates = _symmetric(RelationshipKind.COLLABORATES_WITH, "collaborates", 0.8, "COLLABORATE")


def _a_partnership_agreement(words: list[str]) -> bool:
    """ "under a partnership agreement", "under their partnership": not "a partnership programme"."""
    if "partnership" not in words:
        return False
    following = words[words.index("partnership") + 1 :]
    return not following or following[0] in {"agreement", "deal", "contract", ",", "."}


def collaborates(s: Sentence, state: ArticleState) -> list[Finding]:
    """Working together; "has worked with SK Telecom under a partnership agreement" is a partnership."""
    findings = _collaborates(s, state)
    doc = s.span.doc
    for finding in findings:
        words = [t.lower_ for t in doc[finding.at : s.clause_end(finding.at)]]
        under = [
            i
            for i, word in enumerate(words[:-2])
            if word == "under" and words[i + 1] in {"a", "an", "the", "their"}
        ]
        if any(_a_partnership_agreement(words[i + 2 : i + 5]) for i in under):
            finding.kind, finding.rule = RelationshipKind.PARTNERS_WITH, "works-under-partnership"
    for start, end in s.found("JOINTLY_BY"):
        makers = [m for m in s.first_party_after(end, limit=3) if state.kind(m) in _ORGS_OR_PLACES]
        findings += [
            Finding(RelationshipKind.COLLABORATES_WITH, a.id, b.id, "made-jointly-by", 0.75, s, start)
            for a, b in combinations(makers, 2)
        ]
    return findings


def chose_partner(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "KT has selected British startup Oxford Ionics as the hardware partner for a pilot"."""
    findings: list[Finding] = []
    for start, end in first_per_start(s.found("CHOSE_PARTNER")):
        choosers = [m for m in s.subject(start) if state.kind(m) in _ORGS_OR_PLACES]
        chosen = [m for m in s.first_party_after(start + 1, limit=6) if m.end <= end]
        for a in choosers:
            for b in chosen:
                findings.append(
                    Finding(RelationshipKind.PARTNERS_WITH, a.id, b.id, "chose-as-partner", 0.8, s, start)
                )
    return findings


_BEFORE_A_VERB = frozenset(["was", "is", "were", "has", "been", "had", "to", "will", "would"])


def _described_by_relative(s: Sentence, index: int) -> Mention | None:
    """ "Cerca Magnetics, a British company based in Nottingham that was spun out of", "KRICT, an
    institute based in Daejeon, which is to work with": the name the relative clause is about,
    past the apposition (and the place in it) between them."""
    doc = s.span.doc
    j = index - 1
    while j > s.span.start and doc[j].lower_ in _BEFORE_A_VERB:
        j -= 1
    if doc[j].lower_ not in {"that", "which", "who"}:
        return None
    first = j - 1 if j - 1 > s.span.start and doc[j - 1].text == "," else j
    for k in range(first - 1, max(s.span.start, j - 14), -1):
        if doc[k].text == ",":
            named = s.named_before(k - 1)
            return named if named is not None and s.party(named) else None
    return None


def spun_out(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Oxford Ionics, which spun out of the University of Oxford": the university founded it."""
    findings: list[Finding] = []
    for start, end in s.found("SPUN_OUT"):
        apposed = _described_by_relative(s, start)
        for company in s.subject(start, max_gap=4) or ([apposed] if apposed else []):
            for origin in s.first_party_after(end, limit=3):
                if origin.id != company.id and state.kind(origin) in ORGANISATIONS | {None}:
                    findings.append(
                        Finding(
                            RelationshipKind.ESTABLISHES, origin.id, company.id, "spun-out-of", 0.75, s, start
                        )
                    )
    return findings


_BODIES = frozenset({EntityKind.CONSORTIUM, EntityKind.CLUSTER, None})


def joins(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "A joined B", "A became a member of B", "B, of which A is a founding member", "B's
    members include A and C"; joining a programme is taking part in it."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("JOIN")):
        members = s.subject(start)
        if doc[start].lower_.startswith("join"):
            bodies = s.first_party_after(end, limit=4)
        elif doc[end - 1].lower_.startswith("member") and end < s.span.end and doc[end].lower_ == "of":
            bodies = s.first_party_after(end + 1, limit=4)
        else:
            bodies = _of_which(s, members[0].start if members else start)
        if not bodies and doc[start].lower_.startswith("join"):
            bodies = _its_body(s, end, state)
        for member in members:
            for body in bodies:
                kind = state.kind(body)
                if kind is EntityKind.PROGRAMME:
                    findings.append(
                        Finding(
                            RelationshipKind.PARTICIPATES_IN,
                            member.id,
                            body.id,
                            "joined-programme",
                            0.8,
                            s,
                            start,
                        )
                    )
                elif member.id != body.id and (kind in _BODIES or _as_members(s, body.end, kind)):
                    findings.append(
                        Finding(RelationshipKind.MEMBER_OF, member.id, body.id, "joined", 0.85, s, start)
                    )
    for start, end in s.found("ITS_MEMBERS"):
        owner = _body_referred_to(s, start, state)
        if owner is not None:
            for member in s.first_party_after(end):
                if member.id != owner.id and state.kind(member) in ORGANISATIONS | {None}:
                    findings.append(
                        Finding(
                            RelationshipKind.MEMBER_OF, member.id, owner.id, "its-members", 0.75, s, start
                        )
                    )
    for start, end in first_per_start(s.found("BODY_INCLUDES")):
        # "The consortium also includes A, B and C", "the cluster, which includes A and B"
        bodies = s.subject(start, max_gap=2)
        if len(bodies) != 1 or state.kind(bodies[0]) not in {EntityKind.CONSORTIUM, EntityKind.CLUSTER}:
            continue
        for member in s.listed_after(end):
            if member.id != bodies[0].id and state.kind(member) in ORGANISATIONS | {None}:
                findings.append(
                    Finding(
                        RelationshipKind.MEMBER_OF, member.id, bodies[0].id, "body-includes", 0.75, s, start
                    )
                )
    for start, end in s.found("MEMBERS_INCLUDE"):
        listed_body = _nearest_before(s, start)
        if listed_body is not None and state.kind(listed_body) in _BODIES:
            for member in s.first_party_after(end):
                findings.append(
                    Finding(
                        RelationshipKind.MEMBER_OF,
                        member.id,
                        listed_body.id,
                        "members-include",
                        0.8,
                        s,
                        start,
                    )
                )
    return findings


_HOSTS = frozenset({EntityKind.RESEARCH_INSTITUTE, EntityKind.PROGRAMME})


def members_are(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The new members of the cluster are A; B (X); C, a ...; and D", "the alliance's founding
    members include A and B": each listed item is a member of the body (a programme: takes part)."""
    findings: list[Finding] = []
    for start, end in first_per_start(s.found("MEMBERS_OF_ARE")):
        verb = end - 1
        named = (m for m in s.mentions if start <= m.start and s.name_end(m) == verb and s.party(m))
        body = next(named, None) or _possessor(s, start)
        if (
            body is None
            or state.kind(body) not in _LISTING_BODIES
            or state.name(body.id).lower().startswith("member")
        ):
            continue  # "The members of the KT consortium are", "Members of the alliance are": no body named
        if verb + 1 >= s.span.end or not _opens_with_a_name(s, verb + 1):
            continue  # "The members of the alliance are suing Naver", "are to visit IBM"
        programme = state.kind(body) is EntityKind.PROGRAMME
        tie = RelationshipKind.PARTICIPATES_IN if programme else RelationshipKind.MEMBER_OF
        for member in s.listed_after(end):
            if member.id != body.id and state.kind(member) in ORGANISATIONS | {None}:
                findings.append(Finding(tie, member.id, body.id, "members-are", 0.8, s, start))
    return findings


def _opens_with_a_name(s: Sentence, index: int) -> bool:
    """Whether a name (after "the", "a" or "an") stands at ``index``: a list, not a verb phrase."""
    doc = s.span.doc
    if doc[index].lower_ in {"the", "a", "an"}:
        index += 1
    found = s.at(index) if index < s.span.end else None
    return found is not None and found.start == index


def _possessor(s: Sentence, index: int) -> Mention | None:
    """The owner in "the cluster's new members": the mention that ends at the "'s" at ``index``."""
    return next((m for m in s.mentions if m.end == index), None)


def _as_members(s: Sentence, index: int, kind: EntityKind | None) -> bool:
    """ "joined the centre as industrial partners": a centre or project has members too, when the
    sentence says they join it as members or partners."""
    if kind not in _HOSTS:
        return False
    doc = s.span.doc
    words = [t.lower_ for t in doc[index : min(s.span.end, index + 6)]]
    return bool(words) and words[0] == "as" and any(w.startswith(("member", "partner")) for w in words)


def among_members(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The alliance will be led by ADD, with A, B and C among its founding members": the list
    before "among" are members of the body the sentence is about."""
    findings: list[Finding] = []
    for start, _ in first_per_start(s.found("AMONG_MEMBERS")):
        before = _nearest_before(s, start)
        if before is None or not s.party(before):
            continue
        members = s.group_left(before, whole=True)
        hosts = _BODIES | _HOSTS
        body = next(
            (m for m in s.mentions if m.start < members[0].start and state.kind(m) in hosts and s.party(m)),
            None,
        )
        if body is None:
            continue
        for member in members:
            if member.id != body.id and state.kind(member) in ORGANISATIONS | {None}:
                findings.append(
                    Finding(RelationshipKind.MEMBER_OF, member.id, body.id, "among-members", 0.8, s, start)
                )
    return findings


def among_them(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The cluster now has 19 members. Among them are Chonnam National University, LG Innotek
    and Hanul Optics": the ones listed are members of the body the sentence before counted."""
    doc = s.span.doc
    first = s.span.start
    previous = s.previous
    if previous is None or first + 3 >= s.span.end or doc[first].lower_ != "among":
        return []
    if doc[first + 1].lower_ not in {"them", "these", "those"} or doc[first + 2].lower_ not in {
        "are",
        "were",
    }:
        return []
    if not {"members", "member"} & {t.lower_ for t in previous.span}:
        return []
    body = next((m for m in previous.mentions if previous.party(m)), None)
    if body is None or state.kind(body) not in _BODIES - {None}:
        return []
    return [
        Finding(RelationshipKind.MEMBER_OF, m.id, body.id, "among-them", 0.75, s, first)
        for m in s.listed_after(first + 3)
        if m.id != body.id and state.kind(m) in ORGANISATIONS | {None}
    ]


def _and_before(s: Sentence, index: int) -> int | None:
    """The "and" that the verb at ``index`` follows past its auxiliaries ("... and will be run by"),
    where the verb continues a clause before it."""
    doc = s.span.doc
    j = index - 1
    while j > s.span.start and doc[j].lower_ in _AUXILIARIES - {","}:
        j -= 1
    return j if doc[j].lower_ == "and" else None


def coordinated_subject(s: Sentence, index: int) -> Mention | None:
    """ "The hub was established under ... and will be run by X": the sentence's subject, when
    only auxiliaries stand between "and" and the verb at ``index``."""
    j = _and_before(s, index)
    if j is None:
        return None
    verb = next((t.i for t in s.span if t.lower_ in _AUXILIARIES - {",", "to"}), j)
    first = next((m for m in s.mentions if s.party(m) and not s.after_preposition(m)), None)
    if first is None or first.start > verb:
        return None  # the sentence's subject comes before its first verb
    return first


def _just_set_up(s: Sentence, index: int, state: ArticleState) -> Mention | None:
    """ "A and B will open a joint laboratory in Ulsan. It will be led by Professor X": "it"
    opening the sentence is what the sentence before set up, not who set it up."""
    doc = s.span.doc
    if doc[s.span.start].lower_ != "it" or index - s.span.start > 4:
        return None
    for described in (state.opened, state.described_body):
        if described is not None and described[-1] is s.previous:
            kind = state.registry.get(described[0]).kind
            return Mention(s.span.start, s.span.start + 1, described[0], kind, "anaphora")
    if s.previous is not None:  # "The facility, to be called X, will take up ... It will be led by"
        first = next((m for m in s.previous.mentions if s.previous.party(m)), None)
        before = [t.lower_ for t in doc[s.previous.span.start : first.start]] if first is not None else []
        # "The facility ...", or a name set off after its noun: "The new company, Diraq Korea, will"
        opening = len(before) <= 1 or (len(before) <= 4 and before[0] == "the" and before[-1] == ",")
        bodies = {EntityKind.CLUSTER, EntityKind.RESEARCH_INSTITUTE, EntityKind.CONSORTIUM}
        set_up = first is not None and first.id in state.set_up | set(state.renamed.values())
        if first is not None and opening and (set_up or state.kind(first) in bodies):
            return Mention(s.span.start, s.span.start + 1, first.id, state.kind(first), "anaphora")
        # "UNIST opened the Ulsan Quantum Materials Center (UQMC) on Monday. It is directed by":
        # the one thing the sentence before set up
        made = {m.id for m in s.previous.mentions if m.id in state.set_up}
        if len(made) == 1:
            made_id = made.pop()
            return Mention(
                s.span.start, s.span.start + 1, made_id, state.registry.get(made_id).kind, "anaphora"
            )
    return None


def _relative_antecedent(s: Sentence, index: int) -> Mention | None:
    """ "the Programme, which was launched by MSIT in 2034 and is managed by IITP": the name
    before the relative clause that the verb at ``index`` continues, after its "and"."""
    doc = s.span.doc
    j = _and_before(s, index)
    if j is None:
        return None
    for k in range(j - 1, s.span.start + 1, -1):
        if doc[k].text in {";", ":"} or doc[k].lower_ in {"while", "whereas", "but"}:
            return None
        if doc[k].lower_ == "which" and doc[k - 1].text == ",":
            return s.named_before(k - 2)
    return None


def _titled_person(s: Sentence, found: list[Mention], state: ArticleState) -> list[Mention]:
    """ "run by SKKU physics professor Lee Jun-ho": the person, not the university before the
    title; "led by chief executive X" too."""
    doc = s.span.doc
    if len(found) != 1:
        return found
    j = found[0].end
    while j < s.span.end and doc[j].is_lower and doc[j].is_alpha and j - found[0].end < 4:
        j += 1
    if j > found[0].end and j < s.span.end and doc[j].lower_.rstrip(".") in TITLE_WORDS:
        j += 1  # "Ajou physicist Professor Nam Ki-hyun"
    person = s.at(j)
    if j > found[0].end and person is not None and state.kind(person) is EntityKind.PERSON:
        return [person]
    return found


def _of_which(s: Sentence, index: int) -> list[Mention]:
    """The body in "the Korea Quantum Computing Alliance, of which KT is a founding member"."""
    doc = s.span.doc
    for j in range(index - 1, max(s.span.start, index - 4), -1):
        if doc[j].lower_ == "which" and doc[j - 1].lower_ == "of":
            before = j - 2 if doc[j - 2].text != "," else j - 3
            found = s.at(before)
            return [found] if found is not None else []
    return []


def brings_together(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The consortium brings together KAIST, KAI and Japan's NICT": members of the body."""
    findings: list[Finding] = []
    for start, end in first_per_start(s.found("BRINGS_TOGETHER")):
        bodies = [
            m
            for m in s.subject(start, max_gap=3)
            if state.kind(m) in {EntityKind.CONSORTIUM, EntityKind.CLUSTER}
        ]
        for body in bodies[:1]:
            for member in s.first_party_after(end, limit=3):
                if member.id != body.id and state.kind(member) in ORGANISATIONS | {None}:
                    findings.append(
                        Finding(
                            RelationshipKind.MEMBER_OF, member.id, body.id, "brings-together", 0.8, s, start
                        )
                    )
    return findings


def _its_body(s: Sentence, index: int, state: ArticleState) -> list[Mention]:
    """ "... has agreed to join as its first foreign member": the body named before in the sentence."""
    doc = s.span.doc
    words = [t.lower_ for t in doc[index : min(s.span.end, index + 6)]]
    if words[:2] != ["as", "its"] or not any(w.startswith("member") for w in words):
        return []
    bodies = [m for m in s.mentions if m.end <= index and state.kind(m) is EntityKind.CONSORTIUM]
    return bodies[-1:]


def _body_referred_to(s: Sentence, index: int, state: ArticleState) -> Mention | None:
    """The body an "its" at ``index`` stands for: one named before it in the sentence, else the
    first party of the sentence before when that is a body ("The Busan Photonic Quantum
    Consortium will be chaired by PNU. Its other founding members are ...")."""
    named = [m for m in s.mentions if m.end <= index and s.party(m)]
    if named:
        return named[-1] if state.kind(named[-1]) in _BODIES - {None} else None
    if s.previous is None:
        return None
    if state.described_body is not None and state.described_body[1] is s.previous:
        body = state.described_body[0]  # "... by a consortium led by Hanwha Systems. Its other members"
        return Mention(index, index + 1, body, EntityKind.CONSORTIUM, "anaphora")
    first = next((m for m in s.previous.mentions if s.previous.party(m)), None)
    return first if first is not None and state.kind(first) in _BODIES - {None} else None


def _nearest_before(s: Sentence, index: int) -> Mention | None:
    for mention in reversed(s.mentions):
        if mention.end <= index and not mention.modifier:
            return mention
    return None


def participates(s: Sentence, state: ArticleState) -> list[Finding]:
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("PARTICIPATE")):
        words = {t.lower_ for t in doc[end : min(s.span.end, end + 4)]}
        ends = end >= s.span.end - 1 or doc[end].is_punct  # "Existing shareholder Q also took part."
        backer_words = {"shareholder", "shareholders", "investor", "investors", "backer", "backers"}
        said_backer = bool(backer_words & {t.lower_ for t in doc[s.span.start : start]})
        ends = ends or _as_did(s, end) is not None  # "also took part, as did Quantonation"
        after_the_round = s.previous is not None and bool(
            {"round", "series", "financing", "fundraising"} & {t.lower_ for t in s.previous.span}
        )  # "The round was led by X. Y and Z also took part."
        if state.raised is not None and (
            words & {"round", "raise", "financing", "fundraising"}
            or (ends and (said_backer or after_the_round))
        ):
            also = _as_did(s, end) or []
            for backer in (
                s.subject(start) + also
            ):  # "Existing backers KDB and LGTV also took part in the round"
                if backer.id != state.raised:
                    findings.append(
                        Finding(
                            RelationshipKind.INVESTS_IN,
                            backer.id,
                            state.raised,
                            "took-part-in-round",
                            0.75,
                            s,
                            start,
                        )
                    )
            continue
        inverted = _listed_after_copula(s, start, end, state)
        members = inverted if inverted is not None else s.subject(start) or _each_of_which(s, start)
        bodies = [(b.id, "participates-in", 0.8) for b in s.object(end - 1, frozenset({"in"}), limit=4)]
        if (
            inverted is not None
            and not bodies
            and _WORK_NOUNS & {t.lower_ for t in doc[end : _first_comma_after(s, end)]}
        ):
            # "Taking part in the second phase ... are": not "Taking part in the talks ... were"
            focus = state.focus({m.id for m in members})
            bodies = [(focus, "taking-part-are-focus", 0.65)] if focus is not None else []
        whose = None if bodies else _whose_work(s, end)
        if whose is not None:  # "will take part in the centre's simulation work"
            bodies = [(whose.id, "participates-in-its-work", 0.75)]
        it = None if bodies else _it_taken_part_in(s, end, {m.id for m in members}, state)
        if it is not None:  # "The scheme is to be run by KITECH, and Bluefors will take part in it"
            bodies = [(it, "participates-in-it", 0.7)]
        work = _in_unnamed_work(s, end)
        if not bodies and (_nothing_taken_part_in(s, end) or work is not None):
            # "KR has agreed to take part by drafting", "will take part in the trials"
            excluded = {m.id for m in members}
            named = state.history.latest(_FOCUS_NAMED, work, excluded) if work else None
            focus = named or state.focus(excluded)
            bodies = [(focus, "participates-in-focus", 0.65)] if focus is not None else []
        for member in members:
            for body, rule, confidence in bodies:
                if member.id != body:
                    findings.append(
                        Finding(RelationshipKind.PARTICIPATES_IN, member.id, body, rule, confidence, s, start)
                    )
    return findings


def _as_did(s: Sentence, end: int) -> list[Mention] | None:
    """The parties of ", as did X" right after the verb phrase ending at ``end``."""
    doc = s.span.doc
    words = [t.lower_ for t in doc[end : min(end + 3, s.span.end)]]
    if words[:3] != [",", "as", "did"]:
        return None
    return s.first_party_after(end + 3, limit=2)


def _each_of_which(s: Sentence, index: int) -> list[Mention]:
    """ "... ETRI, KIST and KIMM, each of which will take part in": the list before the clause."""
    doc = s.span.doc
    for j in range(index - 1, max(s.span.start + 2, index - 6), -1):
        if (
            doc[j].lower_ != "which"
            or doc[j - 1].lower_ != "of"
            or doc[j - 2].lower_ not in {"each", "all", "both"}
        ):
            continue
        comma = j - 3
        named = s.named_before(comma - 1) if comma > s.span.start and doc[comma].text == "," else None
        return s.group_left(named) if named is not None and s.party(named) else []
    return []


def _listed_after_copula(s: Sentence, start: int, end: int, state: ArticleState) -> list[Mention] | None:
    """ "Taking part in the second phase, which begins in January, are A, which will build X; B;
    and C and D": the organisations listed after "are", past what each of them will do (the
    relative clause after an item, up to the next semicolon). None unless the sentence opens with
    the trigger and inverts."""
    doc = s.span.doc
    if start != s.span.start:
        return None
    copula = next((j for j in range(end, s.span.end) if doc[j].lower_ in {"are", "were"}), None)
    if copula is None or doc[copula - 1].text != ",":
        return None
    listed = [m for m in s.listed_after(copula + 1) if state.kind(m) in ORGANISATIONS | {None}]
    return listed or None


def _whose_work(s: Sentence, end: int) -> Mention | None:
    """ "in the centre's simulation work", "in the consortium's theoretical work": the owner."""
    doc = s.span.doc
    if end >= s.span.end or doc[end].lower_ != "in":
        return None
    for j in range(end + 1, min(s.span.end, end + 4)):
        found = s.at(j)
        if found is not None:
            return found if s.possessive(found) and not found.modifier else None
        if doc[j].lower_ not in {"the", "a", "its", "their"}:
            return None
    return None


_WORK_NOUNS = frozenset(
    [
        *("trial", "trials", "test", "tests", "pilot", "network", "work", "effort", "scheme", "testbed"),
        *("study", "phase", "stage", "project", "programme", "program"),
    ]
)


def _first_comma_after(s: Sentence, end: int) -> int:
    """The first comma after ``end``: where "Taking part in X, ..." names what is taken part in."""
    doc = s.span.doc
    return next((t.i for t in doc[end : s.span.end] if t.text == ","), s.span.end)


_FOCUS_NAMED = frozenset(
    {EntityKind.CONSORTIUM, EntityKind.CLUSTER, EntityKind.PROGRAMME, EntityKind.RESEARCH_INSTITUTE}
)


def _in_unnamed_work(s: Sentence, end: int) -> str | None:
    """ "take part in the trials", "take part in the network": the common noun that calls what
    the article is about, when the sentence does not resolve it (the latest name holding it, else
    the article's focus, is what is taken part in)."""
    doc = s.span.doc
    if end + 2 >= s.span.end or doc[end].lower_ != "in" or doc[end + 1].lower_ not in {"the", "its", "their"}:
        return None
    noun = doc[end + 2].lower_
    return noun if noun in _WORK_NOUNS and s.at(end + 2) is None else None


def _it_taken_part_in(s: Sentence, end: int, members: set[str], state: ArticleState) -> str | None:
    """What "it" is in "take part in it": the first programme, body or facility its sentence
    names before it, else the sentence before names."""
    doc = s.span.doc
    if not (end + 2 < s.span.end and doc[end].lower_ == "in" and doc[end + 1].lower_ == "it"):
        return None
    for sentence, before in ((s, end), (s.previous, None)):
        if sentence is None:
            continue
        for mention in sentence.mentions:
            if before is not None and mention.start >= before:
                break
            if mention.id not in members and state.kind(mention) in _FOCUS_NAMED - {
                EntityKind.RESEARCH_INSTITUTE
            }:
                return mention.id
    return None


def _nothing_taken_part_in(s: Sentence, end: int) -> bool:
    """ "take part." or "take part by drafting rules", "take part as an adviser": no object."""
    doc = s.span.doc
    return end >= s.span.end or doc[end].is_punct or doc[end].lower_ in {"by", "as", "too", "also"}


_RUN = frozenset({"run", "operated", "managed"})
_CONTINUING = frozenset({"continue", "continues", "still", "now", "jointly"})  # "will continue to be led by"


def _a_round_of(s: Sentence, body: Mention) -> bool:
    """Whether ``body`` names whose round it is: "the Series A of Rigetti", "Rigetti's round"."""
    doc = s.span.doc
    before = {t.lower_ for t in doc[max(s.span.start, body.start - 4) : body.start]}
    after = doc[body.end].lower_ if body.end < s.span.end else ""
    return bool(before & {"series", "round"}) or (
        after in {"'s", "’s"} and "round" in {t.lower_ for t in s.span}
    )


def chaired_by(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The alliance will be chaired by Samsung": only when nothing but auxiliaries stand between
    the body and the verb, so "raised $X in a round led by A" is not read as A leading."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in s.found("CHAIRED_BY"):
        body = _nearest_before(s, start)
        if body is not None and any(
            t.lower_ not in _AUXILIARIES | _CONTINUING | {"which", "who"} for t in doc[body.end : start]
        ):
            body = _relative_antecedent(s, start) or coordinated_subject(s, start)
        body = body or _just_set_up(s, start, state)
        if body is None or _a_round_of(s, body):
            continue  # "The Series A of Rigetti was led by Intel": the round, see round_led_by
        bodies = {EntityKind.CONSORTIUM, EntityKind.CLUSTER, EntityKind.PROGRAMME, None}
        if doc[start].lower_ in _RUN and not state.registry.get(body.id).in_store:
            # "the academy will be run by KISTI": a new institute's operator; a known institute
            # "operated by" a council is part of it, which this rule does not say
            bodies.add(EntityKind.RESEARCH_INSTITUTE)
        for leader in _titled_person(s, s.first_party_after(end), state):
            if state.kind(body) not in bodies and not (
                state.kind(leader) is EntityKind.PERSON and state.kind(body) in ORGANISATIONS
            ):
                continue  # a person heads any organisation; an organisation heads a body
            findings.append(
                Finding(RelationshipKind.LEADS, leader.id, body.id, "chaired-by", 0.8, s, start, dated=False)
            )
    return findings


_RUNS = frozenset({"runs", "run", "manages", "manage", "operates", "operate"})
_RUN_BODIES = frozenset({EntityKind.PROGRAMME, EntityKind.CONSORTIUM, EntityKind.CLUSTER})


def runs(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "the Regional Quantum Hub Programme, which the Ministry of Science and ICT runs", "a
    programme that the MSS runs", "JNTP, which runs the Quantum Chemistry Talent Programme": the
    one who runs a programme, body or cluster leads it."""
    findings: list[Finding] = []
    doc = s.span.doc
    for token in s.span:
        if token.lower_ not in _RUNS or (token.i + 1 < s.span.end and doc[token.i + 1].lower_ in _NOT_RUN):
            continue
        runner, body = _run_by_the_relative(s, token.i) or _what_the_relative_runs(s, token.i)
        if runner is None or body is None or body.id == runner.id or not s.party(body):
            continue  # "Shinhan Bank, which manages the fund's assets": not the fund
        if s.describes_a_noun(body, frozenset({"and", "in"})):
            continue  # "runs the Korea Quantum Industry Alliance working group": the group, not the alliance
        if state.kind(body) in _RUN_BODIES and state.kind(runner) in ORGANISATIONS | {None}:
            findings.append(
                Finding(RelationshipKind.LEADS, runner.id, body.id, "runs", 0.75, s, token.i, dated=False)
            )
    return findings


_Run = tuple[Mention | None, Mention | None]


def _run_by_the_relative(s: Sentence, verb: int) -> _Run | None:
    """(runner, run) in "the Programme, which the ministry runs" and "TIPS, a start-up programme
    that the MSS runs"; None when no name ends right before the verb after "which" or "that"."""
    doc = s.span.doc
    runner = next((m for m in s.mentions if s.name_end(m) == verb and s.party(m)), None)
    if runner is None:
        return None
    relative = runner.start - 1
    if relative > s.span.start and doc[relative].lower_ == "the":
        relative -= 1  # "which the Ministry of Science and ICT runs"
    if relative <= s.span.start or doc[relative].lower_ not in {"which", "that"}:
        return None, None
    before = relative - 2 if doc[relative - 1].text == "," else relative - 1
    body = s.named_before(before) if before >= s.span.start else None
    return runner, body or s.apposed(relative)


def _what_the_relative_runs(s: Sentence, verb: int) -> _Run:
    """(runner, run) in "JNTP, which runs the Quantum Chemistry Talent Programme"."""
    doc = s.span.doc
    if verb - 1 <= s.span.start or doc[verb - 1].lower_ not in {"which", "who"}:
        return None, None
    subject = s.subject(verb)
    j = verb + 1
    while j < s.span.end and doc[j].lower_ in {"the", "its", "a", "an"}:
        j += 1
    return (subject[0] if len(subject) == 1 else None), s.at(j)


_NOT_RUN = frozenset({"on", "out", "in", "for", "to", "into", "by", "from", "until", "through"})


_MEMBER_WORDS = frozenset({"member", "members", "participants", "partners", "signatories"})
_LISTING_BODIES = frozenset({EntityKind.CONSORTIUM, EntityKind.CLUSTER, EntityKind.PROGRAMME})


def listed_members(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Six organisations signed up as members at the launch: A, B, C and D", "Its founding
    members are: A and B": the list after the colon belongs to the body the clause before it
    names, or else to the body the article is about."""
    doc = s.span.doc
    colon = next((t.i for t in s.span if t.text == ":" and t.i > s.span.start + 2), None)
    if colon is None or not _MEMBER_WORDS & {t.lower_ for t in doc[s.clause_start(colon) : colon]}:
        return []
    listed = [m for m in s.listed_after(colon + 1) if state.kind(m) in ORGANISATIONS | {None}]
    if len(listed) < 2:
        return []
    named = [m for m in s.mentions if m.end <= colon and s.party(m) and state.kind(m) in _LISTING_BODIES]
    body = named[-1].id if named else state.focus({m.id for m in listed}, bodies_only=True)
    if body is None:
        return []
    programme = state.registry.get(body).kind is EntityKind.PROGRAMME
    kind = RelationshipKind.PARTICIPATES_IN if programme else RelationshipKind.MEMBER_OF
    return [Finding(kind, m.id, body, "listed-members", 0.75, s, colon) for m in listed if m.id != body]


_SELECTED = frozenset(["selected", "chosen", "picked", "admitted", "accepted"])
_SELECTING = frozenset(["selected", "chose", "picked", "selects", "chooses", "picks"])


def selected_for(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Diraq Korea was selected in January for the Quantum Foundry Access Programme", "MSIT
    selected the Gwangju Quantum Photonics Cluster (GQPC) for its Regional Quantum Cluster
    Programme": the one selected takes part in the programme."""
    findings: list[Finding] = []
    doc = s.span.doc
    for token in s.span:
        word = token.lower_
        if word not in _SELECTED | _SELECTING:
            continue
        passive = word in _SELECTED and token.i > s.span.start and doc[token.i - 1].lower_ in _PASSIVE
        if not passive and word not in _SELECTING:
            continue
        chosen = s.subject(token.i) if passive else s.first_party_after(token.i + 1, limit=3)[:1]
        after = chosen[0].end if chosen and not passive else token.i + 1
        for_at = next((j for j in range(after, min(s.span.end, after + 5)) if doc[j].lower_ == "for"), None)
        if for_at is None or any(s.at(j) is not None for j in range(after, for_at)):
            continue
        programme = next(iter(s.first_party_after(for_at + 1, limit=2)), None)
        if programme is None or state.kind(programme) is not EntityKind.PROGRAMME:
            continue
        findings += [
            Finding(RelationshipKind.PARTICIPATES_IN, c.id, programme.id, "selected-for", 0.75, s, token.i)
            for c in chosen
            if c.id != programme.id and state.kind(c) in ORGANISATIONS | {EntityKind.CLUSTER, None}
        ]
    return findings


_PASSIVE = frozenset(["was", "were", "been", "is", "are", "be", "being"])


RULES: list[Rule] = [
    selected_for,
    listed_members,
    members_are,
    signed_mou,
    partnered,
    chose_partner,
    collaborates,
    joins,
    participates,
    chaired_by,
    runs,
    spun_out,
    signed_mou_after,
    signed_by,
    agreed_to,
    partners_of,
    brings_together,
    among_members,
    among_them,
]
