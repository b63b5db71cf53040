"""Benchmark: loading relationships, batched against one row per transaction, on both stores.

    .venv/bin/python benchmarks/load_bench.py --entities 20000 [--neo4j] [--write]

- Embedded store: `ckg ingest` end to end (CSV parse, validation, resolution, change report,
  write) of a synthetic consortium, and the store's write alone, against writing the same
  relationships one transaction each (on a sample, as the slow path would take hours at full
  size); for scale, bare `executemany` of (source, target) pairs into a two-column table in one
  transaction, and the same with a commit per row. A second, staged run of the same ingest
  says where its time goes.
- Neo4j (with --neo4j; NEO4J_URI/USERNAME/PASSWORD, else a local server is started): the store's
  UNWIND batches at several batch sizes, against one relationship per transaction (sample).
Rates are relationships per second, measured side by side in one run.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from graph.bulk import paused_gc
from graph.model import Dataset
from graph.store import neo4j as neo4j_store_module
from graph.store.base import GraphStore
from graph.store.sqlite import SqliteStore
from graph.synthetic import generate, write_csv
from ingest.loader import _resolve, ingest_paths, read_unit
from ingest.report import ChangeCounter
from ingest.validate import validate

SAMPLE = 1_000


def one_per_transaction(store: GraphStore, dataset: Dataset, count: int) -> float:
    """Seconds per relationship when each is written in a transaction of its own."""
    store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
    rows = dataset.relationships[:count]
    start = time.perf_counter()
    for relationship in rows:
        store.upsert(Dataset(relationships=[relationship]))
    return (time.perf_counter() - start) / len(rows)


def bare_rates(folder: Path, pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """Relationships per second of plain SQLite, no model: (source, target) text pairs by one
    ``executemany`` in one transaction, and one INSERT and COMMIT per pair (on a sample)."""
    db = sqlite3.connect(folder / "bare.db", isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("CREATE TABLE edges (source TEXT NOT NULL, target TEXT NOT NULL)")
    start = time.perf_counter()
    db.execute("BEGIN")
    db.executemany("INSERT INTO edges VALUES (?, ?)", pairs)
    db.execute("COMMIT")
    bulk = len(pairs) / (time.perf_counter() - start)
    start = time.perf_counter()
    for pair in pairs[:SAMPLE]:
        db.execute("BEGIN")
        db.execute("INSERT INTO edges VALUES (?, ?)", pair)
        db.execute("COMMIT")
    per_row = SAMPLE / (time.perf_counter() - start)
    db.close()
    return bulk, per_row


def stages(store: SqliteStore, csv_folder: Path) -> list[tuple[str, float]]:
    """Seconds of each stage of an ingest of ``csv_folder``, run one after another as
    ``ingest_paths`` runs them (with the collector paused as it pauses it)."""
    took: list[tuple[str, float]] = []
    with paused_gc():
        start = time.perf_counter()
        raw = read_unit(csv_folder)
        took.append(("read the CSV tables (preflight, csv, records)", time.perf_counter() - start))
        start = time.perf_counter()
        document = validate(raw)
        took.append(("validate records into models (pydantic)", time.perf_counter() - start))
        start = time.perf_counter()
        [result] = _resolve(store, [document])
        took.append(("resolve names, check duplicates and references", time.perf_counter() - start))
        start = time.perf_counter()
        dataset = ChangeCounter(store).count(result)
        took.append(("count changes against the store", time.perf_counter() - start))
        assert dataset is not None
        start = time.perf_counter()
        store.upsert(dataset)
        took.append(("store write (rows, JSON, SQLite, commit)", time.perf_counter() - start))
    gc.collect()
    return took


def main() -> None:
    from bench_stores import neo4j_store

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--neo4j", action="store_true")
    parser.add_argument("--write", action="store_true", help="write the section into docs/BENCHMARKS.md")
    args = parser.parse_args()
    dataset = generate(args.entities, seed=1)
    count = len(dataset.relationships)
    lines = [
        f"Synthetic consortium: {args.entities:,} entities, {count:,} relationships (seed 1). "
        f"One-per-transaction rates are measured on the first {SAMPLE:,} relationships.\n",
        "| load | relationships/s | vs one per transaction |",
        "|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        write_csv(dataset, Path(folder) / "csv")
        with SqliteStore(Path(folder) / "batched.db") as store:
            start = time.perf_counter()
            report = ingest_paths(store, [Path(folder) / "csv"])
            batched = time.perf_counter() - start
            assert not report.problems, report.problems[:3]
            stored_bytes = sum(
                path.stat().st_size for path in Path(folder).glob("batched.db*") if path.is_file()
            )
        with SqliteStore(Path(folder) / "write-only.db") as store:
            store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
            start = time.perf_counter()
            store.upsert(Dataset(relationships=dataset.relationships))
            write_only = time.perf_counter() - start
        with SqliteStore(Path(folder) / "slow.db") as store:
            per_row = one_per_transaction(store, dataset, SAMPLE)
        bare_bulk, bare_per_row = bare_rates(
            Path(folder), [(r.source, r.target) for r in dataset.relationships]
        )
        with SqliteStore(Path(folder) / "staged.db") as store:
            staged = stages(store, Path(folder) / "csv")
    lines.append(
        f"| SQLite, `ckg ingest` of the CSV tables (parse + validate + resolve + report + write) "
        f"| {count / batched:,.0f} | x{per_row * count / batched:,.0f} |"
    )
    lines.append(
        f"| SQLite, store write alone (one transaction) | {count / write_only:,.0f} "
        f"| x{per_row * count / write_only:,.0f} |"
    )
    lines.append(f"| SQLite, one relationship per transaction | {1 / per_row:,.0f} | x1 |")
    lines.append(
        f"| for scale: bare `executemany` of (source, target) pairs, one transaction | {bare_bulk:,.0f} "
        f"| x{bare_bulk * per_row:,.0f} |"
    )
    lines.append(
        f"| for scale: bare INSERT and COMMIT per pair | {bare_per_row:,.0f} "
        f"| x{bare_per_row * per_row:,.2f} |"
    )
    total = sum(seconds for _, seconds in staged)
    after = [
        "",
        f"Where the time of the ingest goes (a second, staged run: {total:.2f} s, "
        f"{count / total:,.0f} relationships/s):",
        "",
        "| stage | seconds | share |",
        "|---|---|---|",
        *(f"| {stage} | {seconds:.2f} | {seconds / total:.0%} |" for stage, seconds in staged),
        "",
        f"The store (its file and WAL) after the ingest takes {stored_bytes / count:,.0f} bytes "
        "per relationship "
        "(its row and JSON, its key index, three secondary indexes, its evidence rows and their key "
        "index): the store write moves that many bytes through the page cache and the WAL.",
    ]
    if args.neo4j:
        with neo4j_store() as store:
            store.clear()
            slow = one_per_transaction(store, dataset, SAMPLE)
            for batch_size in (100, 1_000, 5_000, 20_000):
                store.clear()
                store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
                neo4j_store_module.BATCH_SIZE = batch_size
                start = time.perf_counter()
                store.upsert(Dataset(relationships=dataset.relationships))
                took = time.perf_counter() - start
                lines.append(
                    f"| Neo4j, UNWIND batches of {batch_size:,} | {count / took:,.0f} "
                    f"| x{slow / (took / count):,.0f} |"
                )
            lines.append(f"| Neo4j, one relationship per transaction | {1 / slow:,.0f} | x1 |")
            store.clear()
    command = " ".join(["benchmarks/load_bench.py", *sys.argv[1:]])
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    heading = f"## Loading ({args.entities:,} entities)"
    section = (
        f"{heading}\n\nMeasured {date.today().isoformat()} on {machine}; `{command}`.\n\n"
        + "\n".join(lines + after)
        + "\n"
    )
    print(section)
    if args.write:
        from benchmarks_docs import write_section

        write_section(section, heading)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
