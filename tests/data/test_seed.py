"""The seed dataset rests on its article: every tie quotes a sentence that is really there."""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.model import Dataset, EntityStatus, RelationshipKind

ROOT = Path(__file__).parents[2]
SEED = Dataset.model_validate(
    yaml.safe_load((ROOT / "data/seed/korea-quantum.yaml").read_text(encoding="utf-8"))
)


def test_every_relationship_quotes_its_article_on_the_line_it_names() -> None:
    [source] = SEED.sources
    assert source.local_copy is not None
    lines = (ROOT / source.local_copy).read_text(encoding="utf-8").splitlines()
    for rel in SEED.relationships:
        assert rel.evidence, rel.key
        for evidence in rel.evidence:
            assert evidence.source == source.id
            assert evidence.quote and evidence.locator, rel.key
            line = int(evidence.locator.removeprefix("line "))
            assert evidence.quote in lines[line - 1], (rel.key, evidence.locator)


def test_the_article_s_facts_are_there() -> None:
    ties = {(r.kind, r.source, r.target): r for r in SEED.relationships}
    mou = ties[(RelationshipKind.SIGNED_MOU_WITH, "ionq", "ministry-of-science-and-ict")]
    assert mou.evidence[0].quote and "memorandum of understanding" in mou.evidence[0].quote
    investment = ties[(RelationshipKind.INVESTS_IN, "ionq", "south-korea")]
    assert (investment.amount, investment.currency) == (15_000_000, "USD")
    members = {r.source for r in SEED.relationships if r.kind is RelationshipKind.MEMBER_OF}
    assert members == {"samsung-electronics", "lg-electronics", "sk-telecom"}
    assert (RelationshipKind.LEADS, "bae-kyung-hoon", "ministry-of-science-and-ict") in ties
    funds = sorted(r.amount or 0 for r in SEED.relationships if r.kind is RelationshipKind.FUNDS)
    assert funds == [1.68e12, 6.44e12, 8.12e12]
    clusters = [e for e in SEED.entities if e.kind.value == "Cluster"]
    assert len(clusters) == 5
    assert all(c.status is EntityStatus.PLANNED for c in clusters)
    strategy = next(e for e in SEED.entities if e.id == "korea-national-quantum-strategy")
    assert set(strategy.sectors) == {"quantum_computing", "quantum_communication", "quantum_sensing"}


def test_every_entity_takes_part_in_a_relationship() -> None:
    used = {end for r in SEED.relationships for end in (r.source, r.target)}
    assert {e.id for e in SEED.entities} == used
