"""Deciding on a proposal: accept, reject or edit each item, then load what was accepted.

Decisions are written back into the proposal's ``proposals`` section, so a review can stop and
resume, and the file records who decided what (``status`` per item). Only accepted items are
loaded; pending ones wait for the next review.

Accepting a relationship accepts the proposed entities it needs (a tie to an entity nobody
accepted cannot be loaded); rejecting an entity that an accepted relationship needs is an error
that names both, so nothing is loaded half.

>>> from ingest.extract.proposal import Item, Proposal, ProposalMeta
>>> from graph.model import Dataset
>>> p = Proposal(dataset=Dataset(), meta=ProposalMeta(extractor="x", article="a", published="page",
...     items=[Item(id="r1", summary="A PARTNERS_WITH B", confidence=0.9, rule="r")]))
>>> decide(p, min_confidence=0.8); p.item("r1").status
'accepted'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.errors import BadInputError, Problem
from graph.model import Entity, EntityStatus, Relationship
from ingest.extract.proposal import Item, Proposal


def decide(
    proposal: Proposal,
    *,
    accept_all: bool = False,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    min_confidence: float | None = None,
    name: str = "proposal",
) -> None:
    """Apply decisions given at once. Order: ``--min-confidence`` and ``--accept-all`` settle
    pending items, then named items override them (``--reject r3`` wins over ``--accept-all``).
    A threshold decides relationships by their confidence; a new entity follows the relationships
    that need it (the lower confidence of a described entity is about its name, not about the
    tie), and one that no relationship needs is decided by its own confidence.
    Raises BadInputError for an id the proposal does not have."""
    accept, reject = list(accept), list(reject)
    known = {item.id for item in proposal.meta.items}
    unknown = [i for i in [*accept, *reject] if i not in known]
    if unknown:
        listed = ", ".join(sorted(known, key=_order)) or "none"
        raise BadInputError(
            [Problem(name, "", f"no item {i!r} in this proposal (its items: {listed})") for i in unknown]
        )
    pending = [item for item in proposal.meta.items if item.status == "pending"]
    if min_confidence is not None:
        for item in pending:
            if item.relationship is not None:
                item.status = "accepted" if item.confidence >= min_confidence else "rejected"
        needed = _needed(proposal)
        for item in pending:
            if item.entity is not None:
                sure = item.confidence >= min_confidence or item.entity in needed
                item.status = "accepted" if sure else "rejected"
    if accept_all:
        for item in pending:
            item.status = "accepted"
    for item_id in accept:
        proposal.item(item_id).status = "accepted"
    for item_id in reject:
        proposal.item(item_id).status = "rejected"


def _needed(proposal: Proposal) -> set[str]:
    """The entities that accepted relationships use."""
    accepted = [
        proposal.dataset.relationships[i.relationship]
        for i in proposal.meta.items
        if i.relationship is not None and i.status == "accepted"
    ]
    return {end for rel in accepted for end in (rel.source, rel.target)}


def _order(item_id: str) -> tuple[str, int]:
    return item_id[:1], int(item_id[1:]) if item_id[1:].isdigit() else 0


def settle(proposal: Proposal, name: str = "proposal") -> None:
    """Accept the proposed entities that accepted relationships need; raise BadInputError if
    one of them was rejected."""
    by_entity = {item.entity: item for item in proposal.meta.items if item.entity is not None}
    problems: list[Problem] = []
    for item in proposal.meta.items:
        if item.relationship is None or item.status != "accepted":
            continue
        rel = proposal.dataset.relationships[item.relationship]
        for end in (rel.source, rel.target):
            needed = by_entity.get(end)
            if needed is None:
                continue
            if needed.status == "rejected":
                problems.append(
                    Problem(
                        name,
                        item.id,
                        f"{item.summary!r} is accepted but needs {needed.id} ({needed.summary}), "
                        f"which is rejected: reject {item.id} too, or accept {needed.id}",
                    )
                )
            else:
                needed.status = "accepted"
    if problems:
        raise BadInputError(problems)


def accepted_data(proposal: Proposal) -> dict[str, list[dict[str, Any]]]:
    """The accepted items as a data document (the three lists), ready for the loader."""
    entity_ids = {i.entity for i in proposal.meta.items if i.entity is not None and i.status == "accepted"}
    positions = {
        i.relationship for i in proposal.meta.items if i.relationship is not None and i.status == "accepted"
    }
    # a person accepted them: no longer "proposed" (a planned cluster stays planned)
    entities = [
        e.model_copy(update={"status": EntityStatus.ACTIVE}) if e.status is EntityStatus.PROPOSED else e
        for e in proposal.dataset.entities
        if e.id in entity_ids
    ]
    relationships = [r for n, r in enumerate(proposal.dataset.relationships) if n in positions]
    cited = {ev.source for rel in relationships for ev in rel.evidence}
    sources = [s for s in proposal.dataset.sources if s.id in cited or (entities and not relationships)]
    return {
        "sources": [s.model_dump(mode="json", exclude_none=True) for s in sources],
        "entities": [e.model_dump(mode="json", exclude_none=True) for e in entities],
        "relationships": [r.model_dump(mode="json", exclude_none=True) for r in relationships],
    }


def counts(proposal: Proposal) -> dict[str, int]:
    found = {"pending": 0, "accepted": 0, "rejected": 0}
    for item in proposal.meta.items:
        found[item.status] += 1
    return found


def edit_entity(proposal: Proposal, item: Item, changes: dict[str, Any]) -> Entity:
    """Change a proposed entity (its id too: relationships that use it follow). Raises
    pydantic's ValidationError for values the model refuses."""
    assert item.entity is not None
    position = next(n for n, e in enumerate(proposal.dataset.entities) if e.id == item.entity)
    old = proposal.dataset.entities[position]
    new = Entity.model_validate({**old.model_dump(), **changes})
    proposal.dataset.entities[position] = new
    if new.id != old.id:
        for n, rel in enumerate(proposal.dataset.relationships):
            ends = {end: new.id for end in ("source", "target") if getattr(rel, end) == old.id}
            if ends:
                _replace_relationship(proposal, n, Relationship.model_validate({**rel.model_dump(), **ends}))
        item.entity = new.id
    item.summary = f"{new.kind.value} {new.name}"
    item.status = "accepted"
    return new


def edit_relationship(proposal: Proposal, item: Item, changes: dict[str, Any]) -> Relationship:
    """Change a proposed relationship; it is accepted as edited."""
    assert item.relationship is not None
    old = proposal.dataset.relationships[item.relationship]
    new = Relationship.model_validate({**old.model_dump(), **changes})
    _replace_relationship(proposal, item.relationship, new)
    item.summary = f"{new.source} {new.kind.value} {new.target}"
    item.status = "accepted"
    return new


def _replace_relationship(proposal: Proposal, position: int, new: Relationship) -> None:
    proposal.dataset.relationships[position] = new
    for item in proposal.meta.items:
        if item.relationship == position:
            item.key = new.key
