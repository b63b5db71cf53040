"""The rule-based extractor: spaCy's tokenizer, sentence splitter and rule matchers, a gazetteer of
the store's names, and hand-written rules for how news states partnerships. No model is
fetched; the same article always gives the same proposal.

Two passes over the article: the first collects the names it uses (:mod:`ingest.extract.names`),
the second finds who each sentence mentions and applies the rules, sentence by sentence, so a
later "the ministry" or "of this total" can refer back.

>>> from pathlib import Path
>>> from ingest.extract.article import read_article
>>> article = read_article(Path("data/sources/2026-01-29-korea-quantum-strategy.txt"))
>>> found = RuleExtractor().extract(article, [], "article-1")
>>> mous = [r.relationship for r in found.relationships if r.relationship.kind.value == "SIGNED_MOU_WITH"]
>>> [(mou.source, mou.target) for mou in mous]
[('ionq', 'ministry-of-science-and-ict')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from graph.model import EntityKind, Evidence, Relationship, RelationshipKind, normalise_name
from graph.store.base import EntityNames
from ingest.extract import described, facilities, investments, located, parts, people, programmes, ties
from ingest.extract.article import Article
from ingest.extract.base import Extraction, ProposedRelationship
from ingest.extract.gazetteer import Entry, Gazetteer
from ingest.extract.hedges import HEDGED_KINDS, denied, hearsay
from ingest.extract.lexicon import GOVERNMENT_SUFFIXES
from ingest.extract.mentions import MentionFinder
from ingest.extract.names import NameCandidate, find_names, is_korean_name
from ingest.extract.nlp import pipeline
from ingest.extract.registry import Registry
from ingest.extract.sentence import Finding, Sentence
from ingest.extract.state import ArticleState
from ingest.extract.triggers import trigger_matcher

RULES = [
    *programmes.RULES,
    *facilities.RULES,
    *described.RULES,
    *ties.RULES,
    *investments.RULES,
    *located.RULES,
    *people.RULES,
    *parts.RULES,
]
# ties dated by the sentence that states them: the events a hedge can weigh, and taking a post
EVENTS = HEDGED_KINDS | {RelationshipKind.LEADS}
_NAME_CONFIDENCE = {"title": 0.85, "name": 0.8, "descriptor": 0.8, "described": 0.75}


class RuleExtractor:
    """An :class:`ingest.extract.base.Extractor` built on spaCy's rule matchers."""

    name = "ckg-rules"
    version = "1.0"

    def extract(self, article: Article, known: Sequence[EntityNames], source_id: str) -> Extraction:
        nlp = pipeline()
        docs = list(nlp.pipe(block.text for block in article.blocks))
        registry = Registry(known)
        gazetteer = Gazetteer(nlp)
        for entry in known:
            gazetteer.add(entry.id, entry.kind, [entry.id, *entry.names], "store")
        gazetteer.add_places()
        candidates = find_names(docs)
        _register_names(candidates, gazetteer, registry, known, _named_apart(docs, candidates))
        finder = MentionFinder(gazetteer, registry)
        state = ArticleState(registry, finder.history, article.published, countries=finder.countries)
        findings: list[Finding] = []
        previous: Sentence | None = None
        reported: int | None = None  # where the clause that the sentence before reports begins
        for index, doc in enumerate(docs):
            names = finder.names(doc)
            matches = trigger_matcher()(doc)
            for span in doc.sents:
                triggers: dict[str, list[tuple[int, int]]] = {}
                for label, start, end in matches:
                    if span.start <= start < span.end:
                        triggers.setdefault(doc.vocab.strings[label], []).append((start, end))
                inside = finder.sentence(span, names)
                locator = article.locator(index, span.start_char)
                sentence = Sentence(span, inside, locator, triggers, previous)
                found: list[Finding] = []
                for rule in RULES:
                    found += rule(sentence, state)
                found += state.pending
                state.pending = []
                reported_here = _reported_clause(sentence)  # once a sentence: its findings, the next's denial
                kept = [
                    _hedged(f)
                    for f in found
                    if not _denied(
                        f, reported_here if f.sentence is sentence else _reported_clause(f.sentence)
                    )
                ]
                if reported is not None and _denies_it(span):
                    # "A newspaper reported that Samsung Ventures had joined the round. Kwon denied it."
                    findings = [f for f in findings if not (f.sentence is previous and f.at >= reported)]
                finder.stated_pair(_pair_tied(kept))
                state.set_up |= {f.target for f in kept if f.kind is RelationshipKind.ESTABLISHES}
                findings += kept
                previous, reported = sentence, reported_here
        findings = _named_later(findings, registry)
        for finding in findings:  # a described facility that the next sentence named
            finding.source = state.renamed.get(finding.source, finding.source)
            finding.target = state.renamed.get(finding.target, finding.target)
        relationships = _merge(findings, article, source_id, registry, f"{self.name} {self.version}")
        return Extraction(registry.proposals(), relationships, registry.matched())


