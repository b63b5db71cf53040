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
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from graph.bulk import paused_gc
from graph.model import Dataset
from graph.store.base import GraphStore
from graph.store.neo4j import BATCH_SIZE, Neo4jStore
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


BATCH_SIZES = (1_000, 2_000, 5_000, 10_000, 20_000)


def neo4j_rows(dataset: Dataset, count: int) -> list[str]:
    """The Neo4j rows of the table: one per transaction, a sweep of batch sizes, the driver's
    Rust packing switched off at the default size, `ckg ingest` end to end, and an offline
    neo4j-admin import of the same data."""
    from bench_stores import neo4j_store

    rows: list[str] = []
    with neo4j_store() as store:
        assert isinstance(store, Neo4jStore)
        store.clear()
        slow = one_per_transaction(store, dataset, SAMPLE)

        def batched(batch_size: int) -> float:
            store.clear()
            store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
            store.batch_size = batch_size
            start = time.perf_counter()
            store.upsert(Dataset(relationships=dataset.relationships))
            return time.perf_counter() - start

        for batch_size in BATCH_SIZES:
            took = batched(batch_size)
            rows.append(
                f"| Neo4j, UNWIND batches of {batch_size:,} (a commit per batch) | {count / took:,.0f} "
                f"| x{slow / (took / count):,.0f} |"
            )
        took = bare_create_seconds(store, dataset)
        rows.append(
            f"| Neo4j, bare `CREATE` of the same relationships and properties in batches of "
            f"{BATCH_SIZE:,} (no merge, no evidence merging: the server's ceiling here) "
            f"| {count / took:,.0f} | x{slow / (took / count):,.0f} |"
        )
        with python_packing():
            took = batched(BATCH_SIZE)
        rows.append(
            f"| Neo4j, batches of {BATCH_SIZE:,}, driver packing in Python (no neo4j-rust-ext) "
            f"| {count / took:,.0f} | x{slow / (took / count):,.0f} |"
        )
        store.batch_size = BATCH_SIZE
        store.clear()
        with tempfile.TemporaryDirectory() as folder:
            write_csv(dataset, Path(folder) / "csv")
            start = time.perf_counter()
            report = ingest_paths(store, [Path(folder) / "csv"])
            took = time.perf_counter() - start
            assert not report.problems, report.problems[:3]
        rows.append(
            f"| Neo4j, `ckg ingest` of the CSV tables (parse + validate + write) | {count / took:,.0f} "
            f"| x{slow / (took / count):,.0f} |"
        )
        rows.append(f"| Neo4j, one relationship per transaction | {1 / slow:,.0f} | x1 |")
        store.clear()
    took = admin_import_seconds(dataset)
    if took is not None:
        rows.append(
            f"| Neo4j offline: `neo4j-admin database import full` of `ckg export --format neo4j-admin` "
            f"(import alone, server stopped) | {count / took:,.0f} | x{slow / (took / count):,.0f} |"
        )
    return rows


def bare_create_seconds(store: Neo4jStore, dataset: Dataset) -> float:
    """Seconds to CREATE the relationships with plain properties, as an upper bound for the
    store's merging upsert on the same server."""
    from graph.store.cypher import ENTITY_LABEL

    store.clear()
    store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities))
    by_kind: dict[str, list[dict[str, object]]] = {}
    for rel in dataset.relationships:
        props = {
            k: v for k, v in rel.model_dump(exclude={"kind", "source", "target", "evidence"}).items() if v
        }
        props |= {"key": rel.key, "evidence_sources": [e.source for e in rel.evidence],
                  "evidence_quotes": [e.quote or "" for e in rel.evidence]}  # fmt: skip
        by_kind.setdefault(rel.kind.value, []).append(
            {"source": rel.source, "target": rel.target, "props": props}
        )
    start = time.perf_counter()
    with store._session() as session:
        for kind, rows in by_kind.items():
            statement = (
                f"UNWIND $rows AS row MATCH (a:{ENTITY_LABEL} {{id: row.source}}) "
                f"MATCH (b:{ENTITY_LABEL} {{id: row.target}}) CREATE (a)-[r:{kind}]->(b) SET r = row.props"
            )
            for begin in range(0, len(rows), BATCH_SIZE):
                batch = rows[begin : begin + BATCH_SIZE]
                session.execute_write(
                    lambda tx, batch=batch, statement=statement: tx.run(statement, rows=batch).consume()
                )
    return time.perf_counter() - start


@contextmanager
def python_packing() -> Iterator[None]:
    """The driver's pure-Python packing of what it sends, as without the neo4j-rust-ext package
    (private driver internals: good enough for a side-by-side benchmark, nothing more)."""
    from neo4j._codec.packstream import v1

    saved = v1.Packer._pack
    v1.Packer._pack = v1.Packer._py_pack  # type: ignore[method-assign]
    try:
        yield
    finally:
        v1.Packer._pack = saved  # type: ignore[method-assign]


def admin_import_seconds(dataset: Dataset) -> float | None:
    """Seconds neo4j-admin takes to import the dataset's export into a fresh database, or None
    when Java or the server's jars are missing."""
    from graph.analysis.projection import build_projection
    from graph.errors import CkgError
    from graph.export.neo4j_admin import import_arguments, write_neo4j_admin
    from graph.export.view import ViewSpec, export_view
    from graph.neo4j_local import LocalNeo4j, check_prerequisites

    java = shutil.which("java")
    try:
        check_prerequisites()
    except CkgError:
        return None
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        lib = LocalNeo4j(root / "state").ensure_jars()
        projection = build_projection(dataset.entities, dataset.relationships, dataset.sources)
        write_neo4j_admin(export_view(projection, ViewSpec(), "memory://bench"), root / "import")
        home, data = root / "home", root / "data"
        (home / "conf").mkdir(parents=True)
        (home / "conf" / "neo4j.conf").write_text(
            f"server.directories.data={data}\nserver.directories.transaction.logs.root={data / 'tx'}\n"
            f"server.directories.logs={root / 'logs'}\n",
            encoding="utf-8",
        )
        environment = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
        command = [str(java), "-Xmx1g", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool"]
        start = time.perf_counter()
        subprocess.run(  # noqa: S603 - the server's own import tool
            [*command, *import_arguments(root / "import")],
            env=environment, cwd=root, check=True, capture_output=True, timeout=3_600,
        )  # fmt: skip
        return time.perf_counter() - start


def main() -> None:

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
        lines += neo4j_rows(dataset, count)
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
