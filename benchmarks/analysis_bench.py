"""Benchmark: collaboration paths and whole-graph analysis on a synthetic consortium.

    .venv/bin/python benchmarks/analysis_bench.py --entities 100000 --pairs 1000 [--neo4j]

Measures, in one process and one run so ratios compare like with like:
- `ckg path` as the store engine answers it (shortest paths + ties + evidence) on SQLite and, with
  --neo4j, on Neo4j (NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD, else a local server is started);
  one path (k=1) and five (k=5), p50 and p99 over random pairs;
- the same question in memory: networkx bidirectional search on a projection;
- building the projection, then gaps and metrics (networkx), and communities with igraph's
  Leiden beside networkx's Louvain.
Prints a Markdown section; with --write, replaces the "Analysis" section of docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path

import networkx as nx

from graph.analysis.gaps import find_gaps
from graph.analysis.metrics import compute_metrics
from graph.analysis.projection import Projection, project
from graph.analysis.store_paths import find_paths_in_store
from graph.store.base import GraphStore
from graph.store.path_query import PathQuery
from graph.store.sqlite import SqliteStore
from graph.synthetic import generate

TODAY = date(2026, 11, 25)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def path_latencies(store: GraphStore, pairs: list[tuple[str, str]], k: int) -> list[float]:
    query = PathQuery()
    return [
        timed(lambda a=a, b=b: find_paths_in_store(store, a, b, query, k=k, today=TODAY)) * 1000
        for a, b in pairs
    ]


def memory_latencies(projection: Projection, pairs: list[tuple[str, str]]) -> list[float]:
    graph = nx.Graph(projection.graph)

    def one(a: str, b: str) -> None:
        with suppress(nx.NetworkXNoPath):
            nx.bidirectional_shortest_path(graph, a, b)

    return [timed(lambda a=a, b=b: one(a, b)) * 1000 for a, b in pairs]


def communities_igraph(projection: Projection) -> int:
    import igraph as ig

    graph = ig.Graph.from_networkx(nx.Graph(projection.graph))
    return len(graph.community_leiden(objective_function="modularity", n_iterations=2))


def communities_networkx(projection: Projection) -> int:
    return len(nx.community.louvain_communities(nx.Graph(projection.graph), seed=42))


def row(name: str, samples: list[float]) -> str:
    p50, p99 = percentiles(samples)
    return f"| {name} | {p50:.2f} | {p99:.2f} |"


def main() -> None:
    from bench_stores import neo4j_store

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=1_000)
    parser.add_argument("--neo4j", action="store_true", help="also measure Neo4j")
    parser.add_argument("--skip-louvain", action="store_true", help="networkx Louvain takes minutes at 100k")
    parser.add_argument("--write", action="store_true", help="write the section into docs/BENCHMARKS.md")
    args = parser.parse_args()

    lines: list[str] = []
    dataset = generate(args.entities, seed=1)
    rng = random.Random(7)  # noqa: S311 - reproducible pairs, not secrets
    ids = [e.id for e in dataset.entities]
    pairs = [tuple(rng.sample(ids, 2)) for _ in range(args.pairs)]
    typed_pairs: list[tuple[str, str]] = [(a, b) for a, b in pairs]

    with tempfile.TemporaryDirectory() as folder:
        sqlite = SqliteStore(Path(folder) / "bench.db")
        load = timed(lambda: sqlite.upsert(dataset))
        rels = len(dataset.relationships)
        lines.append(
            f"Graph: {args.entities:,} entities, {rels:,} relationships (synthetic, seed 1); "
            f"{args.pairs:,} random pairs. Times in milliseconds.\n"
        )
        lines.append(f"SQLite load (one upsert): {load:.1f} s ({rels / load:,.0f} relationships/s)\n")
        lines.append("| `ckg path` question | p50 ms | p99 ms |")
        lines.append("|---|---|---|")
        lines.append(
            row("SQLite store engine, k=1 (BFS + ties + evidence)", path_latencies(sqlite, typed_pairs, 1))
        )
        lines.append(row("SQLite store engine, k=5", path_latencies(sqlite, typed_pairs[:200], 5)))
        if args.neo4j:
            with neo4j_store() as graph_db:
                graph_db.clear()
                neo_load = timed(lambda: graph_db.upsert(dataset))
                lines.append(
                    row("Neo4j store engine, k=1 (Cypher)", path_latencies(graph_db, typed_pairs, 1))
                )
                lines.append(row("Neo4j store engine, k=5", path_latencies(graph_db, typed_pairs[:200], 5)))
                graph_db.clear()
        build = time.perf_counter()
        projection = project(sqlite)
        build = time.perf_counter() - build
        lines.append(
            row(
                "networkx in memory, bidirectional BFS (length only, no evidence)",
                memory_latencies(projection, typed_pairs),
            )
        )
        lines.append("")
        if args.neo4j:
            lines.append(
                f"Neo4j load (one upsert, UNWIND batches of 1,000): {neo_load:.1f} s "
                f"({rels / neo_load:,.0f} relationships/s)\n"
            )
        lines.append("| whole-graph work | seconds |")
        lines.append("|---|---|")
        lines.append(f"| build the projection from SQLite | {build:.2f} |")
        gaps_time = timed(lambda: find_gaps(projection, today=TODAY))
        lines.append(f"| `ckg gaps` analysis (igraph communities, one DFS for cuts) | {gaps_time:.2f} |")
        metrics_time = timed(lambda: compute_metrics(projection))
        lines.append(
            "| `ckg metrics` analysis (igraph; betweenness and closeness from 200 pivots past 5,000) "
            f"| {metrics_time:.2f} |"
        )
        leiden = timed(lambda: communities_igraph(projection))
        lines.append(f"| communities: igraph Leiden | {leiden:.2f} |")
        if not args.skip_louvain:
            louvain = timed(lambda: communities_networkx(projection))
            lines.append(
                f"| communities: networkx Louvain | {louvain:.2f} (x{louvain / leiden:.0f} Leiden) |"
            )
        sqlite.close()

    command = " ".join(["benchmarks/analysis_bench.py", *sys.argv[1:]])
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    section = (
        f"## Analysis ({args.entities:,} entities)\n\n"
        f"Measured {date.today().isoformat()} on {machine}; `{command}`.\n\n" + "\n".join(lines) + "\n"
    )
    print(section)
    if args.write:
        from benchmarks_docs import write_section

        write_section(section, f"## Analysis ({args.entities:,} entities)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
