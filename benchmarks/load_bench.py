"""Benchmark: loading relationships, batched against one row per transaction, on both stores.

    .venv/bin/python benchmarks/load_bench.py --entities 20000 [--neo4j] [--write]

- Embedded store: `ckg ingest` end to end (CSV parse, validation, resolution, write) of a
  synthetic consortium, against writing the same relationships one transaction each (on a
  sample, as the slow path would take hours at full size).
- Neo4j (with --neo4j; NEO4J_URI/USERNAME/PASSWORD, else a local server is started): the store's
  UNWIND batches at several batch sizes, against one relationship per transaction (sample).
Rates are relationships per second, measured side by side in one run.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from graph.model import Dataset
from graph.store.base import GraphStore
from graph.store.sqlite import SqliteStore
from graph.synthetic import generate, write_csv
from ingest.loader import ingest_paths

SAMPLE = 1_000


def one_per_transaction(store: GraphStore, dataset: Dataset, count: int) -> float:
    """Seconds per relationship when each is written in a transaction of its own."""
    store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
    rows = dataset.relationships[:count]
    start = time.perf_counter()
    for relationship in rows:
        store.upsert(Dataset(relationships=[relationship]))
    return (time.perf_counter() - start) / len(rows)


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
        with SqliteStore(Path(folder) / "write-only.db") as store:
            store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
            start = time.perf_counter()
            store.upsert(Dataset(relationships=dataset.relationships))
            write_only = time.perf_counter() - start
        with SqliteStore(Path(folder) / "slow.db") as store:
            per_row = one_per_transaction(store, dataset, SAMPLE)
    lines.append(
        f"| SQLite, `ckg ingest` of the CSV tables (parse + validate + write) | {count / batched:,.0f} "
        f"| x{per_row * count / batched:,.0f} |"
    )
    lines.append(
        f"| SQLite, store write alone (one transaction) | {count / write_only:,.0f} "
        f"| x{per_row * count / write_only:,.0f} |"
    )
    lines.append(f"| SQLite, one relationship per transaction | {1 / per_row:,.0f} | x1 |")
    if args.neo4j:
        with neo4j_store() as store:
            store.clear()
            slow = one_per_transaction(store, dataset, SAMPLE)
            for batch_size in (100, 1_000, 5_000, 20_000):
                store.clear()
                store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
                store.batch_size = batch_size  # type: ignore[attr-defined]
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
        + "\n".join(lines)
        + "\n"
    )
    print(section)
    if args.write:
        from benchmarks_docs import write_section

        write_section(section, heading)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
