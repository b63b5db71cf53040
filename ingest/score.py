"""How good a proposal is: precision and recall of its relationships (by kind and both ends) and of
its entities, against a hand-checked answer file in the data format.

Entities are matched in two ways. By name: a proposed entity and an answer entity match when
one's name or alias is the other's (compared as ``normalise_name`` does), or their ids are equal.
By structure, for what an article describes without naming ("a joint research center"): an
unmatched proposed entity matches an unmatched answer entity of the same kind that is tied in
the same way (same relationship kind, same direction, same amount) to the same matched entity.
The report says how many entities each way matched, so a score never hides how it was reached.

A relationship is correct when its kind matches and both its ends match the answer's ends (in
either order for a symmetric kind); dates and statuses are not scored.

>>> Counts(8, 10, 9).precision, round(Counts(8, 10, 9).recall, 3)
(0.8, 0.889)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from graph.errors import BadInputError, Problem
from graph.model import Dataset, EntityKind, Relationship, normalise_name
from ingest.extract.proposal import Proposal


@dataclass(frozen=True)
class Counts:
    correct: int
    proposed: int
    expected: int

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.correct + other.correct, self.proposed + other.proposed, self.expected + other.expected
        )

    def as_json(self) -> dict[str, float | int]:
        return {
            "correct": self.correct,
            "proposed": self.proposed,
            "expected": self.expected,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Score:
    relationships: Counts
    entities: Counts
    by_kind: dict[str, Counts]
    matched_by_name: int = 0
    matched_by_structure: int = 0
    wrong: list[str] = field(default_factory=list)  # proposed, not in the answer
    missed: list[str] = field(default_factory=list)  # in the answer, not proposed

    def __add__(self, other: Score) -> Score:
        kinds = set(self.by_kind) | set(other.by_kind)
        empty = Counts(0, 0, 0)
        return Score(
            self.relationships + other.relationships,
            self.entities + other.entities,
            {k: self.by_kind.get(k, empty) + other.by_kind.get(k, empty) for k in sorted(kinds)},
            self.matched_by_name + other.matched_by_name,
            self.matched_by_structure + other.matched_by_structure,
            self.wrong + other.wrong,
            self.missed + other.missed,
        )

    def as_json(self) -> dict[str, object]:
        return {
            "relationships": self.relationships.as_json(),
            "entities": self.entities.as_json(),
            "by_kind": {kind: counts.as_json() for kind, counts in self.by_kind.items()},
            "entities_matched_by_name": self.matched_by_name,
            "entities_matched_by_structure": self.matched_by_structure,
            "wrong": self.wrong,
            "missed": self.missed,
        }


@dataclass
class _Side:
    """Entities (id -> kind, names) and relationships of one side, proposal or answer."""

    kinds: dict[str, EntityKind | None]
    names: dict[str, set[str]]
    relationships: list[Relationship]


def read_answer(path: Path) -> Dataset:
    """An answer file: a data file whose relationships name their ends by id."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return Dataset.model_validate(data)
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise BadInputError([Problem(str(path), "", f"not a readable answer file: {error}")]) from error


def score(proposal: Proposal, answer: Dataset, *, min_confidence: float = 0.0) -> Score:
    """Score the items of ``proposal`` not rejected and at least ``min_confidence`` sure."""
    kept = {
        item.relationship
        for item in proposal.meta.items
        if item.relationship is not None and item.status != "rejected" and item.confidence >= min_confidence
    }
    relationships = [r for i, r in enumerate(proposal.dataset.relationships) if i in kept]
    dropped = {
        item.entity
        for item in proposal.meta.items
        if item.entity is not None and (item.status == "rejected" or item.confidence < min_confidence)
    }
    proposed = _Side({}, {}, relationships)
    for entity in proposal.dataset.entities:
        if entity.id not in dropped:
            proposed.kinds[entity.id] = entity.kind
            proposed.names[entity.id] = _names([entity.id, entity.name, *entity.aliases])
    for matched in proposal.meta.matched:
        proposed.kinds[matched.id] = matched.kind
        proposed.names[matched.id] = _names([matched.id, matched.name, matched.mention, *matched.aliases])
    expected = _Side(
        {e.id: e.kind for e in answer.entities},
        {e.id: _names([e.id, e.name, *e.aliases]) for e in answer.entities},
        list(answer.relationships),
    )
    return _compare(proposed, expected)


