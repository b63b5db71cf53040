"""`ckg path | neighbours | gaps | suggest | metrics` as scripts call them, on both stores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CKG = str(Path(sys.executable).with_name("ckg"))


def ckg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CKG, *args], capture_output=True, text=True, timeout=120, check=False)


def test_analysis_commands(store_uri: str, seed_dir: Path) -> None:
    assert ckg("--store", store_uri, "ingest", str(seed_dir)).returncode == 0

    found = ckg("--store", store_uri, "path", "LG전자", "아이온큐", "-k", "2", "--json")
    assert found.returncode == 0, found.stderr
    paths = json.loads(found.stdout)["paths"]
    assert [p["length"] for p in paths] == [2, 3]
    hop = paths[0]["hops"][1]
    assert {key: hop[key] for key in ("kind", "source", "target", "since", "status")} == {
        "kind": "INVESTS_IN",
        "source": "ionq",
        "target": "south-korea",
        "since": None,
        "status": "planned",
    }
    assert hop["evidence"][0]["source"] == "article-2026-01-29-korea-quantum-strategy"
    assert "15 million US dollars" in hop["evidence"][0]["quote"]

    text = ckg("--store", store_uri, "path", "LG Electronics", "IonQ", "--via", "MEMBER_OF")
    assert text.returncode == 1
    assert "No path from LG Electronics to IonQ" in text.stdout

    unknown = ckg("--store", store_uri, "path", "LG Electronics", "Nobody Inc")
    assert (unknown.returncode, unknown.stderr.strip()) == (1, "error: no stakeholder is called 'Nobody Inc'")
    bad_kind = ckg("--store", store_uri, "path", "LG Electronics", "IonQ", "--via", "FRIENDS")
    assert bad_kind.returncode == 1
    assert "'FRIENDS' is not a relationship kind" in bad_kind.stderr

    rings = json.loads(ckg("--store", store_uri, "neighbours", "SK Telecom", "--depth", "2", "--json").stdout)
    assert {n["id"] for n in rings["neighbours"] if n["depth"] == 1} == {
        "quantum-technology-consultative-body",
        "south-korea",
    }
    report = json.loads(ckg("--store", store_uri, "gaps", "--json").stdout)
    assert [s["key"] for s in report["sections"]] == [
        "coverage",
        "bridges",
        "single_points_of_failure",
        "weak_ties",
        "thin_evidence",
    ]
    suggestions = json.loads(ckg("--store", store_uri, "suggest", "lg-electronics", "--json").stdout)
    assert {s["id"] for s in suggestions["suggestions"][:2]} == {"samsung-electronics", "sk-telecom"}
    metrics = json.loads(ckg("--store", store_uri, "metrics", "--json").stdout)
    assert metrics["brokers"][0] == "ministry-of-science-and-ict"
    early = json.loads(ckg("--store", store_uri, "metrics", "--as-of", "2025-06-01", "--json").stdout)
    assert all(row["degree"] == 0 for row in early["entities"])
