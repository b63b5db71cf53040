"""Benchmark: concurrent readers of one SQLite store, two versions of the code side by side.

    .venv/bin/python benchmarks/readers_ab.py OLD_TREE NEW_TREE [--db FILE] [--rounds 4] [--threads 50]

Each tree is a checkout of this repository (``git worktree add /tmp/old COMMIT``). Their runs
alternate, round after round, each in a fresh process asking the mix of
``scale_bench.concurrent_latencies`` (paths k=1 and 2-hop neighbourhoods in turn) from the same
pairs, so a ratio between the two is measured in one sitting on one machine state: these
machines are noisy enough that runs minutes apart differ by half. The store is the cached
100,000-entity graph of ``scale_bench.py`` unless --db names another. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

CACHED = Path.home() / ".cache" / "consortium-kg" / "bench" / "synthetic-100000-seed1-schema4.db"

_READER = """
import json, random, sqlite3, sys
sys.path[:0] = [{root!r}, {root!r} + "/benchmarks"]
from scale_bench import concurrent_latencies
from graph.store import open_store
ids = sorted(row[0] for row in sqlite3.connect({db!r}).execute("SELECT id FROM entities"))
rng = random.Random(7)
pairs = [tuple(rng.sample(ids, 2)) for _ in range(1000)]
store = open_store("sqlite:///" + {db!r})
times, wall = concurrent_latencies(store, pairs, {threads}, {each})
print(json.dumps({{"times": times, "wall": wall}}))
"""


def one_run(root: Path, db: Path, threads: int, each: int) -> dict[str, float]:
    """One fresh process of ``root``'s code: p50, p99 (ms) and questions a second."""
    code = _READER.format(root=str(root), db=str(db), threads=threads, each=each)
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root, env=os.environ
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    times = sorted(found["times"])
    return {
        "p50": statistics.median(times),
        "p99": times[min(len(times) - 1, int(0.99 * len(times)))],
        "rate": len(times) / found["wall"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs=2, type=Path, help="the old and the new checkout")
    parser.add_argument("--db", type=Path, default=CACHED)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--threads", type=int, default=50)
    parser.add_argument("--each", type=int, default=20, help="questions per reader")
    args = parser.parse_args()
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: run benchmarks/scale_bench.py once to build it")
    rows = []
    for number in range(1, args.rounds + 1):
        for tree in args.trees:
            result = one_run(tree.resolve(), args.db.resolve(), args.threads, args.each)
            rows.append((number, tree, result))
            print(f"round {number} {tree}: {result}", file=sys.stderr)
    print(
        f"{args.threads} readers, {args.each} questions each, on {args.db.name}; load average "
        f"{os.getloadavg()[0]:.1f} at the end\n"
    )
    print("| round | code | p50 ms | p99 ms | questions/s |\n|---|---|---|---|---|")
    for number, tree, result in rows:
        print(
            f"| {number} | {tree.name} | {result['p50']:.1f} | {result['p99']:.1f} | {result['rate']:.0f} |"
        )
    for tree in args.trees:
        mine = [result for _, t, result in rows if t == tree]
        print(
            f"\n{tree.name}: median p99 {statistics.median(r['p99'] for r in mine):.0f} ms, "
            f"median {statistics.median(r['rate'] for r in mine):.0f} questions/s"
        )


if __name__ == "__main__":
    main()
