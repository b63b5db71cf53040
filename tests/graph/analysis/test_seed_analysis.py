"""Analysis on the seed data, against answers worked out by hand from the article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.analysis.gaps import find_gaps
from graph.analysis.metrics import compute_metrics
from graph.analysis.neighbours import neighbourhood
from graph.analysis.paths import find_paths
from graph.analysis.projection import GraphFilter, project
from graph.analysis.suggest import suggest_partners
from graph.model import RelationshipKind
from graph.store.base import GraphStore
from ingest.loader import ingest_paths

TODAY = date(2026, 11, 25)


@pytest.fixture
def seed(store: GraphStore, seed_dir: Path) -> GraphStore:
    assert ingest_paths(store, [seed_dir]).problems == []
    return store


def test_lg_electronics_reaches_ionq_through_south_korea_with_the_quotes(seed: GraphStore) -> None:
    answer = find_paths(project(seed), "lg-electronics", "ionq", k=3, today=TODAY)
    best = answer.paths[0]
    assert best.entities == ["lg-electronics", "south-korea", "ionq"]
    first, second = best.hops
    assert (first.kind, first.source, first.target, first.status) == (
        "LOCATED_IN",
        "lg-electronics",
        "south-korea",
        "active",
    )
    assert any("Leading South Korean companies" in (e.quote or "") for e in first.evidence)
    assert (second.kind, second.source, second.target, second.status) == (
        "INVESTS_IN",
        "ionq",
        "south-korea",
        "planned",
    )
    assert (second.amount, second.currency) == (15_000_000, "USD")
    assert second.evidence[0].quote == (
        "Under the agreement, IonQ will establish a joint research center in South Korea and "
        "invest 15 million US dollars over the next three years."
    )
    assert second.evidence[0].published == date(2026, 1, 29)
    # the next best routes go through the ministry (MOU) and the joint research centre (founder)
    assert [p.entities[2] for p in answer.paths[1:]] == [
        "ministry-of-science-and-ict",
        "ionq-korea-joint-research-center",
    ]
    assert [p.length for p in answer.paths] == [2, 3, 3]


def test_no_path_says_why_and_what_each_end_reaches(seed: GraphStore) -> None:
    view = GraphFilter(
        relationship_kinds=frozenset({RelationshipKind.MEMBER_OF, RelationshipKind.SIGNED_MOU_WITH})
    )
    answer = find_paths(project(seed, view), "lg-electronics", "ionq", today=TODAY)
    assert answer.paths == []
    assert answer.reason == "the two ends are in separate parts of this view"
    lg, ionq = answer.reach
    assert lg.sample == [
        "Quantum technology consultative body (Samsung, LG, SK Telecom)",
        "SK Telecom",
        "Samsung Electronics",
    ]
    assert ionq.sample == ["Ministry of Science and ICT"]


def test_excluding_the_hub_and_limiting_length(seed: GraphStore) -> None:
    view = GraphFilter(exclude=frozenset({"south-korea"}))
    assert find_paths(project(seed, view), "lg-electronics", "ionq", today=TODAY).paths == []
    limited = find_paths(project(seed), "samsung-electronics", "ionq", max_length=1, today=TODAY)
    assert limited.paths == []
    assert limited.reason == "none of at most 1 hops"


def test_as_of_before_the_article_the_graph_has_no_dated_ties(seed: GraphStore) -> None:
    before = project(seed, GraphFilter(as_of=date(2025, 12, 31)))
    assert before.relationships == {}  # every tie was first reported on 29 January 2026
    after = project(seed, GraphFilter(as_of=date(2026, 2, 1)))
    assert len(after.relationships) == 29


def test_neighbourhood_of_lg_electronics(seed: GraphStore) -> None:
    answer = neighbourhood(project(seed), "lg-electronics", depth=2)
    ring_one = {n.id for n in answer.neighbours if n.depth == 1}
    assert ring_one == {"quantum-technology-consultative-body", "south-korea"}
    ring_two = {n.id for n in answer.neighbours if n.depth == 2}
    assert {"samsung-electronics", "sk-telecom", "ionq", "ministry-of-science-and-ict"} <= ring_two
    samsung = next(n for n in answer.neighbours if n.id == "samsung-electronics")
    assert samsung.via == [
        "LOCATED_IN with South Korea",
        "MEMBER_OF with Quantum technology consultative body (Samsung, LG, SK Telecom)",
    ]
    assert answer.by_kind["Company"] == ["ionq", "samsung-electronics", "sk-telecom"]


def test_gaps_name_the_empty_clusters_the_ministry_and_thin_evidence(seed: GraphStore) -> None:
    report = {s.key: s for s in find_gaps(project(seed), today=TODAY).sections}
    coverage = report["coverage"].items
    assert [item.subjects for item in coverage] == [[f"quantum-cluster-{n}"] for n in range(1, 6)]
    assert coverage[0].details["missing_kinds"] == ["Company", "University", "ResearchInstitute"]
    spof = report["single_points_of_failure"].items
    assert spof[0].subjects == ["ministry-of-science-and-ict"]
    assert "10 stakeholders would be cut off" in spof[0].reason
    assert {tuple(i.subjects) for i in spof} >= {("south-korea",), ("ionq",)}
    assert len(report["thin_evidence"].items) == 29  # one article backs every tie


def test_suggestions_for_lg_electronics_come_with_reasons(seed: GraphStore) -> None:
    answer = suggest_partners(project(seed), "lg-electronics")
    top_two = {s.id for s in answer.suggestions[:2]}
    assert top_two == {"samsung-electronics", "sk-telecom"}
    assert answer.suggestions[0].brokers == ["quantum-technology-consultative-body", "south-korea"]
    assert all(s.reasons for s in answer.suggestions)
    assert "lg-electronics" not in {s.id for s in answer.suggestions}


def test_the_ministry_is_the_top_broker(seed: GraphStore) -> None:
    answer = compute_metrics(project(seed))
    assert answer.brokers[0] == "ministry-of-science-and-ict"
    by_id = {row.id: row for row in answer.entities}
    assert by_id["ministry-of-science-and-ict"].degree == 12
    assert not answer.betweenness_sampled
