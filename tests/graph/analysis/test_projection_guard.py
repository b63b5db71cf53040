"""A projection past the limit is refused before the graph is read, with its size and the ways
out; a narrower view or a raised limit gets through."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.analysis.projection import (
    MAX_PROJECTION_ENV,
    GraphFilter,
    ProjectionTooLargeError,
    default_limit,
    project,
    projection_limit,
)
from graph.model import RelationshipKind
from graph.store.sqlite import SqliteStore
from graph.synthetic import generate

CKG = str(Path(sys.executable).with_name("ckg"))


@pytest.fixture
def loaded(tmp_path: Path) -> SqliteStore:
    store = SqliteStore(tmp_path / "ckg.db")
    store.upsert(generate(200, seed=1))  # 200 entities, 1,000 relationships
    return store


def test_a_view_past_the_limit_is_refused_with_its_size_and_the_ways_out(
    loaded: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    stats = loaded.stats()
    size = stats.entities.total + stats.relationships.total
    monkeypatch.setenv(MAX_PROJECTION_ENV, str(size - 1))
    with pytest.raises(ProjectionTooLargeError) as refused:
        project(loaded)
    message = str(refused.value)
    assert f"{stats.entities.total:,} entities and {stats.relationships.total:,} relationships" in message
    assert f"limit of {size - 1:,}" in message
    assert "--via" in message
    assert f"{MAX_PROJECTION_ENV}={size}" in message
    monkeypatch.setenv(MAX_PROJECTION_ENV, str(size))
    assert project(loaded).graph.number_of_edges() == stats.relationships.total


def test_fewer_kinds_of_tie_narrow_the_view_under_the_limit(
    loaded: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    stats = loaded.stats()
    members = stats.relationships.by_kind[RelationshipKind.MEMBER_OF.value]
    monkeypatch.setenv(MAX_PROJECTION_ENV, str(stats.entities.total + members))
    with pytest.raises(ProjectionTooLargeError):
        project(loaded)
    view = GraphFilter(relationship_kinds=frozenset({RelationshipKind.MEMBER_OF}))
    assert project(loaded, view).graph.number_of_edges() == members


def test_the_default_limit_is_sized_for_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MAX_PROJECTION_ENV, raising=False)
    assert projection_limit() == default_limit() >= 100_000
    monkeypatch.setenv(MAX_PROJECTION_ENV, "lots")
    with pytest.raises(ProjectionTooLargeError, match="whole number"):
        projection_limit()


def test_the_command_line_says_it_and_exits_1(loaded: SqliteStore) -> None:
    env = {"PATH": str(Path(sys.executable).parent), MAX_PROJECTION_ENV: "500"}
    done = subprocess.run(
        [CKG, "--store", loaded.uri, "metrics"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "more than the limit of 500" in done.stderr
