"""Money between parties: "KT will invest $10 million in Xanadu", "IQM raised $320 million in a
round led by Ten Eleven Ventures", "the city would give the company a subsidy worth 500 million
won", "the firm counts Intel Capital among its investors", "KIST will fund the facility"."""

from __future__ import annotations

from graph.model import EntityKind, RelationshipKind
from ingest.extract.amounts import Money
from ingest.extract.lexicon import CURRENCY_SIGNS
from ingest.extract.mentions import ORGANISATIONS
from ingest.extract.phrases import described_object
from ingest.extract.sentence import Finding, Mention, Sentence, first_per_start
from ingest.extract.state import ArticleState
from ingest.extract.ties import _ORGS_OR_PLACES, Rule, coordinated_subject


def invests(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "A will invest $X in B"; "A's investment in B"; "A took a stake in B"; and, with no "in B",
    an investment in the place the sentence names ("establish a center in South Korea and
    invest 15 million US dollars")."""
    findings: list[Finding] = []
    for start, end in first_per_start(s.found("INVEST")):
        doc = s.span.doc
        investors = s.subject(start)
        if doc[start].lower_.startswith("investment") and start > s.span.start:
            owner = s.at(start - 2) if doc[start - 1].text in {"'s", "’s"} else None
            investors = [owner] if owner is not None else investors
        investors = [m for m in investors if state.kind(m) in _ORGS_OR_PLACES or _a_fund(m, state)]
        if not investors:
            continue
        clause_end = s.clause_end(start)
        money = s.money(start, clause_end)
        if doc[start].lower_ in _MONEY_VERBS and not money:
            continue  # "put its faith in Xanadu": only money put into something is invested
        if doc[start].lower_.startswith("acquir") and end - start <= 2:  # "agreed to acquire X"
            bought = [
                m
                for m in _acquired(s, start + 1)
                if m not in investors and state.kind(m) in ORGANISATIONS | {None}
            ]
            findings += [
                Finding(RelationshipKind.INVESTS_IN, i.id, b.id, "acquires", 0.8, s, start)
                for i in investors
                for b in bought
                if i.id != b.id
            ]
            continue
        targets = [m for m in s.object(end - 1, frozenset({"in", "into"}), limit=12) if m not in investors]
        if doc[start - 1].lower_ in _RANKS and doc[start].lower_.startswith("investment"):
            # "contributed 8 billion won, its first investment in Asia": where its money went
            targets = [m for m in targets if state.kind(m) is not EntityKind.PLACE]
            if not targets:
                continue
        rule, confidence = "invests-in", 0.85
        targets, joined = _joining_investors(s, targets)
        findings += [
            Finding(RelationshipKind.INVESTS_IN, m.id, targets[0].id, "joining-investors", 0.75, s, start)
            for m in joined
            if m.id != targets[0].id
        ]
        if not targets:
            targets = _in_which(s, investors[0], start)  # "CryptoLab, in which the carrier took a stake"
        described = described_object(s, end - 1, frozenset({"in", "into"}), state, "invested-in-described")
        described = described if not targets and money else None
        if described is not None:
            targets, rule, confidence = [described], "invests-in-described", 0.65
        elif not targets and money:
            targets = [
                m
                for m in s.mentions
                if _place_after_in(s, m) and s.clause_start(start) < m.start < clause_end
            ]
            rule, confidence = "invests-in-place", 0.7
            # "MSIT will put in 20 billion won over three years.": into what the article is about
            ends = not targets and _gift_ends(s, money[-1].end)
            backed = _round_backed(s, state, investors, start) if ends else None
            focus = state.focus({m.id for m in investors}) if ends and backed is None else None
            if backed is not None:
                targets, rule, confidence = [backed], "put-into-the-round", 0.7
            elif focus is not None:
                targets = [Mention(start, start + 1, focus, state.registry.get(focus).kind, "anaphora")]
                rule, confidence = "invests-focus", 0.6
        if rule == "invests-in" and targets and {"round", "series", "funding"} & {t.lower_ for t in s.span}:
            state.raised = targets[0].id  # "as part of a $600 million funding round": later "the round"
        for investor in investors:
            for target in targets[:1] if rule == "invests-in-place" else targets:
                amount = money[0] if money else None
                # a ministry "investing" in a programme pays for it: it buys no stake
                public = state.kind(investor) is EntityKind.GOVERNMENT_BODY
                programme = state.kind(target) is EntityKind.PROGRAMME
                findings.append(
                    Finding(
                        RelationshipKind.FUNDS if public and programme else RelationshipKind.INVESTS_IN,
                        investor.id,
                        target.id,
                        rule,
                        confidence,
                        s,
                        start,
                        amount=amount.amount if amount else None,
                        currency=amount.currency if amount else None,
                    )
                )
    return findings


_RANKS = frozenset(["first", "second", "third", "latest", "largest", "biggest", "only", "first-ever"])
_SHARES_OF = frozenset(["all", "the", "outstanding", "shares", "of", "remaining", "majority"])


def _acquired(s: Sentence, index: int) -> list[Mention]:
    """Who is bought: "acquire Lumiphase", "acquire all outstanding shares of Lumiphase B.V."."""
    doc = s.span.doc
    if index < s.span.end and doc[index].lower_ in {"in", "by", "for", "from"}:
        return []  # "IonQ, acquired in Seoul by Samsung": a passive, or no object
    j = index
    while j < s.span.end and doc[j].lower_ in _SHARES_OF:
        j += 1
    found = s.at(j)
    return [found] if found is not None and s.party(found) else []


_MONEY_VERBS = frozenset(
    [
        "put",
        "puts",
        "putting",
        "pour",
        "pours",
        "poured",
        "pouring",
        "inject",
        "injects",
        "injected",
        "injecting",
    ]
)


def _a_fund(mention: Mention, state: ArticleState) -> bool:
    """A fund the article describes invests, though it is a programme: "the fund will put 12
    billion won into Norma"."""
    return state.kind(mention) is EntityKind.PROGRAMME and "fund" in state.name(mention.id).lower().split()


def _in_which(s: Sentence, investor: Mention, trigger: int) -> list[Mention]:
    """The antecedent of "in which" just before the investor: "startup CryptoLab, in which the
    carrier took a minority stake" gives CryptoLab."""
    doc = s.span.doc
    j = investor.start - 1
    while j > s.span.start and doc[j].lower_ in {"the", "a", "its"}:
        j -= 1
    if not (j - 1 > s.span.start and doc[j].lower_ == "which" and doc[j - 1].lower_ == "in"):
        return []
    k = j - 3 if doc[j - 2].text == "," else j - 2
    found = s.at(k)
    return [found] if found is not None and s.party(found) and investor.start < trigger else []


def _place_after_in(s: Sentence, mention: Mention) -> bool:
    doc = s.span.doc
    return (
        mention.kind is EntityKind.PLACE
        and s.party(mention)
        and mention.start > 0
        and doc[mention.start - 1].lower_ == "in"
        and not (mention.start > 1 and doc[mention.start - 2].lower_ in {"based", "headquartered", "located"})
    )


def raised_from(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "B raised $X from A", "B raised $X in a round led by A": A invests in B."""
    findings: list[Finding] = []
    words = {t.lower_ for t in s.span}
    for start, end in first_per_start(s.found("RAISE")):
        money = s.money(start, s.span.end)
        if not money and not words & {"funding", "round", "investment", "series"}:
            continue
        recipients = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        investors = s.object(end - 1, frozenset({"from"}), limit=8)
        for led_start, led_end in s.found("LED_BY"):
            if led_start > start:
                investors += s.first_party_after(led_end)
        for among, _ in s.found("AMONG_INVESTORS"):  # "..., with A and B among the new investors"
            before = s.at(among - 1)
            if among > start and before is not None and s.party(before):
                investors += s.group_left(before, whole=True)
        if recipients:
            state.raised = recipients[0].id
        for recipient in recipients:
            for investor in investors:
                if state.kind(investor) in ORGANISATIONS | {None} and investor.id != recipient.id:
                    amount = money[0] if money else None
                    findings.append(
                        Finding(
                            RelationshipKind.INVESTS_IN,
                            investor.id,
                            recipient.id,
                            "raised-from",
                            0.8,
                            s,
                            start,
                            amount=amount.amount if amount else None,
                            currency=amount.currency if amount else None,
                        )
                    )
    return findings


def _names_a_round(s: Sentence, index: int) -> bool:
    """ "the round", "its Series B round", "the $40 million financing": not "a series of protests"."""
    doc = s.span.doc
    j = index
    if j >= s.span.end or doc[j].lower_ not in {"the", "its", "their", "a", "an"}:
        return False
    j += 1
    while j < s.span.end and (
        doc[j].like_num or doc[j].text in CURRENCY_SIGNS or doc[j].lower_ in _AMOUNT_WORDS
    ):
        j += 1  # "the $40 million financing"
    if j + 1 < s.span.end and doc[j].text == "Series" and doc[j + 1].text[:1].isupper():
        return True
    while j < s.span.end and doc[j].lower_ in {"funding", "seed", "new", "latest"}:
        j += 1
    return j < s.span.end and doc[j].lower_ in {"round", "financing", "fundraising"}


_AMOUNT_WORDS = frozenset(["million", "billion", "trillion", "won", "dollar", "dollars"])


def _note_round_of(s: Sentence, state: ArticleState) -> None:
    """ "The largest deal was the 45 billion won Series B of Kyeol Quantum", "Kyeol's Series B":
    the company whose round the next sentences' backers invest in."""
    doc = s.span.doc
    for token in s.span:
        letter = doc[token.i + 1].text if token.i + 1 < s.span.end else ""
        if token.text != "Series" or not (len(letter) <= 2 and letter[:1].isupper()):
            continue  # "the Series B", not "a series of talks"
        j = token.i + 2
        if j < s.span.end and doc[j].lower_ == "round":
            j += 1
        owner = s.at(j + 1) if j + 1 < s.span.end and doc[j].lower_ == "of" else None
        if owner is None and token.i - 2 >= s.span.start and doc[token.i - 1].text in {"'s", "’s"}:
            owner = s.at(token.i - 2)
        if owner is not None and state.kind(owner) in ORGANISATIONS | {None}:
            state.raised = owner.id


def _joined_the_round(s: Sentence, state: ArticleState, raised: str) -> list[Finding]:
    """ "KB Investment, the K-Quantum Fund and Quantonation also joined", "SK Square ... joined
    it", "joined the round": after a round, the backers that joined it invested in its raiser."""
    doc = s.span.doc
    findings: list[Finding] = []
    for start, end in s.found("JOIN"):
        if not doc[start].lower_.startswith("join"):
            continue
        after = doc[end].lower_ if end < s.span.end else "."
        if not (after in {"it", ",", ".", ";"} or _names_a_round(s, end)):
            continue  # "joined in the criticism"
        if any(s.party(m) and m.start >= end for m in s.mentions if m.start < s.clause_end(end + 1)):
            continue  # "joined, in March, the Quantum Alliance": a body, the rule for members says so
        for backer in s.subject(start):
            if backer.id != raised and (
                state.kind(backer) in ORGANISATIONS | {None} or _a_fund(backer, state)
            ):
                findings.append(
                    Finding(RelationshipKind.INVESTS_IN, backer.id, raised, "joined-the-round", 0.7, s, start)
                )
    return findings


def _led_the_round(s: Sentence, state: ArticleState, raised: str) -> list[Finding]:
    """ "Korea Investment Partners led the round, putting in 12 billion won": the lead investor
    of the round the article reported, with its own share when the sentence gives one."""
    findings: list[Finding] = []
    for token in s.span:
        if token.lower_ not in {"led", "co-led", "leads", "co-leads"} or token.i + 2 >= s.span.end:
            continue
        if not _names_a_round(s, token.i + 1):
            continue
        money = s.money(token.i, s.span.end)
        for backer in s.subject(token.i):
            if backer.id != raised and state.kind(backer) in ORGANISATIONS | {None}:
                findings.append(
                    Finding(
                        RelationshipKind.INVESTS_IN,
                        backer.id,
                        raised,
                        "led-the-round",
                        0.75,
                        s,
                        token.i,
                        amount=money[0].amount if money else None,
                        currency=money[0].currency if money else None,
                    )
                )
    return findings


def receives_from(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The consortium ... will receive 12 billion won from the city": the giver funds it."""
    findings: list[Finding] = []
    for start, end in first_per_start(s.found("RECEIVE")):
        money = s.money(start, s.clause_end(start))
        if not money:
            continue
        givers = [
            m
            for m in s.object(end - 1, frozenset({"from"}), limit=12)
            if state.kind(m) in ORGANISATIONS | {EntityKind.PLACE, None}
        ]
        receivers = s.subject(start) or _sentence_subject(s, start)
        for receiver in receivers:
            for giver in givers:
                if giver.id != receiver.id:
                    findings.append(
                        Finding(
                            RelationshipKind.FUNDS,
                            giver.id,
                            receiver.id,
                            "received-from",
                            0.75,
                            s,
                            start,
                            amount=money[0].amount,
                            currency=money[0].currency,
                        )
                    )
    return findings


def _sentence_subject(s: Sentence, index: int) -> list[Mention]:
    """ "The consortium will be led by A and will receive ...": the sentence's subject, when the
    verb at ``index`` follows "and" and auxiliaries."""
    doc = s.span.doc
    j = index - 1
    while j > s.span.start and doc[j].lower_ in {"will", "would", "also", "has", "have", "is", "to", "be"}:
        j -= 1
    first = next((m for m in s.mentions if s.party(m)), None)
    if doc[j].lower_ != "and" or first is None or first.start - s.span.start > 1:
        return []
    return [first]


def round_led_by(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The round was led by Quanta Computer, with NVentures and JPMorgan Chase also
    participating": each invests in whoever raised the round the article reported."""
    findings: list[Finding] = []
    doc = s.span.doc
    _note_round_of(s, state)
    if state.raised is None or s.found("RAISE"):
        return findings
    findings += _led_the_round(s, state, state.raised)
    findings += _joined_the_round(s, state, state.raised)
    if s.found("INVEST"):
        return findings
    for start, end in s.found("LED_BY"):
        before = [t.lower_ for t in doc[max(s.span.start, start - 4) : start]]
        before += [
            t.lower_ for t in doc[s.span.start : min(start, s.span.start + 4)]
        ]  # "The Series B round, whose ..."
        if not {"round", "series", "financing", "fundraising"} & set(before):
            continue
        backers = s.first_party_after(end, limit=4)
        j = backers[-1].end if backers else end
        if j + 1 < s.span.end and doc[j].text == "," and doc[j + 1].lower_ == "with":
            others = s.first_party_after(j + 2, limit=5)
            tail = (
                [t.lower_ for t in doc[others[-1].end : min(s.span.end, others[-1].end + 3)]]
                if others
                else []
            )
            if any(w.startswith(("particip", "join", "invest")) for w in tail):
                backers += others
        for backer in backers:
            if backer.id != state.raised and state.kind(backer) in ORGANISATIONS | {None}:
                findings.append(
                    Finding(
                        RelationshipKind.INVESTS_IN, backer.id, state.raised, "round-led-by", 0.75, s, start
                    )
                )
    return findings


def funds(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "A funds B", "B, funded by A", "A will provide $X to B", "A awarded a $X grant to B"."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, _ in first_per_start(s.found("FUND")):
        verb = doc[start].lower_
        if _a_fund_noun(s, start):
            continue  # "the K-Quantum Fund", "a 300 billion won fund of funds", "the quantum fund"
        money = s.money(start, s.clause_end(start))
        by = start + 2 if doc[start + 1].lower_ in _MANNER else start + 1  # "funded jointly by"
        if doc[start + 1 : start + 3].text.lower() == "in part":
            by = start + 3  # "funded in part by"
        if verb in {"funded", "financed"} and by < s.span.end and doc[by].lower_ == "by":
            funders = s.first_party_after(by + 1)
            coordinated = coordinated_subject(s, start)  # "will be coordinated by A and funded by B"
            recipients = [coordinated] if coordinated is not None else s.subject(start)
            if not recipients:  # "Qunnect's earlier research was funded by": whose research
                owner = next((m for m in s.mentions if m.start < start and s.possessive(m)), None)
                recipients = [owner] if owner is not None and owner.start <= s.clause_start(start) + 1 else []
            rule = "funded-by"
        elif verb.startswith(("fund", "financ")):
            funders = s.subject(start)
            recipients = s.first_party_after(start + 1)
            rule = "funds"
        elif money and verb in _GIVE and s.first_party_after(start + 1, limit=3):
            funders = s.subject(start)  # "the city would give the company a subsidy worth ..."
            recipients = s.first_party_after(start + 1, limit=3)
            rule = "gives-amount"
        elif money and (provided := _provides_it_with(s, start)) is not None:
            funders = s.subject(start)  # "the ministry will provide it with 12 billion won"
            recipients = [provided]
            rule = "provides-it-with"
        elif money:
            funders = s.subject(start)
            # past the amount's equivalent: "2.4 billion won (about $1.7 million) toward the trial"
            spent = verb.startswith("spen")  # "will spend 30 billion won on the cluster"
            prepositions = frozenset({"on"} if spent else {"to", "for", "toward", "towards"})
            recipients = s.object(money[0].end, prepositions, limit=9) or _whose_part(
                s, money[0].end, prepositions, state
            )
            rule = "funds-amount"
            if not recipients and verb not in _BUDGET_VERBS:
                described = described_object(s, money[0].end, frozenset({"to"}), state, "funds-described")
                recipients, rule = ([described], "funds-described") if described else ([], rule)
            backed = _round_backed(s, state, funders, start) if not recipients else None
            if backed is not None and _gift_ends(s, money[-1].end):
                # "QDNL contributed 8 billion won;", in a list of a round's backers: a stake
                findings += [
                    Finding(RelationshipKind.INVESTS_IN, f.id, backed.id, "put-into-the-round", 0.7, s, start)
                    for f in funders
                    if f.id != backed.id
                ]
                continue
            if not recipients and verb not in _BUDGET_VERBS and _gift_ends(s, money[-1].end):
                # "Ulsan will contribute 4 billion won.": to what the article is about
                focus = state.focus({f.id for f in funders})
                if focus is not None:
                    recipients = [
                        Mention(start, start + 1, focus, state.registry.get(focus).kind, "anaphora")
                    ]
                    rule = "funds-focus"
        else:
            continue
        shares = _gapped_funders(s, money) if rule in {"funds-amount", "funds-focus"} else []
        for funder, amount in [(f, money[0] if money else None) for f in funders] + shares:
            for recipient in recipients:
                if funder.id == recipient.id or state.kind(funder) not in _ORGS_OR_PLACES:
                    continue
                findings.append(
                    Finding(
                        RelationshipKind.FUNDS,
                        funder.id,
                        recipient.id,
                        rule,
                        0.8,
                        s,
                        start,
                        amount=amount.amount if amount else None,
                        currency=amount.currency if amount else None,
                    )
                )
    return findings


_INVESTOR_WORDS = frozenset(["investors", "backers", "shareholders"])


def listed_investors(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The other investors, according to the company, were: A; B, the investment arm of C; and
    D": after a round, the backers listed after a colon invested in who raised it."""
    doc = s.span.doc
    colon = next((t.i for t in s.span if t.text == ":" and t.i > s.span.start + 1), None)
    if colon is None:
        return []
    word = next((t for t in doc[s.clause_start(colon) : colon] if t.lower_ in _INVESTOR_WORDS), None)
    if word is None:
        return []
    owner = _whose(s, word.i)  # "bought from Qoax's earlier investors, each of which ...:"
    listing = doc[colon - 1].lower_ in {"were", "are", "include", "included", "includes"}
    target = owner.id if owner is not None else state.raised if listing else None
    if target is None:
        return []  # "Investors were cautious: KT and LG shares fell" lists no investors
    return [
        Finding(RelationshipKind.INVESTS_IN, m.id, target, "listed-investors", 0.75, s, colon)
        for m in s.listed_after(colon + 1)
        if m.id != target and state.kind(m) in _ORGS_OR_PLACES
    ]


def _whose(s: Sentence, index: int) -> Mention | None:
    """The owner in "Qoax's (earlier) investors": the name before "'s", past a describing word."""
    doc = s.span.doc
    j = index - 1
    while j > s.span.start and doc[j].lower_ in _SHAREHOLDER_ADJECTIVES:
        j -= 1
    if j > s.span.start and doc[j].text in {"'s", "’s"}:
        return s.at(j - 1)
    return None


_HELP = frozenset(["help", "helps", "helped", "helping"])  # "will help fund": the verb
_MODALS = frozenset(["will", "would", "to", "can", "could", "may", "might", "shall", "should", "must"])
_NOUN_BEFORE = frozenset(["a", "an", "the", "its", "their", "this", "quantum", "venture", "state", "won"])


def _a_fund_noun(s: Sentence, index: int) -> bool:
    """ "fund" or "funds" named or used as a noun: in a name, after an article, a number or an
    adjective of funds, or before "of" or "that"."""
    doc = s.span.doc
    if doc[index].lower_ not in {"fund", "funds"}:
        return False
    if s.at(index) is not None:
        return True
    before = doc[index - 1] if index > s.span.start else None
    if before is not None and (
        before.lower_ in _NOUN_BEFORE or before.like_num or before.lower_.endswith("-based")
    ):
        return True
    singular = doc[index].lower_ == "fund"  # "the ministry funds the alliance" is the verb
    after_modal = index - 2 >= s.span.start and doc[index - 2].lower_ in _MODALS  # "will soon fund"
    if (
        singular
        and not after_modal
        and before is not None
        and before.is_lower
        and before.is_alpha
        and not before.is_stop
    ):
        # "the Dutch state investment fund Invest-NL"; not "jointly fund", "help fund"
        return not before.lower_.endswith("ly") and before.lower_ not in _HELP
    after = doc[index + 1].lower_ if index + 1 < s.span.end else "."
    return after in {"of", "that", "which", "manager", "managers"}


def _provides_it_with(s: Sentence, start: int) -> Mention | None:
    """ "The centre has been selected ..., and the ministry will provide it with 12 billion won":
    "it" is what the sentence opened with; or the one named: "provide QuEra Korea with"."""
    doc = s.span.doc
    named = s.at(start + 1)
    if named is not None and s.party(named) and s.name_end(named) < s.span.end:
        # "will provide QuEra Korea with 5.5 billion won"
        return named if doc[s.name_end(named)].lower_ == "with" else None
    if start + 2 >= s.span.end or doc[start + 1].lower_ != "it" or doc[start + 2].lower_ != "with":
        return None
    first = next((m for m in s.mentions if s.party(m)), None)
    return first if first is not None and first.start <= s.span.start + 1 and first.start < start else None


def _gapped_funders(s: Sentence, money: list[Money]) -> list[tuple[Mention, Money]]:
    """ "ISED has committed C$10 million, TEM 6 million euros and NRF S$8 million": the others
    that give, each named right before its own amount, with the verb left out; not one that
    names its own recipient ("KT will give 5 billion won to KAIST, and LG 3 billion to POSTECH")."""
    doc = s.span.doc
    if not money:
        return []
    found: list[tuple[Mention, Money]] = []
    for mention in s.mentions:
        if mention.start <= money[0].end or not s.party(mention):
            continue
        if doc[mention.start - 1].lower_ not in {",", "and"}:
            continue
        own = next((m for m in money if m.start == s.name_end(mention)), None)
        if own is not None and not s.object(own.end, frozenset({"to", "for", "toward"}), limit=3):
            found.append((mention, own))
    return found


def _round_backed(s: Sentence, state: ArticleState, backers: list[Mention], index: int) -> Mention | None:
    """Who raised the round an amount went into, where the amount names no recipient and the
    sentence lists the round's backers one by one ("Korea Investment Partners put in 20 billion
    won; Hyundai CRADLE invested 12 billion won; ..."): companies and funds buy into the company
    that raised it. Public money is a grant, and a sentence of its own may be about anything."""
    raised = state.raised
    listed = any(t.text == ";" for t in s.span)
    of_the_round = {"round", "series"} & {t.lower_ for t in s.span}  # "The round was led by X, which put in"
    if raised is None or not backers or not (listed or of_the_round):
        return None
    if any(state.kind(b) not in {EntityKind.COMPANY, None} and not _a_fund(b, state) for b in backers):
        return None
    return Mention(index, index + 1, raised, state.registry.get(raised).kind, "anaphora")


_PAID_FOR_PARTS = frozenset(
    {EntityKind.CLUSTER, EntityKind.PROGRAMME, EntityKind.RESEARCH_INSTITUTE, EntityKind.CONSORTIUM}
)


def _whose_part(s: Sentence, index: int, prepositions: frozenset[str], state: ArticleState) -> list[Mention]:
    """ "has committed 4 billion won to the centre's equipment", "to the link's first phase": the
    body whose part the money pays for."""
    doc = s.span.doc
    for j in range(index, min(s.clause_end(index), index + 9)):
        if doc[j].lower_ in prepositions:
            k = j + 1
            found = s.at(k) or (s.at(k + 1) if doc[k].lower_ == "the" else None)
            if found is not None and s.possessive(found) and state.kind(found) in _PAID_FOR_PARTS:
                return [found]
            return []
    return []


def _gift_ends(s: Sentence, index: int) -> bool:
    """Whether the clause ends after the amount at ``index``, naming no recipient: "will
    contribute 4 billion won ($2.9 million).", "will chip in a further 10 billion won, most of it
    to pay for test chips"."""
    doc = s.span.doc
    j = index
    if j < s.span.end and doc[j].text == ")":  # the amount was the dollar equivalent
        j += 1
    elif j < s.span.end and doc[j].text == "(":  # the dollar equivalent follows
        while j < s.span.end and doc[j].text != ")":
            j += 1
        j += 1
    if j < s.span.end and doc[j].lower_ == "over" and s.at(j + 1) is None:
        j = s.clause_end(j)  # "over three years"
    if [t.lower_ for t in doc[j : j + 3]] in (["of", "its", "own"], ["of", "their", "own"]):
        j += 3  # "is adding 25 billion won of its own"
    return j >= s.span.end or doc[j].text in {".", ",", ";"} or s.clause_end(j) == j


_MANNER = frozenset({"jointly", "partly", "largely", "fully", "mainly", "entirely", "also", "mostly"})
_GIVE = frozenset(
    ["give", "gives", "gave", "given", "grant", "grants", "granted", "award", "awards", "awarded"]
)


_BUDGET_VERBS = frozenset(
    ["allocate", "allocates", "allocated", "allocating", "earmark", "earmarks", "earmarked", "set", "sets"]
)


_SHAREHOLDER_ADJECTIVES = frozenset(
    ["existing", "other", "current", "early", "earlier", "new", "main", "largest", "previous"]
)


def investors(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "The firm counts Intel Capital and Samsung Next among its investors", "SDT's backers
    include KDB": each invests in the company."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("INVESTORS")):
        if doc[start].lower_.startswith("count"):
            company, backers = s.subject(start), s.first_party_after(start + 1, limit=3)
        else:
            owner = _whose(s, start) or _its_opening(s, start, state)  # "Lumiphase's shareholders, including"
            company = [owner] if owner is not None else s.subject(start, max_gap=3)
            # "include the Australian fund X", "include A, the venture arm of B, and C"
            backers = _past_an_aside(s, s.listed_after(end))
        for investor in backers:
            for target in company:
                if investor.id != target.id and (
                    state.kind(investor) in ORGANISATIONS | {None} or _a_fund(investor, state)
                ):
                    findings.append(
                        Finding(
                            RelationshipKind.INVESTS_IN,
                            investor.id,
                            target.id,
                            "investors-include",
                            0.8,
                            s,
                            start,
                        )
                    )
    return findings


def _joining_investors(s: Sentence, targets: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """ "will invest 27 billion won in Photonic, joining existing investors Microsoft and BCI":
    the ones after "joining ... investors" are not invested in; they invested in it too."""
    doc = s.span.doc
    if len(targets) < 2:
        return targets, []
    for split, target in enumerate(targets[1:], start=1):
        words = [t.lower_ for t in doc[targets[split - 1].end : target.start]]
        if {"joining", "alongside"} & set(words) and _INVESTOR_WORDS & set(words):
            return targets[:split], targets[split:]
    return targets, []


def _past_an_aside(s: Sentence, listed: list[Mention]) -> list[Mention]:
    """A list that goes on past an aside: "Google and SoftBank Vision Fund 2, and, since a
    funding round last spring, KB Investment" gives all three."""
    if not listed:
        return listed
    doc = s.span.doc
    j = s.name_end(listed[-1])
    if j < s.span.end and doc[j].text == ",":
        j += 1
    if j + 1 >= s.span.end or [t.text for t in doc[j : j + 2]] != ["and", ","]:
        return listed
    close = next((k for k in range(j + 2, min(s.span.end, j + 11)) if doc[k].text == ","), None)
    if close is None or any(s.at(k) is not None for k in range(j + 2, close)):
        return listed
    return listed + s.first_party_after(close + 1, limit=1)[:1]


def _its_opening(s: Sentence, start: int, state: ArticleState) -> Mention | None:
    """ "Its investors include A and B" opening a sentence: the organisation the sentence before
    opens with, when it is the only one that sentence names, or the one a passive or a copula
    says something of ("Diraq was spun out of UNSW Sydney in 2022. Its backers include")."""
    doc = s.span.doc
    if start - 1 != s.span.start or doc[start - 1].lower_ not in {"its", "their"} or s.previous is None:
        return None
    previous = s.previous
    organisations = ORGANISATIONS | {None}
    named = [m for m in previous.mentions if previous.party(m) and state.kind(m) in organisations]
    if len({m.id for m in named}) == 1:
        return named[0]
    opener = named[0] if named and named[0].start <= previous.span.start + 1 else None
    if opener is None:
        return None  # "KT bought a stake in Qunova. Its investors include": whose is unclear
    verb = previous.name_end(opener)
    said_of = verb < previous.span.end and doc[verb].lower_ in {"was", "is", "has", "had"}
    return opener if said_of else None


def among_whose_investors(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "Samsung Next, the venture unit of Samsung Electronics, is among Classiq's investors",
    "A and B are among the backers of X": the subject invests in the one whose investors they are."""
    findings: list[Finding] = []
    doc = s.span.doc
    for start, end in first_per_start(s.found("AMONG_WHOSE_INVESTORS")):
        if doc[end - 1].lower_ in {"in", "of"}:
            backed = s.first_party_after(end, s.clause_end(end))
        else:
            owner = next((j for j in range(end - 1, start, -1) if doc[j].lower_ in {"'s", "’s", "'"}), None)
            mention = s.at(owner - 1) if owner is not None else None
            backed = [mention] if mention is not None else []
        investors = [m for m in s.subject(start) if state.kind(m) in ORGANISATIONS | {None}]
        for target in backed[:1]:
            if state.kind(target) not in ORGANISATIONS | {None}:
                continue
            for investor in investors:
                if investor.id != target.id:
                    findings.append(
                        Finding(
                            RelationshipKind.INVESTS_IN,
                            investor.id,
                            target.id,
                            "among-investors",
                            0.75,
                            s,
                            start,
                        )
                    )
    return findings


_HOLDS = frozenset({"holds", "hold", "owns", "own", "has", "have"})
_PERCENT = frozenset({"percent", "%", "pct"})


def percent_held(s: Sentence, state: ArticleState) -> list[Finding]:
    """ "LG Uplus owns 80 percent of the unit and Noeul the remaining 20 percent", "KT has a 9
    percent stake in Qunova": a shareholder invests in what it holds a share of."""
    findings: list[Finding] = []
    doc = s.span.doc
    for token in s.span:
        j = _past_a_percentage(s, token.i + 1) if token.lower_ in _HOLDS else None
        if j is None or j >= s.span.end or doc[j].lower_ not in {"of", "in"}:
            continue
        targets = s.first_party_after(j + 1, limit=3)
        holders = [m for m in s.subject(token.i, max_gap=2) if state.kind(m) in ORGANISATIONS | {None}]
        if not targets or state.kind(targets[0]) not in ORGANISATIONS | {None}:
            continue
        target = targets[0]
        holders += _holder_of_the_rest(s, s.name_end(target))
        findings += [
            Finding(RelationshipKind.INVESTS_IN, holder.id, target.id, "holds-percent", 0.8, s, token.i)
            for holder in holders
            if holder.id != target.id
        ]
    return findings


def _past_a_percentage(s: Sentence, index: int) -> int | None:
    """The token after "80 percent", "a 9 per cent stake" or "the remaining 20 %" from ``index``."""
    doc = s.span.doc
    j = index
    while j < s.span.end and doc[j].lower_ in {"a", "an", "the", "remaining", "other"}:
        j += 1
    if j + 1 >= s.span.end or not doc[j].like_num:
        return None
    j += 1
    if doc[j].lower_ == "per" and j + 1 < s.span.end and doc[j + 1].lower_ == "cent":
        j += 1
    elif doc[j].lower_ not in _PERCENT:
        return None
    j += 1
    return j + 1 if j < s.span.end and doc[j].lower_ == "stake" else j


def _holder_of_the_rest(s: Sentence, index: int) -> list[Mention]:
    """ "... of the unit and Noeul the remaining 20 percent": a second holder of the same company,
    when nothing but its share follows the name (not "and Naver has 20 percent of Kakao")."""
    doc = s.span.doc
    if index + 1 >= s.span.end or doc[index].lower_ != "and":
        return []
    other = s.at(index + 1)
    if other is None or other.start != index + 1:
        return []
    after = _past_a_percentage(s, s.name_end(other))
    if after is None or (after < s.span.end and doc[after].lower_ in {"of", "in"}):
        return []
    return [other]


RULES: list[Rule] = [
    percent_held,
    invests,
    raised_from,
    funds,
    investors,
    round_led_by,
    receives_from,
    among_whose_investors,
    listed_investors,
]
