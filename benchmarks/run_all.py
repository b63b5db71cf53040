"""Every benchmark in benchmarks/, one after another: `make bench` (full size) and `make bench-smoke`.

    .venv/bin/python benchmarks/run_all.py [--smoke] [--write] [--only NAME ...] [--no-neo4j]

Full size is what docs/BENCHMARKS.md reports; with --write each benchmark that can replaces its
own section there. --smoke runs each at a small size (the ``smoke`` arguments below, each with
its reason: 5,000 entities for the scale and analysis benchmarks, 2,000 for the load benchmark,
which loads the graph nine times over, 300 for exports, the seed for the app pages), so that CI
shows every benchmark still runs and reports; the smoke figures are not worth writing down.
Neo4j benchmarks use NEO4J_URI (and its credentials) when set, else start a local server each;
--no-neo4j leaves Neo4j out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass(frozen=True)
class Benchmark:
    name: str
    script: str
    full: tuple[str, ...]
    smoke: tuple[str, ...]
    neo4j: tuple[str, ...] = ()  # arguments that add Neo4j
    writes: bool = False  # takes --write
    marker: str = ""  # what its report must contain


BENCHMARKS = [
    Benchmark(
        "scale",
        "scale_bench.py",
        full=("--entities", "100000", "--pairs", "1000"),
        # 5,000 entities, fewer questions and readers: at 10,000 the five smoke runs took 16
        # minutes together on a loaded 2-core machine (this one, loading Neo4j twice over)
        smoke=("--entities", "5000", "--pairs", "40", "--threads", "10", "--each", "4"),
        writes=True,
        marker="## Scale (",
    ),
    Benchmark(
        "analysis",
        "analysis_bench.py",
        full=("--entities", "10000", "--pairs", "500"),
        smoke=("--entities", "5000", "--pairs", "40", "--skip-louvain"),
        neo4j=("--neo4j",),
        writes=True,
        marker="## Analysis (",
    ),
    Benchmark(
        "load",
        "load_bench.py",
        full=("--entities", "20000"),
        # 2,000 entities: the Neo4j part loads the graph nine times over (a batch-size sweep,
        # a bare CREATE, Python packing, an ingest, an offline import in its own JVM)
        smoke=("--entities", "2000"),
        neo4j=("--neo4j",),
        writes=True,
        marker="## Loading (",
    ),
    Benchmark(
        "export",
        "export_bench.py",
        full=(),
        # 300 entities: every format's writer runs; sizes only change how long each takes
        smoke=("--sizes", "300", "--diagram-sizes", "300"),
        marker="| graphml |",
    ),
    Benchmark(
        "app pages",
        "app_pages.py",
        full=("--entities", "5000"),
        # the seed: a browser and a Streamlit server per run, a cold read of the store per page
        smoke=("--entities", "0"),
        marker="cold start",
    ),
]


def command(bench: Benchmark, smoke: bool, write: bool, neo4j: bool, scratch: Path) -> list[str]:
    args = [sys.executable, str(HERE / bench.script), *(bench.smoke if smoke else bench.full)]
    if neo4j:
        args += bench.neo4j
    if bench.name == "scale":
        if smoke:
            args += ["--cache", str(scratch / "scale-cache")]
        if not neo4j:
            args.append("--no-neo4j")
    if write and bench.writes and not smoke:
        args.append("--write")
    return args


def run(bench: Benchmark, *, smoke: bool, write: bool, neo4j: bool, scratch: Path) -> tuple[str, float]:
    """Run one benchmark; returns its report (stdout) and seconds. Raises on failure."""
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - the benchmarks of this repository
        command(bench, smoke, write, neo4j, scratch),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"benchmark {bench.name} failed ({done.returncode}):\n{done.stderr[-4000:]}")
    if bench.marker not in done.stdout:
        raise RuntimeError(f"benchmark {bench.name} printed no report ({bench.marker!r} missing)")
    return done.stdout, took


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--smoke", action="store_true", help="small sizes: does every benchmark run?")
    parser.add_argument(
        "--write", action="store_true", help="full runs write their docs/BENCHMARKS.md sections"
    )
    parser.add_argument("--only", nargs="*", help="these benchmarks (by name) only")
    parser.add_argument("--no-neo4j", action="store_true")
    args = parser.parse_args()
    chosen = [b for b in BENCHMARKS if not args.only or b.name in args.only]
    failed = []
    scratch = Path(tempfile.mkdtemp(prefix="ckg-bench-"))
    try:
        for bench in chosen:
            print(f"\n=== {bench.name} ({bench.script}) ===", flush=True)
            try:
                report, took = run(
                    bench, smoke=args.smoke, write=args.write, neo4j=not args.no_neo4j, scratch=scratch
                )
            except RuntimeError as error:
                print(error, flush=True)
                failed.append(bench.name)
                continue
            print(report, flush=True)
            print(f"({bench.name}: {took:.0f} s)", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
