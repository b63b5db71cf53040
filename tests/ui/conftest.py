"""Fixtures for the app's tests: the app on a seeded store of each kind, run through Streamlit's
own test harness (``AppTest``), one page at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from graph.analysis.projection import Projection, project
from graph.store.base import GraphStore
from ingest.loader import ingest_paths
from ui import session
from ui.session import refresh

APP = Path(__file__).parents[2] / "ui" / "app.py"

OpenPage = Callable[..., AppTest]


def open_page(
    store_uri: str, monkeypatch: pytest.MonkeyPatch, page: str | None = None, **params: str
) -> AppTest:
    """Run the app on ``store_uri`` and open ``page`` (e.g. ``"views/paths.py"``) with ``params``
    as its URL query parameters, as a link to that page would."""
    monkeypatch.setenv("CKG_STORE", store_uri)
    refresh()  # the app caches reads per store URI, and a Neo4j URI is the same in every test
    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    assert not app.exception, app.exception
    if page is not None:
        app.switch_page(page)
        app.query_params.update(params)
        app.run()
        assert not app.exception, app.exception
    return app


@pytest.fixture
def seeded(store: GraphStore, store_uri: str, seed_dir: Path, monkeypatch: pytest.MonkeyPatch) -> OpenPage:
    """Load the seed data into ``store``; returns ``open(page, **params)`` for the app on it."""
    ingest_paths(store, [seed_dir])

    def opener(page: str | None = None, **params: str) -> AppTest:
        return open_page(store_uri, monkeypatch, page, **params)

    return opener


@pytest.fixture
def large(store: GraphStore, store_uri: str, seed_dir: Path, monkeypatch: pytest.MonkeyPatch) -> OpenPage:
    """Open a page of the app straight from a link, as a visitor would, on the seed counted as a
    large graph and with the whole graph unreadable with its evidence (its tie summaries, which
    the Gaps page reads as `ckg gaps` does, stay readable)."""
    ingest_paths(store, [seed_dir])
    monkeypatch.setenv("CKG_STORE", store_uri)
    monkeypatch.setenv(session.LARGE_GRAPH_ENV, "10")

    real = project

    def whole_graph(store: GraphStore, *args: Any, details: bool = True, **kwargs: Any) -> Projection:
        if details:
            raise AssertionError("a page read the whole graph")
        return real(store, *args, details=details, **kwargs)

    monkeypatch.setattr(session, "project", whole_graph)

    def opener(page: str, **params: str) -> AppTest:
        refresh()
        app = AppTest.from_file(str(APP), default_timeout=120)
        app.switch_page(page)
        app.query_params.update(params)
        app.run()
        assert not app.exception, app.exception
        return app

    return opener
