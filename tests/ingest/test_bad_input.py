"""The bad-input corpus: every case names the errors the user sees, and the store is unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.store.base import GraphStore
from ingest.loader import ingest_paths

CORPUS = Path(__file__).parent / "bad_input"
EXPECTED: dict[str, list[str]] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def test_every_case_has_expectations() -> None:
    cases = {p.name for p in CORPUS.iterdir() if p.name != "expected.yaml"}
    assert cases == set(EXPECTED)
    assert all(EXPECTED.values()), "a case with no expected error tests nothing"


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_bad_input_is_reported_and_writes_nothing(store: GraphStore, seed_dir: Path, case: str) -> None:
    ingest_paths(store, [seed_dir])
    before = (
        store.stats(),
        [r.model_dump() for r in store.relationships()],
        [e.model_dump() for e in store.entities()],
    )
    report = ingest_paths(store, [CORPUS / case])
    seen = [str(problem).replace(f"{CORPUS}/", "") for problem in report.problems]
    assert seen == EXPECTED[case]
    assert not report.written
    after = (
        store.stats(),
        [r.model_dump() for r in store.relationships()],
        [e.model_dump() for e in store.entities()],
    )
    assert after == before
