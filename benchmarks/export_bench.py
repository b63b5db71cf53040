"""Export times per format at 300 and 5,000 entities, and the largest diagram under 10 seconds.

Synthetic graphs are built in memory (no store): entities of every kind with Korean names, about
two ties each with a quoted piece of evidence, so the timings are of the writers alone.

    .venv/bin/python benchmarks/export_bench.py            # prints a Markdown table
    .venv/bin/python benchmarks/export_bench.py --sizes 300 --diagram-sizes 300   # a quick check
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from graph.analysis.projection import build_projection
from graph.export.base import ExportView
from graph.export.formats import FORMATS, write_export
from graph.export.options import DrawOptions
from graph.export.view import ViewSpec, export_view
from graph.model import Entity, EntityKind, Evidence, Relationship, RelationshipKind, Source

SIZES = (300, 5_000)
DIAGRAM_SIZES = (300, 1_000, 2_000, 5_000, 10_000, 20_000)
LIMIT = 10.0


def synthetic_view(n: int, seed: int = 7) -> ExportView:
    """``n`` entities and about ``2n`` ties with evidence, deterministic for a seed."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    kinds = list(EntityKind)
    ties = list(RelationshipKind)
    source = Source(id="bench", title="Synthetic benchmark source", published=date(2026, 1, 1))
    entities = [
        Entity(id=f"e{i:05d}", kind=kinds[i % len(kinds)], name=f"Stakeholder {i}", aliases=[f"기관 {i}"])
        for i in range(n)
    ]
    relationships: dict[str, Relationship] = {}
    for i in range(n):
        for _ in range(2):
            j = rng.randrange(n) if rng.random() < 0.7 else min(n - 1, max(0, i + rng.randint(-20, 20)))
            if i == j:
                continue
            rel = Relationship(
                kind=rng.choice(ties),
                source=f"e{i:05d}",
                target=f"e{j:05d}",
                evidence=[Evidence(source="bench", quote=f"Stakeholder {i} works with stakeholder {j}.")],
            )
            relationships[rel.key] = rel
    projection = build_projection(entities, relationships.values(), [source])
    return export_view(projection, ViewSpec(), "memory://bench", made_at=datetime(2026, 1, 1, tzinfo=UTC))


def timed(view: ExportView, fmt: str, folder: Path) -> float:
    spec = FORMATS[fmt]
    target = folder / (fmt if spec.folder else f"out{spec.suffixes[0]}")
    start = time.perf_counter()
    write_export(view, fmt, target, draw=DrawOptions(dpi=150))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="entities per table column")
    parser.add_argument(
        "--diagram-sizes", default=",".join(map(str, DIAGRAM_SIZES)), help="entities of the PNG size sweep"
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    diagram_sizes = [int(n) for n in args.diagram_sizes.split(",")]
    print(
        f"Machine: {platform.processor() or platform.machine()}, Python {sys.version.split()[0]}, "
        f"{platform.system()} {platform.release()}; {datetime.now(UTC).date().isoformat()}"
    )
    views = {n: synthetic_view(n) for n in sizes}
    print(
        "\n| format | "
        + " | ".join(f"{n:,} entities ({len(views[n].projection.relationships):,} ties)" for n in sizes)
        + " |"
    )
    print("|---|" + "---:|" * len(sizes))
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            if fmt in ("png", "svg", "pdf"):
                continue
            cells = [f"{timed(views[n], fmt, Path(folder)):.2f} s" for n in sizes]
            print(f"| {fmt} | " + " | ".join(cells) + " |", flush=True)
        for fmt in ("png", "svg", "pdf"):
            cells = [f"{timed(views[n], fmt, Path(folder)):.2f} s" for n in sizes]
            print(f"| {fmt} (150 dpi) | " + " | ".join(cells) + " |", flush=True)
        print("\nLargest PNG diagram under 10 s:\n\n| entities | ties | PNG time |\n|---:|---:|---:|")
        for n in diagram_sizes:
            view = synthetic_view(n)
            seconds = timed(view, "png", Path(folder))
            print(f"| {n:,} | {len(view.projection.relationships):,} | {seconds:.2f} s |", flush=True)
            if seconds > 3 * LIMIT:
                break


if __name__ == "__main__":
    main()
