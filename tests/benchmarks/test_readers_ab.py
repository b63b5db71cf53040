"""benchmarks/readers_ab.py still runs and reports: two checkouts (here the same one twice) on a
small store, one round each."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from graph.store.sqlite import SqliteStore
from graph.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent.parent


def test_two_checkouts_alternate_and_each_reports(tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    with SqliteStore(db) as store:
        store.upsert(generate(300, seed=1))
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "readers_ab.py"), str(ROOT), str(ROOT), "--db", str(db),
         "--rounds", "1", "--threads", "3", "--each", "4"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith(f"| 1 | {ROOT.name} |")]
    assert len(rows) == 2, done.stdout
    for row in rows:
        p50, p99, rate = (float(cell) for cell in row.strip("|").split("|")[2:5])
        assert 0 < p50 <= p99 and rate > 0
    assert done.stdout.count("median p99") == 2
