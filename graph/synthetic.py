"""A synthetic consortium of any size, for tests and benchmarks: `ckg generate`.

The shape follows real innovation networks: mostly companies, then universities, institutes,
programmes, people and a few government bodies; clusters and consortia that organisations join;
places they sit in; sectors; and ties drawn by preferential attachment, so a few hubs hold many
ties and most stakeholders few (a heavy-tailed degree distribution), about ``ties_per_entity``
relationships per entity in all. Every relationship has evidence from a source marked
``synthetic``, so nothing generated can be mistaken for a real fact.

The same ``seed`` always gives the same files.

>>> dataset = generate(50, seed=1)
>>> len(dataset.entities), all(s.kind.value == "synthetic" for s in dataset.sources)
(50, True)
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from graph.model import (
    Dataset,
    Entity,
    EntityKind,
    Evidence,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Source,
    SourceKind,
)

KIND_SHARES: dict[EntityKind, float] = {
    EntityKind.COMPANY: 0.55,
    EntityKind.UNIVERSITY: 0.08,
    EntityKind.RESEARCH_INSTITUTE: 0.07,
    EntityKind.PERSON: 0.12,
    EntityKind.PROGRAMME: 0.06,
    EntityKind.CONSORTIUM: 0.03,
    EntityKind.GOVERNMENT_BODY: 0.03,
    EntityKind.CLUSTER: 0.02,
    EntityKind.PLACE: 0.04,
}
SECTORS = (
    "quantum_computing", "quantum_communication", "quantum_sensing", "semiconductors", "ai",
    "photonics", "cryptography", "materials", "biotechnology", "telecommunications",
)  # fmt: skip
REGIONS = (
    "Seoul", "Busan", "Daegu", "Incheon", "Gwangju", "Daejeon", "Ulsan", "Sejong", "Gyeonggi",
    "Gangwon", "North Chungcheong", "South Chungcheong", "North Jeolla", "South Jeolla",
    "North Gyeongsang", "South Gyeongsang", "Jeju",
)  # fmt: skip
ORGANISATIONS = frozenset(
    {EntityKind.COMPANY, EntityKind.UNIVERSITY, EntityKind.RESEARCH_INSTITUTE, EntityKind.GOVERNMENT_BODY}
)
PEER_TIES = (
    RelationshipKind.PARTNERS_WITH,
    RelationshipKind.COLLABORATES_WITH,
    RelationshipKind.SIGNED_MOU_WITH,
)
STATUS_WEIGHTS = {
    RelationshipStatus.ACTIVE: 0.75,
    RelationshipStatus.ANNOUNCED: 0.1,
    RelationshipStatus.PLANNED: 0.07,
    RelationshipStatus.ENDED: 0.08,
}
RELATIONSHIPS_PER_SOURCE = 40
FIRST_DAY = date(2012, 1, 1)
SPAN_DAYS = (date(2026, 10, 31) - FIRST_DAY).days


def generate(entities: int, *, seed: int = 0, ties_per_entity: float = 5.0) -> Dataset:
    """A synthetic consortium of ``entities`` entities (at least 20)."""
    if entities < 20:
        raise ValueError("a synthetic consortium needs at least 20 entities")
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    nodes = _entities(entities, rng)
    by_kind: dict[EntityKind, list[Entity]] = {kind: [] for kind in EntityKind}
    for entity in nodes:
        by_kind[entity.kind].append(entity)
    sources = [
        Source(
            id=f"synthetic-source-{number}",
            title=f"Synthetic report {number}",
            kind=SourceKind.SYNTHETIC,
            publisher="consortium-kg generator",
            published=FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS)),
        )
        for number in range(max(1, round(entities * ties_per_entity / RELATIONSHIPS_PER_SOURCE)))
    ]
    relationships = list(_relationships(by_kind, round(entities * ties_per_entity), sources, rng))
    return Dataset(sources=sources, entities=nodes, relationships=relationships)


def _entities(count: int, rng: random.Random) -> list[Entity]:
    kinds = [kind for kind, share in KIND_SHARES.items() for _ in range(max(1, round(share * count)))]
    kinds = (kinds + [EntityKind.COMPANY] * count)[:count]
    rng.shuffle(kinds)
    entities = []
    for number, kind in enumerate(kinds):
        region = rng.choice(REGIONS)
        is_place = kind is EntityKind.PLACE
        entities.append(
            Entity(
                id=f"{kind.value.lower()}-{number}",
                kind=kind,
                name=f"{region} {kind.value} {number}" if not is_place else f"{region} district {number}",
                aliases=[f"S{number}"] if kind is EntityKind.COMPANY and number % 7 == 0 else [],
                country="KR" if rng.random() < 0.85 else rng.choice(("US", "JP", "DE", "FR", "GB", "CA")),
                region=region,
                sectors=[]
                if is_place or kind is EntityKind.PERSON
                else rng.sample(SECTORS, rng.randint(1, 3)),
                description="Synthetic stakeholder generated for tests and benchmarks.",
            )
        )
    return entities


def _relationships(
    by_kind: dict[EntityKind, list[Entity]], wanted: int, sources: list[Source], rng: random.Random
) -> Iterator[Relationship]:
    organisations = [e for kind in ORGANISATION_ORDER for e in by_kind[kind]]
    groups = by_kind[EntityKind.CLUSTER] + by_kind[EntityKind.CONSORTIUM]
    attachment: list[str] = [e.id for e in organisations]  # ids repeated by degree: preferential attachment
    made = 0
    statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    for entity in organisations:  # structure first: places, memberships, leaders
        if by_kind[EntityKind.PLACE]:
            yield _tie(
                RelationshipKind.LOCATED_IN,
                entity.id,
                rng.choice(by_kind[EntityKind.PLACE]).id,
                RelationshipStatus.ACTIVE,
                sources,
                rng,
            )
            made += 1
        if groups and rng.random() < 0.35:
            yield _tie(
                RelationshipKind.MEMBER_OF,
                entity.id,
                rng.choice(groups).id,
                rng.choices(statuses, weights)[0],
                sources,
                rng,
            )
            made += 1
    for person in by_kind[EntityKind.PERSON]:
        yield _tie(
            RelationshipKind.LEADS,
            person.id,
            rng.choice(organisations).id,
            RelationshipStatus.ACTIVE,
            sources,
            rng,
        )
        made += 1
    programmes = by_kind[EntityKind.PROGRAMME]
    funders = by_kind[EntityKind.GOVERNMENT_BODY] or organisations
    while made < wanted:
        roll = rng.random()
        if programmes and roll < 0.12:
            kind, a, b = RelationshipKind.PARTICIPATES_IN, rng.choice(attachment), rng.choice(programmes).id
        elif programmes and roll < 0.16:
            kind, a, b = RelationshipKind.FUNDS, rng.choice(funders).id, rng.choice(programmes).id
        elif roll < 0.22:
            kind, a, b = RelationshipKind.INVESTS_IN, rng.choice(attachment), rng.choice(attachment)
        else:
            kind, a, b = rng.choice(PEER_TIES), rng.choice(attachment), rng.choice(attachment)
        if a == b:
            continue
        status = rng.choices(statuses, weights)[0]
        yield _tie(kind, a, b, status, sources, rng)
        attachment += (a, b)
        made += 1


ORGANISATION_ORDER = (
    EntityKind.COMPANY, EntityKind.UNIVERSITY, EntityKind.RESEARCH_INSTITUTE, EntityKind.GOVERNMENT_BODY,
)  # fmt: skip


def _tie(
    kind: RelationshipKind,
    source: str,
    target: str,
    status: RelationshipStatus,
    sources: list[Source],
    rng: random.Random,
) -> Relationship:
    since = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
    until = since + timedelta(days=rng.randrange(200, 2000)) if status is RelationshipStatus.ENDED else None
    money = kind in (RelationshipKind.INVESTS_IN, RelationshipKind.FUNDS)
    cited = rng.sample(sources, 2 if rng.random() < 0.2 and len(sources) > 1 else 1)
    return Relationship(
        kind=kind,
        source=source,
        target=target,
        since=since,
        until=until,
        status=status,
        amount=float(rng.randrange(1, 500) * 1_000_000) if money else None,
        currency=rng.choice(("KRW", "USD")) if money else None,
        evidence=[
            Evidence(
                source=s.id, quote=f"Synthetic: {source} {kind.value} {target}.", extracted_by="synthetic"
            )
            for s in cited
        ],
    )


def write_csv(dataset: Dataset, folder: Path) -> None:
    """Write ``dataset`` as the CSV tables `ckg ingest` reads (one folder, three files)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "kind", "publisher", "published"])
        for s in dataset.sources:
            writer.writerow([s.id, s.title, s.kind.value, s.publisher or "", s.published or ""])
    with (folder / "entities.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "kind", "name", "aliases", "country", "region", "sectors", "description"])
        for e in dataset.entities:
            writer.writerow([e.id, e.kind.value, e.name, ";".join(e.aliases), e.country or "", e.region or "",
                             ";".join(e.sectors), e.description or ""])  # fmt: skip
    with (folder / "relationships.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "source", "target", "since", "until", "status", "amount", "currency",
                         "evidence_source", "evidence_quote", "evidence_extracted_by"])  # fmt: skip
        for r in dataset.relationships:
            for evidence in r.evidence:
                writer.writerow([
                    r.kind.value, r.source, r.target, r.since or "", r.until or "", r.status.value,
                    "" if r.amount is None else f"{r.amount:.0f}", r.currency or "",
                    evidence.source, evidence.quote or "", evidence.extracted_by,
                ])  # fmt: skip