_PAIR_KINDS = frozenset(
    {RelationshipKind.SIGNED_MOU_WITH, RelationshipKind.PARTNERS_WITH, RelationshipKind.COLLABORATES_WITH}
)


def _pair_tied(found: list[Finding]) -> tuple[str, str] | None:
    """The two parties of the sentence's last agreement or partnership, if it tied just two, else
    the two that set up one thing together ("A and B will open a joint research centre, the two
    sides said": the two sides are A and B, not B and the centre)."""
    pairs = [(f.source, f.target) for f in found if f.kind in _PAIR_KINDS and f.source != f.target]
    parties = {party for pair in pairs for party in pair}
    if pairs:
        return pairs[-1] if len(parties) == 2 else None
    founders: dict[str, list[str]] = {}
    for f in found:
        if f.kind is RelationshipKind.ESTABLISHES and f.source not in founders.setdefault(f.target, []):
            founders[f.target].append(f.source)
    joint = [tuple(sources) for sources in founders.values() if len(sources) == 2]
    return (joint[0][0], joint[0][1]) if len(joint) == 1 else None


_FACILITY_HEADS = {
    "center": "centre",
    "centre": "centre",
    "lab": "lab",
    "laboratory": "lab",
    "institute": "institute",
}


def _named_later(findings: list[Finding], registry: Registry) -> list[Finding]:
    """ "KAIST and ETRI opened a joint research centre ... The KAIST-ETRI Quantum Communication
    Research Center was founded by ...": the centre the article described is the one it then
    names, when the name says what it is and names one of its founders."""
    described: dict[str, set[str]] = {}  # described facility -> its founders
    for f in findings:
        item = registry.items.get(f.target)  # a store entity a rule named directly is not an item
        if item is None:
            continue
        if f.kind is RelationshipKind.ESTABLISHES and not item.named and item.rule == "opened-facility":
            described.setdefault(f.target, set()).add(f.source)
    if len(described) != 1:
        return findings
    facility, founders = next(iter(described.items()))
    head = next(
        (
            _FACILITY_HEADS[w]
            for w in reversed(registry.get(facility).name.lower().split())
            if w in _FACILITY_HEADS
        ),
        None,
    )
    candidates = []
    for entity_id in registry.ids():
        item = registry.get(entity_id)
        if item.in_store or not item.named or item.kind is not EntityKind.RESEARCH_INSTITUTE:
            continue
        words = [_FACILITY_HEADS.get(w, w) for w in normalise_name(item.name).replace("-", " ").split()]
        founder_names = {
            normalise_name(n)
            for founder in founders
            if (known := registry.items.get(founder)) is not None
            for n in [known.name, *known.aliases]
        }
        if head in words and founder_names & set(words):
            candidates.append(entity_id)
    if len(candidates) != 1:
        return findings
    named = candidates[0]
    for f in findings:
        f.source = named if f.source == facility else f.source
        f.target = named if f.target == facility else f.target
    return findings


_DENIALS = frozenset(["denied", "denies", "deny", "dismissed", "rejected"])
_REPORTING = frozenset(["reported", "reports", "report"])
_CALLED_WRONG = frozenset(["wrong", "untrue", "false", "incorrect", "inaccurate"])
_REPORTS_DENIED = frozenset(["report", "reports", "claim", "claims", "story"])


def _reported_clause(sentence: Sentence) -> int | None:
    """Where the clause a report states begins: the token after "reported that" ("A local
    newspaper reported last month that X had joined the round"), if the sentence has one."""
    doc = sentence.span.doc
    for token in sentence.span:
        if token.lower_ in _REPORTING:
            that = next(
                (t.i for t in doc[token.i + 1 : min(sentence.span.end, token.i + 5)] if t.lower_ == "that"),
                None,
            )
            if that is not None:
                return that + 1
    return None


