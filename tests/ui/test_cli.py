"""`ckg` as users and their scripts run it: a real process, its exit code, its stdout and stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CKG = str(Path(sys.executable).with_name("ckg"))
SEED_STATS = {
    "entities": {
        "total": 19,
        "by_kind": {
            "Cluster": 5,
            "Company": 4,
            "Consortium": 1,
            "GovernmentBody": 1,
            "Person": 1,
            "Place": 2,
            "Programme": 4,
            "ResearchInstitute": 1,
        },
    },
    "relationships": {
        "total": 29,
        "by_kind": {
            "ESTABLISHES": 6,
            "FUNDS": 3,
            "INVESTS_IN": 1,
            "LEADS": 2,
            "LOCATED_IN": 6,
            "MEMBER_OF": 3,
            "PART_OF": 7,
            "SIGNED_MOU_WITH": 1,
        },
        "without_evidence": 0,
    },
    "sources": 1,
    "evidence": 38,
}


def ckg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CKG, *args], capture_output=True, text=True, input=stdin, timeout=120, check=False)


def test_ingest_stats_clear_give_the_same_results_on_both_stores(store_uri: str, seed_dir: Path) -> None:
    loaded = ckg("--store", store_uri, "ingest", str(seed_dir), "--json")
    assert loaded.returncode == 0, loaded.stderr
    report = json.loads(loaded.stdout)
    assert report["problems"] == 0
    assert [(u["written"], u["entities"], u["relationships"]) for u in report["units"]] == [(True, 19, 29)]

    stats = json.loads(ckg("--store", store_uri, "stats", "--json").stdout)
    assert {key: stats[key] for key in SEED_STATS} == SEED_STATS

    again = ckg("--store", store_uri, "ingest", str(seed_dir))
    assert again.returncode == 0
    assert json.loads(ckg("--store", store_uri, "stats", "--json").stdout) == stats

    cleared = ckg("--store", store_uri, "clear", "--yes", "--json")
    assert cleared.returncode == 0
    assert json.loads(cleared.stdout)["removed"]["entities"]["total"] == 19
    empty = json.loads(ckg("--store", store_uri, "stats", "--json").stdout)
    assert (empty["entities"]["total"], empty["relationships"]["total"], empty["sources"]) == (0, 0, 0)


def test_store_from_the_environment(tmp_path: Path, seed_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CKG_STORE", f"sqlite:///{tmp_path}/env.db")
    assert ckg("ingest", str(seed_dir)).returncode == 0
    assert (tmp_path / "env.db").is_file()
    assert json.loads(ckg("stats", "--json").stdout)["entities"]["total"] == 19


def test_bad_input_exits_1_with_every_problem_on_stderr(tmp_path: Path) -> None:
    bad = Path(__file__).parents[1] / "ingest" / "bad_input" / "bad_kinds.yaml"
    result = ckg("--store", f"sqlite:///{tmp_path}/x.db", "ingest", str(bad))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("  ")]
    assert [line.split(": ")[0].strip() for line in lines] == [f"{bad}:{n}" for n in (7, 12, 17, 21)]


def test_errors_and_usage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unknown = ckg("--store", "foo://x", "stats")
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert "unknown store 'foo://x'" in unknown.stderr
    assert ckg("stats", "--no-such-option").returncode == 2
    refused = ckg("--store", f"sqlite:///{tmp_path}/x.db", "clear", stdin="")
    assert refused.returncode == 2
    assert "without --yes" in refused.stderr
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    no_password = ckg("--store", "bolt://127.0.0.1:9", "stats")
    assert no_password.returncode == 1
    assert "set NEO4J_PASSWORD" in no_password.stderr
    monkeypatch.setenv("NEO4J_PASSWORD", "not-a-real-one")
    down = ckg("--store", "bolt://127.0.0.1:9", "stats")
    assert down.returncode == 1
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in down.stderr
    assert "ckg neo4j start" in down.stderr
    assert "not-a-real-one" not in down.stderr


def test_schema_describes_the_data_files(tmp_path: Path) -> None:
    result = ckg("schema", "-o", str(tmp_path / "schema.json"))
    assert result.returncode == 0
    schema = json.loads((tmp_path / "schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == {"sources", "entities", "relationships"}
    assert "SIGNED_MOU_WITH" in json.dumps(schema)
