"""The interactive HTML: one file that fetches nothing, whose data survives hostile text, and
that a real headless Chromium turns into a drawn network."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from lxml import html as lxml_html  # type: ignore[import-untyped]

from graph.export.base import ExportView
from graph.export.html import write_html
from graph.export.options import DrawOptions
from tests.graph.export.conftest import LONG_QUOTE, ODD
from tests.unavailable import unavailable


def _page(view: ExportView, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "view.html"
    write_html(view, path, DrawOptions())
    return path, path.read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_the_network(odd_view: ExportView, tmp_path: Path) -> None:
    _, text = _page(odd_view, tmp_path)
    document = lxml_html.fromstring(text)
    for element in document.iter():
        for attribute in ("src", "href", "data", "srcset", "action"):
            value = element.get(attribute)
            assert value is None or not re.match(r"\s*(https?:)?//", value), (element.tag, value)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text)
    scripts = document.findall(".//script")
    assert all(script.get("src") is None for script in scripts)
    assert "vis.Network" in text and len(text) > 300_000  # vis-network is inside the file


def test_hostile_text_stays_data(odd_view: ExportView, tmp_path: Path) -> None:
    _, text = _page(odd_view, tmp_path)
    body = text.split('<script id="ckg-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "</script" not in body.lower() and "<" not in body
    data = json.loads(body)
    samsung = next(node for node in data["nodes"] if node["id"] == "samsung-electronics")
    assert samsung["details"]["aliases"][1] == "</script><script>alert('x')</script>"
    assert samsung["details"]["description"].endswith(ODD)
    mou = next(edge for edge in data["edges"] if edge["details"]["kind"] == "SIGNED_MOU_WITH")
    assert mou["details"]["evidence"][0]["quote"] == LONG_QUOTE
    scripts = lxml_html.fromstring(text).findall(".//script")
    assert len(scripts) == 4  # vis-network, data, provenance, the page's own code: nothing injected


def test_chromium_draws_the_network(seed_view: ExportView, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        unavailable("Chromium is not installed (make test installs it)")
    path, _ = _page(seed_view, tmp_path)
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<canvas" in done.stdout and "vis-network" in done.stdout
