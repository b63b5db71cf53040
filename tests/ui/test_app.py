"""The Streamlit app through Streamlit's own test harness, on both stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.store.base import GraphStore
from ingest.loader import ingest_paths

APP = Path(__file__).parents[2] / "ui" / "app.py"


def run_app(store_uri: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("CKG_STORE", store_uri)
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def test_overview_shows_counts_and_stakeholders(
    store: GraphStore, store_uri: str, seed_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths(store, [seed_dir])
    app = run_app(store_uri, monkeypatch)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {"Entities": "19", "Relationships": "29", "Sources": "1", "Without evidence": "0"}
    kinds = app.dataframe[0].value
    assert dict(zip(kinds["kind"], kinds["count"], strict=True))["Cluster"] == 5
    stakeholders = app.dataframe[2].value
    assert len(stakeholders) == 19

    app.text_input[0].input("삼성").run()
    assert list(app.dataframe[2].value["id"]) == ["samsung-electronics"]


def test_an_empty_store_says_how_to_load_data(
    store: GraphStore, store_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = run_app(store_uri, monkeypatch)
    assert "ckg ingest data/seed" in app.info[0].value
