"""The app end to end in a real headless Chromium (Debian's ``chromium``, driven by Playwright)
against ``streamlit run`` on loopback: open the app, find a stakeholder by its Korean name, find
the paths from LG Electronics to IonQ, click a node, and download the view as GraphML (and as a
PNG once the diagram writer exists), reading each file back.

Every request the page makes is routed through the test: one to any address other than the
app's own fails the test, so the app is proven to work offline. With ``CKG_SCREENSHOTS=DIR``
the test saves a screenshot of each page there (the README's come from ``docs/screenshots``).
Without Chromium the test skips, except under ``CI=true``, where it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from graph.store.sqlite import SqliteStore
from ingest.loader import ingest_paths
from tests.unavailable import unavailable

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[3]
APP = ROOT / "ui" / "app.py"
CHROMIUM = os.environ.get("CKG_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def chromium() -> str:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        unavailable(f"no Chromium at {CHROMIUM}: install Debian's `chromium` (apt-get install -y chromium)")
    return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run` of the app on the seed data, on a free loopback port."""
    folder = tmp_path_factory.mktemp("e2e")
    with SqliteStore(folder / "ckg.db") as store:
        assert ingest_paths(store, [ROOT / "data" / "seed"]).problems == []
    port = _free_port()
    env = {**os.environ, "CKG_STORE": f"sqlite:///{folder / 'ckg.db'}"}
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    log = (folder / "streamlit.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"streamlit did not start: {(folder / 'streamlit.log').read_text()}"
                    ) from None
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_search_find_a_path_click_a_node_and_download(chromium: str, app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import Page, Route, expect, sync_playwright

    from ui.components.downloads import available_formats

    expect.set_options(timeout=WAIT_MS)  # the first page reads the store; give it time on a slow machine
    shots = Path(os.environ["CKG_SCREENSHOTS"]) if os.environ.get("CKG_SCREENSHOTS") else None
    outside: list[str] = []

    def only_loopback(route: Route) -> None:
        if route.request.url.startswith(app_url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def visit(page: Page, title: str) -> None:
        """Open a page from the sidebar's navigation, as a user would."""
        page.get_by_test_id("stSidebarNavLink").filter(has_text=title).click()

    def settle(page: Page, name: str | None) -> None:
        """Wait until Streamlit has finished running the page, then take its screenshot."""
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT_MS)
        page.wait_for_timeout(1_500)  # the graph component lays itself out
        if shots is not None and name is not None:
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / f"{name}.png"), full_page=False)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        context.route("**/*", only_loopback)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)

        page.goto(app_url)
        expect(page.get_by_role("heading", name="Consortium overview")).to_be_visible()
        settle(page, "overview")

        search = page.get_by_label("Find a stakeholder")
        search.fill("아이온큐")
        search.press("Enter")
        page.get_by_role("link", name="IonQ · Company").click()
        expect(page.get_by_role("heading", name="IonQ", exact=True)).to_be_visible()
        settle(page, "profile")

        visit(page, "Network")
        expect(page.get_by_text("19 stakeholders and 29 ties drawn")).to_be_visible()
        settle(page, "network")

        visit(page, "Paths")
        expect(page.get_by_role("heading", name="Paths")).to_be_visible()
        for label, name in (("From", "LG Electronics"), ("To", "IonQ")):
            box = (
                page.get_by_label(f"Selected {label}") if False else page.get_by_role("combobox", name=label)
            )
            box.click()
            box.fill(name)
            page.keyboard.press("Enter")
        expect(page.get_by_text("LG Electronics → South Korea → IonQ").first).to_be_visible()
        expect(
            page.get_by_text("invest 15 million US dollars over the next three years").first
        ).to_be_visible()
        settle(page, "paths")

        graph_frame = next(frame for frame in page.frames if "st_link_analysis" in frame.url)
        graph_frame.wait_for_function("document.getElementById('cy')?._cyreg?.cy?.nodes().length === 5")
        graph_frame.evaluate(
            "document.getElementById('cy')._cyreg.cy.getElementById('south-korea').emit('tap')"
        )
        expect(page.get_by_role("link", name="Open the profile of South Korea")).to_be_visible()
        settle(page, None)  # a download clicked during a rerun can be lost with its button

        formats = available_formats()
        wanted = [("GraphML", "graphml")] + ([("PNG diagram", "png")] if "png" in formats else [])
        if "graphml" not in formats:
            wanted = [("JSON", "json")]  # the export package is not there: the page offers JSON
        saved: dict[str, Path] = {}
        for label, suffix in wanted:
            with page.expect_download() as download:
                page.get_by_role("button", name=label).click()
            saved[suffix] = tmp_path / f"paths.{suffix}"
            download.value.save_as(saved[suffix])

        visit(page, "Map and timeline")
        expect(page.get_by_text("Korea: 16 stakeholders")).to_be_visible()
        settle(page, "map")
        visit(page, "Gaps and suggestions")
        expect(page.get_by_text("Single points of failure").first).to_be_visible()
        settle(page, "gaps")
        visit(page, "Ask")
        expect(page.get_by_text("All SIGNED_MOU_WITH ties since 2025-01-01")).to_be_visible()
        settle(page, "ask")
        browser.close()

    assert outside == [], f"the page asked for addresses outside the app: {outside}"
    if "graphml" in saved:
        graph = nx.read_graphml(saved["graphml"])
        assert {"lg-electronics", "south-korea", "ionq"} <= set(graph.nodes)
    if "png" in saved:
        from PIL import Image

        with Image.open(saved["png"]) as image:
            assert image.format == "PNG" and image.width > 200
    if "json" in saved:
        assert b"lg-electronics" in saved["json"].read_bytes()
