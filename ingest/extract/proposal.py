"""Proposal files: what `ckg extract` writes and `ckg review` reads.

A proposal is a data file (``sources``, ``entities``, ``relationships``, exactly as `ckg ingest`
reads them) plus a ``proposals`` section that the model does not allow in data files: who
proposed each item, how sure it is, by which rule, and whether a person has accepted or rejected
it yet. `ckg ingest` refuses a file with that section (it has not been reviewed); `ckg review`
strips it and loads what was accepted.

Items are ``e1, e2, ...`` for new entities (keyed by entity id) and ``r1, r2, ...`` for
relationships (by position, with the relationship's key to catch a list edited out of step).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.errors import BadInputError, Problem
from graph.model import Dataset, EntityKind, Source
from ingest.extract.base import Extraction
from ingest.readers.preflight import PROPOSAL_SECTION
from ingest.readers.structured import read_structured
from ingest.validate import validate

Status = Literal["pending", "accepted", "rejected"]


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Item(_Meta):
    """One proposed entity or relationship and what is known about how it was found."""

    id: str
    entity: str | None = Field(default=None, description="The id of a proposed entity.")
    relationship: int | None = Field(default=None, description="Position in 'relationships'.")
    key: str | None = Field(default=None, description="The relationship's key when proposed.")
    summary: str
    confidence: float = Field(ge=0, le=1)
    rule: str
    status: Status = "pending"
    since: str | None = Field(
        default=None, description="sentence, article (the article's date), store or none."
    )
    in_store: bool = Field(default=False, description="The store already holds it: accepting adds evidence.")
    named: bool | None = Field(
        default=None, description="False for an entity the article describes, unnamed."
    )


class Matched(_Meta):
    """A store entity the article mentions; relationships refer to it by its id."""

    id: str
    kind: EntityKind
    name: str
    aliases: list[str] = Field(default_factory=list)
    mention: str


class ProposalMeta(_Meta):
    extractor: str
    article: str
    store: str | None = None
    published: str = Field(description="page, given (--published) or unknown")
    matched: list[Matched] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)


class Proposal(BaseModel):
    dataset: Dataset
    meta: ProposalMeta

    def item(self, item_id: str) -> Item:
        for item in self.meta.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


def build(
    extraction: Extraction,
    source: Source,
    *,
    extractor: str,
    article: str,
    store: str | None,
    published: str,
    known_names: dict[str, tuple[EntityKind, list[str]]],
) -> Proposal:
    """The proposal for one article's extraction. ``known_names`` gives the store entities'
    kinds and names, so the proposal can say which of them the article mentions."""
    items: list[Item] = []
    names = {p.entity.id: p.entity.name for p in extraction.entities}
    for position, proposed in enumerate(extraction.entities, start=1):
        entity = proposed.entity
        items.append(
            Item(
                id=f"e{position}",
                entity=entity.id,
                summary=f"{entity.kind.value} {entity.name}",
                confidence=proposed.confidence,
                rule=proposed.rule,
                named=None if proposed.named else False,
            )
        )
    matched = []
    for entity_id, mention in extraction.matched.items():
        kind, entity_names = known_names[entity_id]
        names[entity_id] = entity_names[0]
        matched.append(
            Matched(id=entity_id, kind=kind, name=entity_names[0], aliases=entity_names[1:], mention=mention)
        )
    for position, found in enumerate(extraction.relationships):
        rel = found.relationship
        items.append(
            Item(
                id=f"r{position + 1}",
                relationship=position,
                key=rel.key,
                summary=" ".join(
                    (names.get(rel.source, rel.source), rel.kind.value, names.get(rel.target, rel.target))
                ),
                confidence=found.confidence,
                rule=found.rule,
                since=found.since_from,
            )
        )
    dataset = Dataset(
        sources=[source],
        entities=[p.entity for p in extraction.entities],
        relationships=[p.relationship for p in extraction.relationships],
    )
    meta = ProposalMeta(
        extractor=extractor, article=article, store=store, published=published, matched=matched, items=items
    )
    return Proposal(dataset=dataset, meta=meta)


def dump(proposal: Proposal) -> str:
    """The proposal as YAML, fields at their defaults left out so a person can read it."""
    data = _clean(proposal.dataset.model_dump(mode="json"))
    data[PROPOSAL_SECTION] = _clean(proposal.meta.model_dump(mode="json"))
    header = (
        f"# A proposal from `ckg extract` ({proposal.meta.extractor}) for {proposal.meta.article}.\n"
        "# Nothing here is in the store yet: `ckg review FILE` accepts, rejects or edits each item\n"
        "# (the 'proposals' section below) and loads what was accepted.\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v is not None and v != [] and v != {}}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def write(proposal: Proposal, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(proposal), encoding="utf-8")


def read(path: Path) -> Proposal:
    """Read a proposal file, checking its data like `ckg ingest` would (with file and line) and
    its ``proposals`` section against the relationships it describes. Raises BadInputError."""
    raw = read_structured(path)
    meta_data = raw.data.pop(PROPOSAL_SECTION, None)
    if meta_data is None:
        raise BadInputError(
            [
                Problem(
                    str(path),
                    "",
                    "not a proposal (no 'proposals' section): load data files with `ckg ingest`",
                )
            ]
        )
    document = validate(raw)
    if document.problems:
        raise BadInputError(document.problems)
    try:
        meta = ProposalMeta.model_validate(meta_data)
    except ValidationError as error:
        line = raw.locations.find((PROPOSAL_SECTION,)).line
        problems = [
            Problem(
                str(path), f"{PROPOSAL_SECTION}." + ".".join(str(p) for p in d["loc"]), d["msg"], line=line
            )
            for d in error.errors(include_url=False)
        ]
        raise BadInputError(problems) from error
    dataset = Dataset(
        sources=[s for _, s in document.sources],
        entities=[e for _, e in document.entities],
        relationships=[r for _, r in document.relationships],
    )
    proposal = Proposal(dataset=dataset, meta=meta)
    _check_items(proposal, str(path))
    return proposal


def _check_items(proposal: Proposal, name: str) -> None:
    problems: list[Problem] = []
    entity_ids = {e.id for e in proposal.dataset.entities}
    relationships = proposal.dataset.relationships
    for item in proposal.meta.items:
        if item.entity is not None and item.entity not in entity_ids:
            problems.append(
                Problem(name, f"proposals.items.{item.id}", f"no proposed entity has the id {item.entity!r}")
            )
        if item.relationship is not None:
            if not 0 <= item.relationship < len(relationships):
                problems.append(
                    Problem(name, f"proposals.items.{item.id}", "points past the list of relationships")
                )
            elif (
                item.key is not None
                and relationships[item.relationship].key != item.key
                and item.status == "pending"
            ):
                problems.append(
                    Problem(
                        name,
                        f"proposals.items.{item.id}",
                        f"relationships[{item.relationship}] is no longer the one proposed ({item.key}): "
                        "edit items with `ckg review`, or keep the lists in step",
                    )
                )
    if problems:
        raise BadInputError(problems)
