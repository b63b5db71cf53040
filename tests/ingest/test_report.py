"""The ingest report: rows read, and records created, updated and unchanged, the same on both
stores, for a real run and for ``--dry-run``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graph.store.base import GraphStore
from ingest.loader import ingest_paths

CKG = str(Path(sys.executable).with_name("ckg"))
SEED_ROWS = 1 + 19 + 29

CHANGES = """
sources:
  - id: article-2026-01-29-korea-quantum-strategy
    title: "South Korea: Outlines Long-Term Strategy to Lead Global Quantum Chip Production"
    kind: news
    author: Rekha Prajapati
    published: 2026-01-29
    local_copy: data/sources/2026-01-29-korea-quantum-strategy.txt
  - id: follow-up
    title: A follow-up report
entities:
  - id: ionq
    kind: Company
    name: IonQ
    aliases: ["아이온큐"]
    country: US
    sectors: [quantum_computing]
    description: US-based quantum computing company, listed in New York.
  - id: kaist
    kind: University
    name: KAIST
relationships:
  - kind: SIGNED_MOU_WITH
    source: IonQ
    target: MSIT
    evidence:
      - source: follow-up
        quote: IonQ and the ministry signed the memorandum in Seoul.
  - kind: COLLABORATES_WITH
    source: kaist
    target: ionq
    evidence:
      - source: follow-up
        quote: KAIST will work with IonQ.
"""


def changes(unit: dict[str, object]) -> tuple[object, object, object]:
    return unit["created"], unit["updated"], unit["unchanged"]


def test_created_then_unchanged_then_updated(store: GraphStore, seed_dir: Path, tmp_path: Path) -> None:
    first = ingest_paths(store, [seed_dir])
    [unit] = first.units
    assert unit.rows == SEED_ROWS
    assert changes(unit.as_json()) == (
        {"sources": 1, "entities": 19, "relationships": 29},
        {"sources": 0, "entities": 0, "relationships": 0},
        {"sources": 0, "entities": 0, "relationships": 0},
    )
    again = ingest_paths(store, [seed_dir]).units[0].as_json()
    assert changes(again) == (
        {"sources": 0, "entities": 0, "relationships": 0},
        {"sources": 0, "entities": 0, "relationships": 0},
        {"sources": 1, "entities": 19, "relationships": 29},
    )
    later = tmp_path / "later.yaml"
    later.write_text(CHANGES, encoding="utf-8")
    report = ingest_paths(store, [later])
    assert report.problems == []
    # IonQ's description changed; the MOU gained a second source's evidence; KAIST and its tie are new
    assert changes(report.units[0].as_json()) == (
        {"sources": 1, "entities": 1, "relationships": 1},
        {"sources": 0, "entities": 1, "relationships": 1},
        {"sources": 1, "entities": 0, "relationships": 0},
    )
    assert report.totals()["rows"] == 6


def test_dry_run_reports_what_would_change_and_writes_nothing(
    store: GraphStore, seed_dir: Path, tmp_path: Path
) -> None:
    ingest_paths(store, [seed_dir])
    before = store.stats()
    later = tmp_path / "later.yaml"
    later.write_text(CHANGES, encoding="utf-8")
    report = ingest_paths(store, [later], dry_run=True)
    assert report.dry_run and report.written == []
    assert report.units[0].changes["relationships"].created == 1
    assert report.units[0].changes["entities"].updated == 1
    assert store.stats() == before


def test_units_of_one_ingest_see_each_other(store: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("entities: [{id: acme, kind: Company, name: Acme}]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "entities: [{id: acme, kind: Company, name: Acme, country: US}]\n", encoding="utf-8"
    )
    report = ingest_paths(store, [tmp_path], dry_run=True)
    assert [(u.changes["entities"].created, u.changes["entities"].updated) for u in report.units] == [
        (1, 0),
        (0, 1),
    ]


def test_rows_count_csv_rows_not_merged_records(store: GraphStore, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "sources.csv").write_text("id,title\ns1,One\ns2,Two\n", encoding="utf-8")
    (folder / "entities.csv").write_text("id,kind,name\na,Company,A\nb,Company,B\n", encoding="utf-8")
    (folder / "relationships.csv").write_text(
        "kind,source,target,evidence_source,evidence_quote\n"
        "PARTNERS_WITH,a,b,s1,A and B partner.\nPARTNERS_WITH,b,a,s2,B and A partner.\n",
        encoding="utf-8",
    )
    [unit] = ingest_paths(store, [folder]).units
    assert unit.rows == 6
    assert unit.changes["relationships"].created == 1


def test_the_cli_report_keeps_its_keys_and_adds_the_counts(store_uri: str, seed_dir: Path) -> None:
    result = subprocess.run(
        [CKG, "--store", store_uri, "ingest", str(seed_dir), "--dry-run", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"dry_run", "units", "problems", "stats", "rows", "created", "updated", "unchanged"} <= set(report)
    [unit] = report["units"]
    assert {"name", "written", "sources", "entities", "relationships", "problems", "rows"} <= set(unit)
    assert (report["dry_run"], unit["written"], report["stats"]["entities"]["total"]) == (True, False, 0)
    assert report["created"] == {"sources": 1, "entities": 19, "relationships": 29}
    text = subprocess.run(
        [CKG, "--store", store_uri, "ingest", str(seed_dir)], capture_output=True, text=True, check=False
    )
    assert text.returncode == 0
    assert (
        f"loaded {seed_dir}/korea-quantum.yaml: {SEED_ROWS} rows read; "
        "entities 19 created, 0 updated, 0 unchanged; "
        "relationships 29 created, 0 updated, 0 unchanged; sources 1 created, 0 updated, 0 unchanged"
    ) in text.stdout
