"""What the rules remember from one sentence to the next in an article: the plan the article is
about (so "the plan" and "to support this growth" can refer to it), the budget a later "of this
total" divides, and a "South Korean companies" that the next sentence lists ("Firms including
...")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.model import EntityKind
from ingest.extract.mentions import History
from ingest.extract.registry import Known, Registry
from ingest.extract.sentence import Finding, Mention, Sentence


@dataclass
class ArticleState:
    registry: Registry
    history: History
    published: date | None
    programme: str | None = None  # the latest plan or strategy the article introduced
    issuers: dict[str, tuple[str, Sentence]] = field(default_factory=dict)  # programme -> country
    budget: tuple[str, str] | None = None  # (budget programme, its funder) for "of this total"
    group_place: tuple[str, Sentence] | None = None  # "South Korean companies" -> next sentence
    pending: list[Finding] = field(default_factory=list)  # found by a helper on a rule's behalf
    countries: set[str] = field(default_factory=set)  # ids of the places that are countries
    raised: str | None = None  # who raised the latest round, for "took part in the round"
    # "Busan has set up a consortium ...": its founders, the noun and the sentence, for a body
    # the next sentence names ("The Busan Photonic Quantum Consortium (BPQC) will be ...")
    unnamed_body: tuple[list[str], str, Sentence] | None = None
    # "MSIT launched a national academy ...": the described facility, its noun and the sentence,
    # for the name the next sentence gives it ("The Quantum Software Academy (QSA) will ...")
    opened: tuple[str, str, Sentence] | None = None
    renamed: dict[str, str] = field(default_factory=dict)  # described entity -> its later name
    # "a consortium led by KT": the body described and the sentence, for "Its other members"
    described_body: tuple[str, Sentence] | None = None
    set_up: set[str] = field(default_factory=set)  # what the article says is being founded or opened

    def create(
        self,
        name: str,
        kind: EntityKind,
        *,
        rule: str,
        confidence: float,
        plan: bool = False,
        referable: bool = False,
        **fields: Any,
    ) -> Known:
        """A described entity (a joint lab, a budget). A ``plan`` becomes the one "the plan" and
        "to support this growth" refer to; other entities can be referred to by their kind, but
        a programme only when ``referable`` (a fund that "the fund" names later, not a budget line)."""
        known = self.registry.propose(name, kind, rule=rule, confidence=confidence, named=False, **fields)
        if kind is not EntityKind.PROGRAMME or plan or referable:
            self.history.seen.append((known.id, kind, name))
        if plan:
            self.programme = known.id
        return known

    def new_name_opening(self, s: Sentence, noun: str) -> Mention | None:
        """The name ``s`` opens with ("The Busan Photonic Quantum Consortium (BPQC) will ...")
        when it ends in ``noun`` and is new to the article (not a store entity, not mentioned in
        a sentence before): the name of what the sentence before described."""
        first = next((m for m in s.mentions if s.party(m)), None)
        if first is None or first.via != "name" or first.start > s.span.start + 1:
            return None
        if self.registry.get(first.id).in_store:
            return None  # "The Korea Military Academy will host ...": one the store knew
        here = sum(1 for m in s.mentions if m.id == first.id and not m.modifier)
        if sum(1 for seen, _, _ in self.history.seen if seen == first.id) > here:
            return None  # one the article named before
        words = self.name(first.id).lower().split()
        return first if words and words[-1] == noun else None

    def focus(self, exclude: set[str], *, bodies_only: bool = False) -> str | None:
        """What the article is about at this point when a sentence takes part, joins or signs up
        without saying in what ("KR has agreed to take part"): the latest body or cluster it
        named, or (unless ``bodies_only``) programme or facility being set up."""
        kinds = _BODY_KINDS if bodies_only else _FOCUS_KINDS
        for entity_id, kind, _ in reversed(self.history.seen):
            if entity_id in exclude or kind not in kinds:
                continue
            if kind is not EntityKind.RESEARCH_INSTITUTE or entity_id in self.set_up:
                return entity_id  # an institute is a party; a centre being set up is what it is about
        return None

    def kind(self, mention: Mention) -> EntityKind | None:
        return self.registry.get(mention.id).kind

    def name(self, entity_id: str) -> str:
        return self.registry.get(entity_id).name


_BODY_KINDS = frozenset({EntityKind.CONSORTIUM, EntityKind.CLUSTER})
_FOCUS_KINDS = _BODY_KINDS | {EntityKind.PROGRAMME, EntityKind.RESEARCH_INSTITUTE}
