"""How fast each page of the app renders, measured in a real browser.

Starts ``streamlit run`` on the given store, opens every page in headless Chromium (Debian's
``chromium``) and times, per page, the first visit (from navigation until Streamlit has finished
running the page) and a second visit with a filter in the URL (a new view of a warm cache).
The very first page of a fresh server also reads the whole graph from the store, and is shown
apart as "cold".

    .venv/bin/ckg generate --entities 5000 -o /tmp/syn5k
    .venv/bin/ckg --store sqlite:////tmp/syn5k.db ingest /tmp/syn5k
    .venv/bin/python benchmarks/app_pages.py sqlite:////tmp/syn5k.db

or, building the store itself (0 entities: the seed data):

    .venv/bin/python benchmarks/app_pages.py --entities 5000

``--pages Network,Paths`` measures only those pages; the cold start is then the first visit of
the first of them (a fresh server, nothing read yet) rather than of the Overview.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PAGES = [  # (page, what shows when it has rendered, path with a filter or choice, and what then shows)
    ("Overview", "stakeholders shown", "?kinds=Company", "stakeholders shown"),
    ("Network", "drawn", "network?kinds=Company,University", "drawn"),
    ("Paths", "Choose two stakeholders", "paths?source={a}&target={b}", "Path 1"),
    ("Gaps and suggestions", "Single points of failure", "gaps?entity={a}", "Single points of failure"),
    ("Ask", "SIGNED_MOU_WITH ties since", "ask?q=since&kind=PARTNERS_WITH", "PARTNERS_WITH ties since"),
    ("Stakeholder profile", "In the network", "profile?entity={a}", "In the network"),
    ("Map and timeline", "outside Korea", "map_timeline?kinds=Company", "outside Korea"),
]

ALSO_SHOWN = {"In the network": ("type part of a name",)}
"""What else a page shows when it has rendered: the Profile page on a large graph asks for a
stakeholder before it shows one."""


def main(store: str, source: str, target: str, pages: list[str] | None = None) -> None:
    from playwright.sync_api import expect, sync_playwright

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        env={**os.environ, "CKG_STORE": store}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.5)
        expect.set_options(timeout=600_000)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1000})

            def visit(path: str, marker: str) -> float:
                start = time.perf_counter()
                page.goto(f"{url}/{path}")
                shown = page.get_by_text(marker)
                for other in ALSO_SHOWN.get(marker, ()):
                    shown = shown.or_(page.get_by_text(other))
                expect(shown.first).to_be_visible()
                expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
                return time.perf_counter() - start

            chosen = [row for row in PAGES if pages is None or row[0] in pages]
            if pages is None:
                cold = visit("", "stakeholders shown")
                print(f"store {store}\ncold start (reads the whole graph): {cold:.1f} s\n")
            else:
                cold = visit(chosen[0][2].split("?")[0], chosen[0][1])
                print(f"store {store}\ncold start ({chosen[0][0]}, a fresh server): {cold:.1f} s\n")
            print(f"{'page':24} {'first visit':>12} {'with a filter':>14}")
            for name, shown, path, marker in chosen:
                first = visit(path.split("?")[0], shown)
                filtered = visit(path.format(a=source, b=target), marker)
                print(f"{name:24} {first:>10.1f} s {filtered:>12.1f} s")
            if not any(row[0] == "Network" for row in chosen):
                browser.close()
                return
            start = time.perf_counter()
            page.goto(f"{url}/network")
            frame = None
            while frame is None:
                frame = next((f for f in page.frames if "st_link_analysis" in f.url), None)
                page.wait_for_timeout(50)
            drawn = frame.wait_for_function(
                "document.getElementById('cy')?._cyreg?.cy?.nodes().length || 0", timeout=600_000
            ).json_value()
            took = time.perf_counter() - start
            print(f"\nnetwork of the whole graph: {drawn} stakeholders drawn in {took:.1f} s")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def built_store(entities: int, folder: Path) -> tuple[str, str, str]:
    """(store URI, source, target) of a new SQLite store: the seed, or a synthetic consortium."""
    from graph.store.sqlite import SqliteStore
    from graph.synthetic import generate
    from ingest.loader import ingest_paths

    with SqliteStore(folder / "pages.db") as store:
        if entities == 0:
            ingest_paths(store, [ROOT / "data" / "seed"])
            return store.uri, "lg-electronics", "ionq"
        dataset = generate(entities, seed=1)
        store.upsert(dataset)
        return store.uri, dataset.relationships[0].source, dataset.relationships[-1].target


if __name__ == "__main__":
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("store", nargs="?", help="the store's URI (else --entities builds one)")
    parser.add_argument("ends", nargs="*", help="two stakeholder ids for the paths page")
    parser.add_argument("--entities", type=int, help="build a store: 0 for the seed, else synthetic")
    parser.add_argument("--pages", help="only these pages, comma-separated (e.g. Network,Paths)")
    args = parser.parse_args()
    pages = args.pages.split(",") if args.pages else None
    if pages and (unknown := set(pages) - {row[0] for row in PAGES}):
        parser.error(f"no such page: {', '.join(sorted(unknown))}")
    if args.store is None and args.entities is None:
        parser.error("give a store URI or --entities")
    if not Path("/usr/bin/chromium").exists():
        raise SystemExit("Debian's Chromium is not installed (`make browser` installs it)")
    if args.store is not None:
        main(args.store, *(args.ends[:2] if len(args.ends) > 1 else ("lg-electronics", "ionq")), pages)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            main(*built_store(args.entities, Path(scratch)), pages)