def _denies_it(span: Span) -> bool:
    """ "Kwon denied it.", "The company denied the report.": the sentence denies the report of
    the sentence before it, not some other thing ("Analysts dismissed the idea")."""
    words = [t.lower_ for t in span if not t.is_punct]
    for i, word in enumerate(words[:-1]):
        if word in _DENIALS:
            rest = words[i + 1 : i + 3]
            return rest == ["it"] or (len(rest) == 2 and rest[0] == "the" and rest[1] in _REPORTS_DENIED)
    return False


_VERB_STATED = frozenset({"leads-body", "runs", "belongs-to", "set-up-unit"})
"""Rules whose tie a verb states ("KT will chair the alliance", "which MSIT runs", "has no plans to
set up a subsidiary"), so that a negation or a weighing word before it ("declined to chair", "may
chair") undoes it, whatever its kind."""


def _denied(finding: Finding, reported: int | None) -> bool:
    """Whether the sentence denies the tie or only weighs it (see :mod:`ingest.extract.hedges`),
    or calls the report that states it wrong: "Reports that X had joined the round were wrong"
    (the tie inside the reported clause, before "were wrong")."""
    hedged = finding.kind in HEDGED_KINDS or finding.rule in _VERB_STATED
    if hedged and denied(finding.sentence.span, finding.at):
        return True
    doc = finding.sentence.span.doc
    if reported is None or finding.at < reported:
        return False
    verdict = next(
        (
            t.i
            for t in doc[finding.at : finding.sentence.span.end]
            if t.lower_ in {"was", "were", "is", "are"}
        ),
        None,
    )
    return verdict is not None and verdict + 1 < len(doc) and doc[verdict + 1].lower_ in _CALLED_WRONG


def _hedged(finding: Finding) -> Finding:
    """A tie the article passes on from unnamed sources stays, less sure and saying so, so that
    review (or ``--min-confidence``) decides on it."""
    if finding.kind in HEDGED_KINDS and hearsay(finding.sentence.span):
        finding.confidence = min(finding.confidence, 0.5)
        finding.note = "reported from unnamed sources"
    return finding


