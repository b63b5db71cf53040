"""`ckg ingest` killed with SIGKILL while it writes to the SQLite store: the file still opens and
passes SQLite's own checks, it holds nothing of that ingest or all of it (the ingest is one
transaction), and running the same ingest again gives what a clean load gives."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from graph.store.sqlite import SqliteStore
from graph.synthetic import generate, write_csv
from ingest.loader import ingest_paths
from tests.graph.store.content import content_digest

CKG = str(Path(sys.executable).with_name("ckg"))
ENTITIES = 15_000
"""Enough that the write outgrows the store's 64 MiB page cache, so pages reach the WAL file
while the transaction is still open, and the write lasts long enough to be caught."""
WRITING = 1 << 20
"""WAL bytes that say the ingest's write is under way (the file is empty until then)."""


def _ingest(database: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [CKG, "--store", f"sqlite:///{database}", "ingest", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _snapshot(database: Path) -> tuple[dict[str, object], str]:
    with SqliteStore(database, create=False) as store:
        return store.stats().model_dump(exclude={"store"}), content_digest(store)


def test_an_ingest_killed_mid_write_leaves_all_or_nothing_and_completes_when_run_again(
    tmp_path: Path, seed_dir: Path
) -> None:
    folder = tmp_path / "consortium"
    write_csv(generate(ENTITIES, seed=7), folder)
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    for database in (killed, clean):
        with SqliteStore(database) as store:
            assert ingest_paths(store, [seed_dir]).problems == []
    before = _snapshot(killed)
    wal = Path(f"{killed}-wal")
    assert not wal.exists()  # closing the last connection moved the WAL into the file

    ingest = _ingest(killed, folder)
    deadline = time.monotonic() + 300
    while not (wal.exists() and wal.stat().st_size > WRITING):
        assert ingest.poll() is None, "the ingest ended before its write was seen"
        assert time.monotonic() < deadline, "the ingest never started writing"
        time.sleep(0.005)
    ingest.send_signal(signal.SIGKILL)
    ingest.communicate(timeout=60)
    assert ingest.returncode == -signal.SIGKILL  # killed, not finished

    with sqlite3.connect(killed) as db:  # opening it replays (or drops) what the WAL holds
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    after_kill = _snapshot(killed)

    # the same ingest again on the killed store, and a clean load beside it (two cores)
    again, reference = _ingest(killed, folder), _ingest(clean, folder)
    for process in (again, reference):
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
    completed, loaded = _snapshot(killed), _snapshot(clean)

    assert loaded != before
    assert after_kill in (before, loaded), "the killed ingest left part of its write"
    assert completed == loaded
    with SqliteStore(killed, create=False) as store:
        stats = store.stats()
    assert (stats.entities.total, stats.relationships.total) == (19 + ENTITIES, 29 + 5 * ENTITIES)
