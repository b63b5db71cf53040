"""Every benchmark still runs and reports, at the small sizes of `make bench-smoke` (see
benchmarks/run_all.py): timings are not checked (CI machines vary), only that each report holds
its rows with sane numbers. The Neo4j parts use the session's server."""

from __future__ import annotations

import importlib.util
import math
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.unavailable import unavailable

ROOT = Path(__file__).resolve().parent.parent.parent


def _run_all() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "benchmarks" / "run_all.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


RUN_ALL = _run_all()
ROWS = {  # rows each report must hold
    "scale": ["| path k=1 | SQLite |", "| path k=1 | Neo4j |", "| neighbourhood depth 2 | Neo4j |",
              "| SQLite | 40 |", "| Neo4j | 40 |", "`ckg gaps` + `ckg metrics`", "build the projection"],
    "analysis": ["SQLite store engine, k=1", "Neo4j store engine, k=1", "`ckg metrics` analysis"],
    "load": ["SQLite, `ckg ingest`", "Neo4j, UNWIND batches of 5,000", "Neo4j, one relationship per"],
    "export": ["| graphml |", "| xlsx |", "| png (150 dpi) |", "| 300 |"],
    "app pages": ["cold start", "Overview", "Paths", "stakeholders drawn"],
}  # fmt: skip
NUMBER = re.compile(r"(?<![\w.-])-?\d[\d,]*(?:\.\d+)?")


def numbers(report: str) -> list[float]:
    """Every number in the report's table rows (or lines, for the app pages' plain table)."""
    rows = [line for line in report.splitlines() if line.startswith("|") and not line.startswith("|---")]
    if not rows:
        rows = [line for line in report.splitlines() if line.rstrip().endswith(" s")]
    return [float(text.replace(",", "")) for line in rows for text in NUMBER.findall(line)]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(bench.name, marks=[pytest.mark.neo4j] if bench.neo4j or bench.name == "scale" else [])
        for bench in RUN_ALL.BENCHMARKS
    ],
)
def test_each_benchmark_runs_and_reports(
    name: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = next(b for b in RUN_ALL.BENCHMARKS if b.name == name)
    neo4j = bool(bench.neo4j) or bench.name == "scale"
    if neo4j:
        uri, username, password = request.getfixturevalue("neo4j_credentials")
        monkeypatch.setenv("NEO4J_URI", uri)
        monkeypatch.setenv("NEO4J_USERNAME", username)
        monkeypatch.setenv("NEO4J_PASSWORD", password)
    if name == "app pages" and not shutil.which("chromium"):
        unavailable("Debian's chromium is not installed (make browser installs it)")
    report, _ = RUN_ALL.run(bench, smoke=True, write=False, neo4j=neo4j, scratch=tmp_path)
    for row in ROWS[name]:
        assert row in report, (row, report)
    values = numbers(report)
    assert len(values) >= 5, report
    assert all(math.isfinite(v) and v >= 0 for v in values), report