def _register_names(
    candidates: dict[str, NameCandidate],
    gazetteer: Gazetteer,
    registry: Registry,
    known: Sequence[EntityNames],
    apart: set[tuple[str, str]],
) -> None:
    """Make the article's own names findable: a city's government ("Daejeon Metropolitan City")
    is the city, a short form ("Rigetti" for "Rigetti Computing", "Samsung" for the store's
    "Samsung Electronics", "Biercuk" for "Michael Biercuk") is the full name, unless a sentence
    uses both (``apart``), and any other name is a candidate entity."""
    first_words: dict[str, set[str]] = {}
    for entry in known:
        if entry.kind is not EntityKind.PERSON:
            for name in entry.names:
                words = name.split()
                if len(words) > 1:
                    first_words.setdefault(normalise_name(words[0]), set()).add(f"store:{entry.id}")
    kinds: dict[str, EntityKind | None] = {}
    for entry in known:
        kinds[f"store:{entry.id}"] = entry.kind
    for candidate in candidates.values():
        kinds[f"article:{normalise_name(candidate.name)}"] = candidate.kind
        words = candidate.name.split()
        if len(words) == 2 and candidate.kind is EntityKind.COMPANY and gazetteer.knows(words[1]):
            continue  # "Pasqal Korea" is the Korean unit: "Pasqal" alone is the parent
        if (normalise_name(words[0]), normalise_name(candidate.name)) in apart:
            continue  # "Naver Cloud, the cloud services arm of internet company Naver": two names
        if len(words) > 1 and candidate.kind not in {EntityKind.PERSON, None}:
            first_words.setdefault(normalise_name(words[0]), set()).add(
                f"article:{normalise_name(candidate.name)}"
            )
        elif len(words) > 1 and candidate.kind is EntityKind.PERSON:  # "Biercuk" is Michael Biercuk
            first_words.setdefault(normalise_name(words[-1]), set()).add(
                f"article:{normalise_name(candidate.name)}"
            )
            if is_korean_name(candidate.name):  # "Governor Jung" is Jung Min-cheol: the family name first
                first_words.setdefault(normalise_name(words[0]), set()).add(
                    f"article:{normalise_name(candidate.name)}"
                )
    ordered = sorted(candidates.values(), key=lambda c: -len(c.name.split()))  # full names first
    # "Hanbit set up a US subsidiary, Hanbit Quantum Inc.": "Hanbit" is still Hanbit Quantum
    units = {normalise_name(c.name) for c in candidates.values() if c.unit}
    used_apart = {short for short, name in apart if name not in units}
    added: dict[str, str] = {}
    for candidate in ordered:
        if gazetteer.knows(candidate.name) or all(gazetteer.knows(p) for p in candidate.name.split("-")):
            continue  # a place, or places joined ("US-UK")
        place = _government_of_place(candidate.name, gazetteer)
        if place is not None:
            gazetteer.alias(place, [candidate.name])
            continue
        longer = _with_corporate_suffix(candidate.name, gazetteer, units)
        if longer is not None:  # "Hyundai Motor" for "Hyundai Motor Company"
            if longer.origin == "article":
                registry.get(longer.key).aliases.append(candidate.name)
            gazetteer.alias(longer, [candidate.name])
            continue
        key = normalise_name(candidate.name)
        owners = first_words.get(key, set())
        if key in used_apart:
            owners = set()  # "Kakao Enterprise, the unit of internet company Kakao": Kakao is its own
        owners = {o for o in owners if o.split(":", 1)[1] not in units}
        if len(candidate.name.split()) == 1 and owners:
            entities = {o for o in owners if o.startswith("store:") or o.split(":", 1)[1] in added}
            if entities:  # "Hyundai Motor" was made a name of "Hyundai Motor Company": one owner
                owners = entities
            companies = {o for o in owners if kinds.get(o) is EntityKind.COMPANY}
            if len(owners) > 1 and len(companies) == 1:
                owners = companies  # "Samsung" beside Samsung Electronics and SAIT is the company
            if len(owners) == 1:
                owner = next(iter(owners))
                origin, owner_key = owner.split(":", 1)
                if origin == "store":
                    gazetteer.add(
                        owner_key,
                        registry.store_entity(owner_key).kind or EntityKind.COMPANY,
                        [candidate.name],
                        "store",
                    )
                elif owner_key in added:
                    registry.get(added[owner_key]).aliases.append(candidate.name)
                    gazetteer.add(
                        added[owner_key],
                        registry.get(added[owner_key]).kind or EntityKind.COMPANY,
                        [candidate.name],
                        "article",
                    )
                continue
            # "Kakao" beside Kakao Enterprise, Kakao Mobility and Kakao Investment: none of them,
            # the group they share the name of, an entity of its own
        evidence = candidate.evidence.split(" ")[0] if candidate.evidence else ""
        confidence = _NAME_CONFIDENCE.get(evidence, 0.75) if candidate.kind else 0.5
        item = registry.propose(
            candidate.name,
            candidate.kind,
            rule=f"name ({candidate.evidence})" if candidate.evidence else "name",
            confidence=confidence,
            aliases=list(candidate.aliases),
        )
        added[key] = item.id
        gazetteer.add(
            item.id, candidate.kind or EntityKind.COMPANY, [candidate.name, *candidate.aliases], "article"
        )


def _named_apart(docs: Sequence[Doc], candidates: dict[str, NameCandidate]) -> set[tuple[str, str]]:
    """(first word, name) pairs that one sentence uses side by side, so the first word is not a
    short form of the name: news does not call one company by two names in a sentence."""
    apart: set[tuple[str, str]] = set()
    longer = [c.name for c in candidates.values() if len(c.name.split()) > 1]
    for doc in docs:
        for span in doc.sents:
            text = span.text
            for name in longer:
                if name not in text:
                    continue
                bare = text
                for other in longer:
                    if name in other and other != name:
                        bare = bare.replace(
                            other, " "
                        )  # "Sorae Photonics" only inside "Sorae Photonics B.V."
                if name not in bare:
                    continue
                first = name.split()[0]
                if re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])", bare.replace(name, " ")):
                    apart.add((normalise_name(first), normalise_name(name)))
    return apart


_CORPORATE_SUFFIXES = ("Company", "Co.", "Corp.", "Corporation", "Inc.", "Ltd.", "Limited", "Holdings")


def _with_corporate_suffix(name: str, gazetteer: Gazetteer, units: set[str]) -> Entry | None:
    """The organisation whose name is ``name`` and a corporate suffix: news names "Hyundai Motor
    Company" once and "Hyundai Motor" after. Not a unit the suffix names apart from its parent
    ("Hanbit Quantum" and its US subsidiary, Hanbit Quantum Inc.)."""
    if len(name.split()) < 2:
        return None  # one word is the first-word rule's ("Rigetti" for "Rigetti Computing")
    for suffix in _CORPORATE_SUFFIXES:
        if normalise_name(f"{name} {suffix}") in units:
            continue
        entry = gazetteer.lookup(f"{name} {suffix}")
        if entry is not None and entry.kind is EntityKind.COMPANY:
            return entry
    return None


