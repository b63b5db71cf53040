"""Benchmark: the speed targets at scale, on both stores, beside plain networkx in the same run.

    .venv/bin/python benchmarks/scale_bench.py [--entities 100000] [--pairs 1000] [--no-neo4j] [--write]

The synthetic consortium (`ckg generate --entities N`, seed 1: N entities, 5N relationships) is
built once into a cached SQLite file and a kept Neo4j database under --cache (default
~/.cache/consortium-kg/bench; NEO4J_URI and its credentials name another server, which is
loaded when its counts differ), so later runs measure without loading again. Measured:

- `ckg path` as the store answers it (shortest paths, the ties of every hop, their evidence),
  k=1 over --pairs random pairs and k=5 over a fifth of them, on SQLite and Neo4j; beside it
  networkx in memory on a projection (bidirectional search, and the full in-memory answer);
- the 2-hop neighbourhood (`ckg neighbours --depth 2`) read by each store, beside the same
  answer from a projection in memory;
- --threads readers (threads of one process sharing one store) asking a mix of both;
- `ckg gaps` and `ckg metrics` end to end on the SQLite store (each command projects the graph),
  and their stages in one process;
- peak memory (maxrss of a fresh process per stage): generating and loading, projecting,
  projecting and analysing, and answering from the store without a projection.

Prints a Markdown section; with --write, replaces the "Scale (N entities)" section of
docs/BENCHMARKS.md. Timings are the machine's at the time: the section records the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 25)
SEED = 1
TARGETS = {  # question -> (p50 ms, p99 ms) the store engines should meet
    "path k=1": (20.0, 100.0),
    "path k=5": (200.0, None),
    "neighbourhood depth 2": (10.0, None),
    "concurrent mix": (None, 250.0),
}
ANALYSIS_TARGET_S = 30.0


# -- measuring ---------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timed_ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def maxrss_mib() -> float:
    """This process's peak resident memory. VmHWM, not getrusage's maxrss: Linux carries maxrss
    over an exec, so a stage started from this (large) process would report the parent's peak."""
    with suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@dataclass
class Latencies:
    """Milliseconds per question, by engine and question."""

    rows: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    def add(self, engine: str, question: str, samples: list[float]) -> None:
        self.rows[(engine, question)] = samples

    def get(self, engine: str, question: str) -> tuple[float, float] | None:
        samples = self.rows.get((engine, question))
        return percentiles(samples) if samples else None


# -- the graph, built once ----------------------------------------------------------------------


def sqlite_path(cache: Path, entities: int) -> Path:
    from graph.store.sqlite import SCHEMA_VERSION

    return cache / f"synthetic-{entities}-seed{SEED}-schema{SCHEMA_VERSION}.db"