def _names(names: Iterable[str]) -> set[str]:
    return {normalise_name(name) for name in names if name}


def _compare(proposed: _Side, expected: _Side) -> Score:
    mapping = _match_by_name(proposed, expected)
    by_name = len(mapping)
    _match_by_structure(proposed, expected, mapping)
    answer_keys = Counter(
        _key(r.kind.value, r.source, r.target, r.kind.symmetric) for r in expected.relationships
    )
    remaining = answer_keys.copy()
    correct_by_kind: Counter[str] = Counter()
    proposed_by_kind = Counter(r.kind.value for r in proposed.relationships)
    expected_by_kind = Counter(r.kind.value for r in expected.relationships)
    wrong: list[str] = []
    for rel in proposed.relationships:
        key = _key(
            rel.kind.value, mapping.get(rel.source, ""), mapping.get(rel.target, ""), rel.kind.symmetric
        )
        if remaining[key] > 0:
            remaining[key] -= 1
            correct_by_kind[rel.kind.value] += 1
        else:
            wrong.append(f"{rel.kind.value} {rel.source} -> {rel.target}")
    missed = [
        f"{kind} {source} -> {target}" for (kind, source, target), n in remaining.items() for _ in range(n)
    ]
    kinds = sorted(set(proposed_by_kind) | set(expected_by_kind))
    by_kind = {k: Counts(correct_by_kind[k], proposed_by_kind[k], expected_by_kind[k]) for k in kinds}
    relationships = Counts(
        sum(correct_by_kind.values()), len(proposed.relationships), len(expected.relationships)
    )
    entities = Counts(len(mapping), len(proposed.kinds), len(expected.kinds))
    return Score(relationships, entities, by_kind, by_name, len(mapping) - by_name, wrong, missed)


def _key(kind: str, source: str, target: str, symmetric: bool) -> tuple[str, str, str]:
    if symmetric and target < source:
        source, target = target, source
    return kind, source, target


def _match_by_name(proposed: _Side, expected: _Side) -> dict[str, str]:
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    by_name: dict[str, list[str]] = defaultdict(list)
    for answer_id, names in expected.names.items():
        for name in names:
            by_name[name].append(answer_id)
    for proposed_id, names in proposed.names.items():
        candidates = [a for name in sorted(names) for a in by_name.get(name, []) if a not in taken]
        if candidates:
            best = Counter(candidates).most_common(1)[0][0]
            mapping[proposed_id] = best
            taken.add(best)
    return mapping


def _match_by_structure(proposed: _Side, expected: _Side, mapping: dict[str, str]) -> None:
    """Align unnamed entities by their ties to matched ones, most shared ties first, repeating
    while new matches make further ones possible (a cluster matched through its ministry lets
    the plan it is part of match through it)."""
    while True:
        taken = set(mapping.values())
        open_proposed = [p for p in proposed.kinds if p not in mapping]
        open_expected = [a for a in expected.kinds if a not in taken]
        best: tuple[int, str, str] | None = None
        for p in open_proposed:
            mine = _signature(p, proposed.relationships, mapping)
            if not mine:
                continue
            for a in open_expected:
                if expected.kinds[a] != proposed.kinds[p]:
                    continue
                shared = len(mine & _signature(a, expected.relationships, None))
                if shared and (best is None or shared > best[0]):
                    best = (shared, p, a)
        if best is None:
            return
        mapping[best[1]] = best[2]


def _signature(
    entity: str, relationships: list[Relationship], mapping: dict[str, str] | None
) -> set[tuple[str, str, str, float | None]]:
    """(kind, direction, the other end's answer id, amount) for each tie of ``entity`` whose
    other end is known on the answer's side."""
    found: set[tuple[str, str, str, float | None]] = set()
    for rel in relationships:
        for end, other, direction in ((rel.source, rel.target, "out"), (rel.target, rel.source, "in")):
            if end != entity:
                continue
            other_id = other if mapping is None else mapping.get(other)
            if other_id is not None:
                found.add((rel.kind.value, "any" if rel.kind.symmetric else direction, other_id, rel.amount))
    return found
