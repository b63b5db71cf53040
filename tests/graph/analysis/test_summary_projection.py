"""A projection read as tie summaries answers every whole-graph question exactly as the detailed
projection does, on both stores and under every kind of view."""

from __future__ import annotations

from datetime import date

import pytest

from graph.analysis.gaps import find_gaps
from graph.analysis.metrics import compute_metrics
from graph.analysis.projection import DetailsNotReadError, GraphFilter, project
from graph.analysis.suggest import suggest_partners
from graph.model import EntityKind, RelationshipKind, RelationshipStatus
from graph.store.base import GraphStore
from graph.synthetic import generate

TODAY = date(2026, 12, 2)
VIEWS = {
    "whole graph": GraphFilter(),
    "as of a date": GraphFilter(as_of=date(2024, 6, 1)),
    "two kinds, no ended ties": GraphFilter(
        relationship_kinds=frozenset({RelationshipKind.MEMBER_OF, RelationshipKind.PARTNERS_WITH}),
        include_ended=False,
    ),
    "planned ties only": GraphFilter(statuses=frozenset({RelationshipStatus.PLANNED})),
}


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    store.upsert(generate(300, seed=3))
    return store


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_summaries_answer_as_the_full_relationships_do(loaded: GraphStore, name: str) -> None:
    view = VIEWS[name]
    detailed, summary = project(loaded, view), project(loaded, view, details=False)
    assert detailed.detailed and not summary.detailed
    assert summary.entities == detailed.entities
    assert summary.summaries == detailed.summaries  # the store's summaries = those made from the models
    assert len(summary.summaries) > 0
    assert find_gaps(summary, today=TODAY) == find_gaps(detailed, today=TODAY)
    assert compute_metrics(summary) == compute_metrics(detailed)
    company = next(eid for eid, e in detailed.entities.items() if e.kind is EntityKind.COMPANY)
    assert suggest_partners(summary, company, 10) == suggest_partners(detailed, company, 10)


def test_a_cluster_view_keeps_the_same_members(loaded: GraphStore) -> None:
    cluster = next(e.id for e in loaded.entities() if e.kind is EntityKind.CLUSTER)
    view = GraphFilter(cluster=cluster, as_of=date(2025, 1, 1))
    detailed, summary = project(loaded, view), project(loaded, view, details=False)
    assert summary.entities.keys() == detailed.entities.keys()
    assert len(summary.entities) > 1
    assert summary.summaries == detailed.summaries


def test_a_summary_projection_says_it_holds_no_evidence(loaded: GraphStore) -> None:
    summary = project(loaded, details=False)
    a, b = next((tie.source, tie.target) for tie in summary.summaries.values())
    assert [tie.key for tie in summary.summaries_between(a, b)]  # ends and kinds are there
    with pytest.raises(DetailsNotReadError, match="details=True"):
        summary.ties(a, b)
    with pytest.raises(DetailsNotReadError):
        _ = summary.relationships