def stage(name: str, entities: int, db: Path, **extra: str) -> dict[str, Any]:
    """Run one stage in a fresh process (so its peak memory is its own) and read its report."""
    command = [sys.executable, __file__, "--stage", name, "--entities", str(entities), "--db", str(db)]
    for key, value in extra.items():
        command += [f"--{key}", value]
    done = subprocess.run(  # noqa: S603 - this script, fixed arguments
        command, capture_output=True, text=True, check=False, cwd=ROOT, timeout=7_200
    )
    if done.returncode != 0:
        raise RuntimeError(f"stage {name} failed:\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def run_stage(name: str, entities: int, db: Path, uri: str | None) -> dict[str, Any]:
    """One stage, in this (fresh) process: what the parent's :func:`stage` reads back."""
    from graph.analysis.gaps import find_gaps
    from graph.analysis.metrics import compute_metrics
    from graph.analysis.neighbours import neighbourhood_in_store
    from graph.analysis.projection import project
    from graph.analysis.store_paths import find_paths_in_store
    from graph.store import open_store
    from graph.store.path_query import PathQuery
    from graph.store.sqlite import SqliteStore
    from graph.synthetic import generate

    report: dict[str, Any] = {"baseline_mib": maxrss_mib()}
    cpu = time.process_time()
    start = time.perf_counter()
    if name == "load-sqlite":
        dataset = generate(entities, seed=SEED)
        report["generate_s"] = time.perf_counter() - start
        partial = db.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with SqliteStore(partial) as store:
            start = time.perf_counter()
            store.upsert(dataset)
            report["load_s"] = time.perf_counter() - start
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.rename(db)
        report["relationships"] = len(dataset.relationships)
    elif name == "load-neo4j":
        dataset = generate(entities, seed=SEED)
        assert uri is not None
        with open_store(uri) as store:
            store.clear()
            start = time.perf_counter()
            store.upsert(dataset)
            report["load_s"] = time.perf_counter() - start
    elif name == "projection":
        with SqliteStore(db, create=False) as store:
            projection = project(store)
        report["seconds"] = time.perf_counter() - start
        report["edges"] = projection.graph.number_of_edges()
    elif name == "analysis":
        with SqliteStore(db, create=False) as store:
            projection = project(store)
        report["projection_s"] = time.perf_counter() - start
        start = time.perf_counter()
        gaps = find_gaps(projection, today=TODAY)
        report["gaps_s"] = time.perf_counter() - start
        start = time.perf_counter()
        metrics = compute_metrics(projection)
        report["metrics_s"] = time.perf_counter() - start
        report["findings"] = sum(len(s.items) + s.omitted for s in gaps.sections)
        report["communities"] = metrics.communities
        report["sampled"] = metrics.betweenness_sampled
    elif name == "store-queries":
        ids = _ids(db)
        rng = random.Random(11)  # noqa: S311 - reproducible choices, not secrets
        with SqliteStore(db, create=False) as store:
            for _ in range(200):
                a, b = rng.sample(ids, 2)
                find_paths_in_store(store, a, b, PathQuery(), k=1, today=TODAY)
                neighbourhood_in_store(store, a, 2)
        report["seconds"] = time.perf_counter() - start
    else:
        raise SystemExit(f"unknown stage {name}")
    report["maxrss_mib"] = maxrss_mib()
    report["cpu_s"] = time.process_time() - cpu
    return report


def _ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM entities ORDER BY id")]


@contextmanager
def neo4j_server(cache: Path, entities: int) -> Iterator[tuple[str, dict[str, str], int | None]]:
    """(URI, environment with its credentials, the local server's pid or None): the server at
    NEO4J_URI, else a local one on a kept database under ``cache``, stopped afterwards."""
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"], {}, None
        return
    from graph.neo4j_local import HEAP_ENV, PAGE_CACHE_ENV, LocalNeo4j

    os.environ.setdefault(HEAP_ENV, "2g")  # the test-sized defaults thrash at 100,000 entities
    os.environ.setdefault(PAGE_CACHE_ENV, "1g")
    server = LocalNeo4j(cache / f"neo4j-state-{entities}")
    info = server.start(data_dir=cache / f"neo4j-data-{entities}", timeout=900)
    try:
        yield info.uri, {"NEO4J_USERNAME": info.username, "NEO4J_PASSWORD": info.password}, info.pid
    finally:
        server.stop()


def peak_of(pid: int | None) -> str:
    """The peak resident memory of a local process (the Neo4j server), from /proc."""
    if pid is None:
        return "n/a (a server elsewhere)"
    with suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return f"{int(line.split()[1]) / 1024:,.0f} MiB"
    return "unknown"


# -- the questions ------------------------------------------------------------------------------


def store_latencies(
    store: Any, pairs: list[tuple[str, str]], centres: list[str], out: Latencies, engine: str
) -> None:
    from graph.analysis.neighbours import neighbourhood_in_store
    from graph.analysis.store_paths import find_paths_in_store
    from graph.store.path_query import PathQuery

    query = PathQuery()
    for a, b in pairs[:20]:  # warm the caches (page cache, the server's query plans)
        find_paths_in_store(store, a, b, query, k=1, today=TODAY)
        neighbourhood_in_store(store, a, 2)
    out.add(
        engine,
        "path k=1",
        [
            timed_ms(lambda a=a, b=b: find_paths_in_store(store, a, b, query, k=1, today=TODAY))
            for a, b in pairs
        ],
    )
    out.add(
        engine,
        "path k=5",
        [
            timed_ms(lambda a=a, b=b: find_paths_in_store(store, a, b, query, k=5, today=TODAY))
            for a, b in pairs[: max(1, len(pairs) // 5)]
        ],
    )
    around = [timed_ms(lambda c=c: neighbourhood_in_store(store, c, 2)) for c in centres]
    out.add(engine, "neighbourhood depth 2", around)


FULL_ANSWER_PAIRS = 5
"""The in-memory full answer (find_paths: weighs every tie of the view, then searches) costs
seconds per question at 100,000 entities, so it is timed on this many pairs only."""


def memory_latencies(
    projection: Any, pairs: list[tuple[str, str]], centres: list[str], out: Latencies
) -> None:
    from graph.analysis.neighbours import neighbourhood
    from graph.analysis.paths import find_paths

    graph = nx.Graph(projection.graph)

    def bfs(a: str, b: str) -> None:
        with suppress(nx.NetworkXNoPath):
            nx.bidirectional_shortest_path(graph, a, b)

    few = pairs[:FULL_ANSWER_PAIRS]
    out.add("networkx", "path k=1", [timed_ms(lambda a=a, b=b: bfs(a, b)) for a, b in pairs])
    out.add(
        "in memory, full answer",
        "path k=1",
        [timed_ms(lambda a=a, b=b: find_paths(projection, a, b, k=1)) for a, b in few],
    )
    out.add(
        "in memory, full answer",
        "path k=5",
        [timed_ms(lambda a=a, b=b: find_paths(projection, a, b, k=5)) for a, b in few],
    )
    around = [timed_ms(lambda c=c: neighbourhood(projection, c, 2)) for c in centres]
    out.add("in memory", "neighbourhood depth 2", around)  # fmt: skip


def concurrent_latencies(
    store: Any, pairs: list[tuple[str, str]], threads: int, each: int
) -> tuple[list[float], float]:
    """``threads`` readers sharing ``store``, each asking ``each`` questions: paths (k=1) and 2-hop
    neighbourhoods in turn. Returns every question's milliseconds and the wall time (s)."""
    from graph.analysis.neighbours import neighbourhood_in_store
    from graph.analysis.store_paths import find_paths_in_store
    from graph.store.path_query import PathQuery

    query = PathQuery()
    start_line = threading.Barrier(threads)

    def reader(number: int) -> list[float]:
        start_line.wait()
        times = []
        for turn in range(each):
            a, b = pairs[(number * each + turn) % len(pairs)]
            if turn % 2:
                times.append(timed_ms(lambda a=a: neighbourhood_in_store(store, a, 2)))
            else:
                times.append(
                    timed_ms(lambda a=a, b=b: find_paths_in_store(store, a, b, query, k=1, today=TODAY))
                )
        return times

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(reader, range(threads)))
    return [ms for times in results for ms in times], time.perf_counter() - start


def check_answers(store: Any, projection: Any, pairs: list[tuple[str, str]]) -> int:
    """The store's shortest paths have the networkx lengths (a sample): the figures are of right
    answers. Returns how many of the sample are connected."""
    from graph.store.path_query import PathQuery

    graph = nx.Graph(projection.graph)
    connected = 0
    for a, b in pairs[:50]:
        try:
            wanted = nx.shortest_path_length(graph, a, b)
        except nx.NetworkXNoPath:
            wanted = None
        found = store.shortest_paths(a, b, PathQuery())
        assert (len(found[0]) - 1 if found else None) == wanted, (a, b, found, wanted)
        connected += wanted is not None
    return connected


def cli_seconds(uri: str, command: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, of the command's process) of one `ckg` command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(  # noqa: S603 - the project's own command
        [str(Path(sys.executable).with_name("ckg")), "--store", uri, command, "--json"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, env={**os.environ, **env},
        timeout=3_600,
    )  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


# -- the report ---------------------------------------------------------------------------------


def versions(neo4j_version: str | None) -> str:
    import igraph

    parts = [
        f"Python {platform.python_version()}",
        f"SQLite {sqlite3.sqlite_version}",
        f"networkx {nx.__version__}",
        f"igraph {igraph.__version__}",
    ]
    if neo4j_version:
        parts.append(f"Neo4j {neo4j_version}")
    return ", ".join(parts)


def neo4j_version(store: Any) -> str:
    with store.read_session() as session:
        record = session.run("CALL dbms.components() YIELD versions RETURN versions[0] AS v").single()
        return str(record["v"]) if record else "unknown"


def verdict(value: float, target: float | None) -> str:
    if target is None:
        return ""
    return "met" if value < target else f"missed (x{value / target:.1f})"


BASELINES = {  # question -> the in-memory engine its ratio is taken against
    "path k=1": "networkx",
    "path k=5": "networkx",
    "neighbourhood depth 2": "in memory",
}


def latency_table(lat: Latencies, engines: list[str]) -> list[str]:
    lines = [
        "| question | engine | p50 ms | p99 ms | target | p50 vs in-memory | result |",
        "|---|---|---:|---:|---|---:|---|",
    ]
    for question, (p50_target, p99_target) in TARGETS.items():
        if question == "concurrent mix":
            continue
        base = lat.get(BASELINES[question], "path k=1" if question.startswith("path") else question)
        target = " / ".join(
            part
            for part in (
                f"p50 < {p50_target:g}" if p50_target else "",
                f"p99 < {p99_target:g}" if p99_target else "",
            )
            if part
        )
        for engine in [*engines, "in memory, full answer", "in memory", "networkx"]:
            found = lat.get(engine, question)
            if found is None:
                continue
            p50, p99 = found
            ratio = f"x{p50 / base[0]:,.0f}" if base and engine in engines and base[0] > 0 else ""
            result = ""
            if engine in engines:
                checks = [verdict(p50, p50_target), verdict(p99, p99_target)]
                result = ", ".join(c for c in checks if c)
            lines.append(
                f"| {question} | {engine} | {p50:.2f} | {p99:.2f} | {target if engine in engines else ''} "
                f"| {ratio} | {result} |"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--pairs", type=int, default=1_000)
    parser.add_argument("--threads", type=int, default=50)
    parser.add_argument("--each", type=int, default=20, help="questions per concurrent reader")
    parser.add_argument("--no-neo4j", action="store_true", help="measure the SQLite store only")
    parser.add_argument("--no-cli", action="store_true", help="skip ckg gaps and ckg metrics end to end")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "consortium-kg" / "bench")
    parser.add_argument("--write", action="store_true", help="write the section into docs/BENCHMARKS.md")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.entities, args.db, args.uri)))
        return
    section = measure(args)
    print(section)
    if args.write:
        from benchmarks_docs import write_section

        write_section(section, f"## Scale ({args.entities:,} entities)")