def _government_of_place(name: str, gazetteer: Gazetteer) -> Entry | None:
    words = name.split()
    for suffix in GOVERNMENT_SUFFIXES:
        if len(words) > len(suffix) and tuple(w.lower() for w in words[-len(suffix) :]) == suffix:
            entry = gazetteer.lookup(" ".join(words[: -len(suffix)]))
            if entry is not None and entry.kind is EntityKind.PLACE:
                return entry
    return None


@dataclass
class _Tie:
    findings: list[Finding] = field(default_factory=list)


def _joint_development(finding: Finding) -> bool:
    """ "Under an agreement signed on Monday, the two companies will co-develop ...": joint work
    that the sentence states as what the parties will do, beside the agreement it is done under,
    is a tie of its own; "signed an MOU to jointly develop" says what the MOU is for."""
    doc = finding.sentence.span.doc
    word = doc[finding.at].lower_
    after = doc[finding.at + 1].lower_ if finding.at + 1 < len(doc) else ""
    before = doc[finding.at - 1].lower_ if finding.at > 0 else ""
    joint = word.startswith(("co-develop", "co-design")) or (
        word == "jointly" and after.startswith("develop")
    )
    return joint and before != "to"


def _merge(
    findings: list[Finding], article: Article, source_id: str, registry: Registry, extracted_by: str
) -> list[ProposedRelationship]:
    """One proposal per (kind, ends): evidence from every sentence that states it, the highest
    confidence, the first amount; a collaboration stated in the same sentence as an MOU or a
    partnership between the same two is part of that agreement, not a tie of its own, unless it
    is joint development."""
    ties_by_key: dict[tuple[RelationshipKind, str, str], _Tie] = {}
    for finding in findings:
        if finding.source == finding.target:
            continue
        source, target = finding.source, finding.target
        if finding.kind.symmetric and target < source:
            source, target = target, source
        ties_by_key.setdefault((finding.kind, source, target), _Tie()).findings.append(finding)
    agreements = {
        (id(f.sentence), frozenset((f.source, f.target)))
        for tie in ties_by_key.values()
        for f in tie.findings
        if f.kind in {RelationshipKind.SIGNED_MOU_WITH, RelationshipKind.PARTNERS_WITH}
    }
    proposals: list[ProposedRelationship] = []
    for (kind, source, target), tie in ties_by_key.items():
        kept = [
            f
            for f in tie.findings
            if not (
                kind is RelationshipKind.COLLABORATES_WITH
                and (id(f.sentence), frozenset((source, target))) in agreements
                and not _joint_development(f)
            )
        ]
        if not kept:
            continue
        proposals.append(_proposal(kind, source, target, kept, article, source_id, extracted_by))
        registry.use(source)
        registry.use(target)
    return proposals


def _proposal(
    kind: RelationshipKind,
    source: str,
    target: str,
    findings: list[Finding],
    article: Article,
    source_id: str,
    extracted_by: str,
) -> ProposedRelationship:
    best = max(findings, key=lambda f: f.confidence)
    first = findings[0]
    evidence: dict[str, Evidence] = {}
    for finding in findings:
        for sentence in [*finding.also, finding.sentence]:
            evidence.setdefault(
                sentence.text,
                Evidence(
                    source=source_id, quote=sentence.text, locator=sentence.locator, extracted_by=extracted_by
                ),
            )
    since = None
    since_from = "none"
    note = first.note
    if kind in EVENTS and first.dated:
        since = first.sentence.event_date(first.at, article.published)
        since_from = "sentence" if since else "none"
        if since is None and article.published is not None:
            since, since_from = article.published, "article"
            dated = "since: the article's date; the sentence gives none"
            note = f"{note}; {dated}" if note else dated
    money = next((f for f in findings if f.amount is not None), None)
    relationship = Relationship(
        kind=kind,
        source=source,
        target=target,
        since=since,
        status=first.status or first.sentence.status(first.at),
        amount=money.amount if money else None,
        currency=money.currency if money else None,
        note=note,
        evidence=list(evidence.values()),
    )
    rules = "; ".join(dict.fromkeys(f.rule for f in findings))
    return ProposedRelationship(relationship, round(best.confidence, 2), rules, since_from)
