"""Gaps and suggestions on a small hand-made consortium whose answers are plain to see."""

from __future__ import annotations

from datetime import date

from graph.analysis.gaps import find_gaps
from graph.analysis.projection import Projection, build_projection
from graph.analysis.suggest import suggest_partners
from graph.model import Entity, EntityKind, Evidence, Relationship, RelationshipKind, Source

K = RelationshipKind


def consortium() -> Projection:
    def org(eid: str, kind: EntityKind, sectors: list[str], region: str = "Daejeon") -> Entity:
        return Entity(id=eid, kind=kind, name=eid.upper(), sectors=sectors, region=region)

    entities = [
        Entity(id="daejeon-cluster", kind=EntityKind.CLUSTER, name="Daejeon quantum cluster"),
        org("kaist", EntityKind.UNIVERSITY, ["quantum_computing"]),
        org("etri", EntityKind.RESEARCH_INSTITUTE, ["quantum_communication"]),
        org("chipco", EntityKind.COMPANY, ["semiconductors", "quantum_computing"]),
        org("sensorco", EntityKind.COMPANY, ["quantum_sensing"], region="Busan"),
        org("loner", EntityKind.COMPANY, ["ai"], region="Busan"),
    ]
    old = Source(id="old", title="Old report", published=date(2020, 1, 1))
    new = Source(id="new", title="New report", published=date(2026, 6, 1))

    def tie(kind: RelationshipKind, a: str, b: str, *sources: str) -> Relationship:
        return Relationship(
            kind=kind, source=a, target=b, evidence=[Evidence(source=s, quote=f"{a} {b}") for s in sources]
        )

    relationships = [
        tie(K.MEMBER_OF, "kaist", "daejeon-cluster", "new", "old"),
        tie(K.MEMBER_OF, "etri", "daejeon-cluster", "new"),
        tie(K.PARTNERS_WITH, "kaist", "chipco", "old"),
        tie(K.PARTNERS_WITH, "etri", "sensorco", "new", "old"),
    ]
    return build_projection(entities, relationships, [old, new])


def test_coverage_names_what_each_cluster_and_region_lacks() -> None:
    report = {s.key: s for s in find_gaps(consortium(), today=date(2026, 11, 25)).sections}
    coverage = {item.title: item for item in report["coverage"].items}
    cluster = coverage["cluster Daejeon quantum cluster"]
    assert cluster.details["missing_kinds"] == ["Company"]
    assert cluster.details["missing_sectors"] == ["ai", "quantum_sensing", "semiconductors"]
    busan = coverage["region Busan"]
    assert busan.details["missing_kinds"] == ["University", "ResearchInstitute"]
    assert "region Daejeon" in coverage  # lacks ai and sensing


def test_weak_ties_single_points_and_thin_evidence() -> None:
    report = {s.key: s for s in find_gaps(consortium(), today=date(2026, 11, 25)).sections}
    weak = [item.reason for item in report["weak_ties"].items]
    assert weak[0] == "LONER has no tie in this view"
    assert "CHIPCO is tied only to KAIST (PARTNERS_WITH)" in weak
    cut = {tuple(item.subjects): item for item in report["single_points_of_failure"].items}
    assert cut[("etri",)].details["cut_off"] == ["sensorco"]
    thin = {item.title: item.reason for item in report["thin_evidence"].items}
    # a symmetric tie is stored with its ends in canonical (alphabetical) order
    assert thin["CHIPCO PARTNERS_WITH KAIST"] == "one source only (old); newest source from 2020-01-01"
    assert "ETRI PARTNERS_WITH SENSORCO" not in thin  # two sources, one recent


def test_suggestions_rank_shared_partners_and_sectors_with_reasons() -> None:
    answer = suggest_partners(consortium(), "chipco")
    ranked = [s.id for s in answer.suggestions]
    assert "kaist" not in ranked  # already a partner: never suggested
    assert "chipco" not in ranked
    etri = next(s for s in answer.suggestions if s.id == "etri")
    assert any(r.startswith("brings sectors CHIPCO lacks: quantum_communication") for r in etri.reasons)
    assert any(r == "same region: Daejeon" for r in etri.reasons)
