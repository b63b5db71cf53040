"""The app when Neo4j cannot be reached, through Streamlit's test harness: every page shows an
error saying so, never an exception; and when the server goes away after the app opened, the
pages and the Cypher box say so too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from graph.store.neo4j import Neo4jStore
from ingest.loader import ingest_paths
from tests.graph.store.proxy import Relay, free_port
from tests.ui.conftest import open_page
from ui.session import refresh

PAGES = [
    None,
    *(f"views/{name}.py" for name in ("network", "paths", "gaps", "ask", "profile", "map_timeline")),
]


def _errors(app: AppTest) -> list[str]:
    return [element.value for element in app.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_neo4j_cannot_be_reached(monkeypatch: pytest.MonkeyPatch, page: str | None) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "a-known-password-4e1f")
    uri = f"bolt://127.0.0.1:{free_port()}"
    app = open_page(uri, monkeypatch, page)  # asserts the page raised nothing
    errors = _errors(app)
    assert len(errors) == 2, errors  # the sidebar's, and the page's in its place
    assert all(f"The store cannot be read: cannot reach Neo4j at {uri}" in error for error in errors)
    assert all("a-known-password-4e1f" not in error for error in errors)
    assert not app.metric and not app.dataframe


@pytest.fixture
def relay(
    neo4j_credentials: tuple[str, str, str], seed_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Relay]:
    uri, username, password = neo4j_credentials
    with Neo4jStore(uri, username, password) as direct:
        direct.clear()
        ingest_paths(direct, [seed_dir])
    monkeypatch.setenv("NEO4J_USERNAME", username)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    monkeypatch.setenv("CKG_NEO4J_RETRY_SECONDS", "1")  # fail fast once the server stays away
    port = urlsplit(uri).port
    assert port is not None
    with Relay(port) as running:
        yield running
    refresh()


@pytest.mark.neo4j
def test_pages_say_so_when_neo4j_goes_away_after_the_app_opened(
    relay: Relay, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_page(relay.uri, monkeypatch)
    assert {m.label: m.value for m in app.metric}["Entities"] == "19"
    relay.stop()
    refresh()  # as the sidebar's *Reload data* does: read the store again
    for page in (None, "views/paths.py", "views/ask.py"):  # every page, on a closed port, above
        if page is not None:
            app.switch_page(page)
        app.run()
        assert not app.exception, (page, app.exception)
        errors = _errors(app)
        assert errors and all(f"cannot reach Neo4j at {relay.uri}" in error for error in errors), (
            page,
            errors,
        )


@pytest.mark.neo4j
def test_the_cypher_box_says_so_when_neo4j_goes_away(relay: Relay, monkeypatch: pytest.MonkeyPatch) -> None:
    app = open_page(relay.uri, monkeypatch, "views/ask.py", q="cypher")
    app.text_area(key="ask_cypher").input("MATCH (e:Entity) RETURN e.name AS name").run()
    app.button(key="ask_run").click().run()
    assert len(app.dataframe[0].value) == 19
    relay.stop()
    app.button(key="ask_run").click().run()
    assert not app.exception, app.exception
    assert f"The store cannot be read: cannot reach Neo4j at {relay.uri}" in _errors(app)[0]