def measure(args: argparse.Namespace) -> str:
    from graph.analysis.projection import project
    from graph.store import open_store
    from graph.store.sqlite import SqliteStore

    load_before = os.getloadavg()
    args.cache.mkdir(parents=True, exist_ok=True)
    db = sqlite_path(args.cache, args.entities)
    notes: list[str] = []
    memory: list[tuple[str, dict[str, Any]]] = []
    built = db.with_suffix(".load.json")  # the build's own report, kept beside the cached store
    if db.exists() and built.exists():
        loaded = json.loads(built.read_text())
        notes.append(
            f"SQLite store reused from the cache ({db.stat().st_size / 2**20:,.0f} MiB), built "
            f"{loaded['date']}: generated in {loaded['generate_s']:.1f} s, "
            f"loaded in {loaded['load_s']:.1f} s "
            f"({loaded['relationships'] / loaded['load_s']:,.0f} relationships/s)."
        )
        memory.append(
            (f"generate the dataset and load it into SQLite (one upsert; {loaded['date']})", loaded)
        )
    else:
        db.unlink(missing_ok=True)
        loaded = stage("load-sqlite", args.entities, db)
        built.write_text(json.dumps({**loaded, "date": date.today().isoformat()}))
        memory.append(("generate the dataset and load it into SQLite (one upsert)", loaded))
        notes.append(
            f"SQLite store built: generated in {loaded['generate_s']:.1f} s, "
            f"loaded in {loaded['load_s']:.1f} s "
            f"({loaded['relationships'] / loaded['load_s']:,.0f} relationships/s); "
            f"{db.stat().st_size / 2**20:,.0f} MiB."
        )
    ids = _ids(db)
    rng = random.Random(7)  # noqa: S311 - reproducible pairs, not secrets
    pairs = [(a, b) for a, b in (rng.sample(ids, 2) for _ in range(args.pairs))]
    centres = [a for a, _ in pairs]
    lat = Latencies()
    engines = ["SQLite"]
    sqlite = SqliteStore(db, create=False)
    stats = sqlite.stats()
    store_latencies(sqlite, pairs, centres, lat, "SQLite")
    projection = project(sqlite)
    connected = check_answers(sqlite, projection, pairs)
    memory_latencies(projection, pairs, centres, lat)
    concurrent: dict[str, tuple[list[float], float]] = {
        "SQLite": concurrent_latencies(sqlite, pairs, args.threads, args.each)
    }
    neo_version = None
    server_peak = "n/a"
    if not args.no_neo4j:
        with neo4j_server(args.cache, args.entities) as (uri, env, pid):
            os.environ.update(env)
            with open_store(uri) as graph_db:
                counts = graph_db.stats()
                same = (counts.entities.total, counts.relationships.total) == (
                    stats.entities.total,
                    stats.relationships.total,
                )
                if same:
                    notes.append("Neo4j database reused (same counts as the SQLite store).")
            if not same:
                loaded = stage("load-neo4j", args.entities, db, uri=uri)
                batch = os.environ.get("CKG_NEO4J_BATCH_SIZE", "5,000")
                notes.append(
                    f"Neo4j loaded with the store's upsert (batches of {batch}, a commit each): "
                    f"{loaded['load_s']:.0f} s "
                    f"({stats.relationships.total / loaded['load_s']:,.0f} relationships/s)."
                )
                memory.append(("load into Neo4j (the client; one upsert)", loaded))
            with open_store(uri) as graph_db:
                neo_version = neo4j_version(graph_db)
                check_answers(graph_db, projection, pairs)
                store_latencies(graph_db, pairs, centres, lat, "Neo4j")
                concurrent["Neo4j"] = concurrent_latencies(graph_db, pairs, args.threads, args.each)
            engines.append("Neo4j")
            server_peak = peak_of(pid)
    del projection
    for name, label in (
        ("projection", "build the projection from SQLite"),
        ("analysis", "projection, then gaps and metrics"),
        ("store-queries", "200 paths and 200 neighbourhoods from the SQLite store (no projection)"),
    ):
        memory.append((label, stage(name, args.entities, db)))
    analysis = dict(memory)["projection, then gaps and metrics"]
    cli: dict[str, tuple[float, float]] = {}
    if not args.no_cli:
        for command in ("gaps", "metrics"):
            cli[command] = cli_seconds(sqlite.uri, command, {})
    sqlite.close()
    load_after = os.getloadavg()

    lines = [
        f"Graph: {stats.entities.total:,} entities, {stats.relationships.total:,} relationships "
        f"(synthetic, seed {SEED}); {len(pairs):,} random pairs ({connected} of the first 50 connected; "
        "their shortest path lengths checked against networkx on both stores), the first end of each "
        "as the centre of a neighbourhood. Times in milliseconds (wall clock); `p50 vs in-memory` is "
        "the store's p50 over the in-memory p50 in the same run: networkx's bidirectional search "
        "(length only) for paths, `neighbourhood()` on a projection for neighbourhoods. "
        f"`in memory, full answer` is `find_paths` on a projection (what the app's Paths page and "
        f"`ckg path --engine memory` run), on the first {FULL_ANSWER_PAIRS} pairs only.",
        "",
        *notes,
        "",
        *latency_table(lat, engines),
        "",
        f"{args.threads} concurrent readers (threads of one process sharing one store object), "
        f"{args.each} questions each, paths (k=1) and 2-hop neighbourhoods in turn:",
        "",
        "| store | questions | p50 ms | p99 ms | questions/s | target | result |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for engine, (samples, wall) in concurrent.items():
        p50, p99 = percentiles(samples)
        lines.append(
            f"| {engine} | {len(samples):,} | {p50:.1f} | {p99:.1f} | {len(samples) / wall:,.0f} "
            f"| p99 < 250 | {verdict(p99, 250.0)} |"
        )
    whole = analysis["gaps_s"] + analysis["metrics_s"]
    lines += [
        "",
        "| whole-graph work (SQLite store) | seconds |",
        "|---|---:|",
        f"| build the projection (read {stats.entities.total + stats.relationships.total:,} records, "
        f"build the multigraph) | {analysis['projection_s']:.1f} |",
        f"| `ckg gaps` analysis ({analysis['findings']:,} findings) | {analysis['gaps_s']:.1f} |",
        f"| `ckg metrics` analysis ({analysis['communities']:,} communities; betweenness "
        f"{'sampled' if analysis['sampled'] else 'exact'}) | {analysis['metrics_s']:.1f} |",
        f"| gaps + metrics analysis, one projection | {whole:.1f} |",
    ]
    if cli:
        wall = sum(w for w, _ in cli.values())
        cpu = sum(c for _, c in cli.values())
        lines += [
            f"| `ckg gaps --json` end to end (own projection): wall, CPU | {cli['gaps'][0]:.1f}, "
            f"{cli['gaps'][1]:.1f} |",
            f"| `ckg metrics --json` end to end (own projection): wall, CPU | {cli['metrics'][0]:.1f}, "
            f"{cli['metrics'][1]:.1f} |",
            f"| **`ckg gaps` + `ckg metrics`** (target < {ANALYSIS_TARGET_S:g} s): wall, CPU "
            f"| **{wall:.1f}**, "
            f"{cpu:.1f}: {verdict(wall, ANALYSIS_TARGET_S)} (CPU time: {verdict(cpu, ANALYSIS_TARGET_S)}) |",
        ]
    lines += [
        "",
        "Peak memory, each stage in a fresh process (its peak resident set, VmHWM; the interpreter "
        "and imports alone take the baseline). Wall and CPU seconds of the stage's work:",
        "",
        "| stage | wall s | CPU s | peak MiB | baseline MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, report in memory:
        seconds = report.get("seconds") or sum(
            value for key, value in report.items() if key.endswith("_s") and key != "cpu_s"
        )
        lines.append(
            f"| {label} | {seconds:.1f} | {report.get('cpu_s', 0):.1f} | {report['maxrss_mib']:,.0f} "
            f"| {report['baseline_mib']:,.0f} |"
        )
    if not args.no_neo4j:
        lines.append(f"\nThe Neo4j server's own peak resident memory over the run: {server_peak}.")
    command = " ".join(["benchmarks/scale_bench.py", *sys.argv[1:]])
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {_memory_gib():.0f} GiB"
    load = f"{load_before[0]:.1f} at the start, {load_after[0]:.1f} at the end"
    return (
        f"## Scale ({args.entities:,} entities)\n\n"
        f"Measured {date.today().isoformat()} on {machine}; {versions(neo_version)}; "
        f"`{command}`. Load average (1 min) {load}: other work shared the machine, so single "
        "figures vary; ratios are from the same run.\n\n" + "\n".join(lines) + "\n"
    )


def _memory_gib() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
