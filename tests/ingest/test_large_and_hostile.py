"""The two bad-input cases that are not files in the corpus: a huge file (made here, not stored in
the repository) and names holding query or page text, which are not errors at all: they are
stored as the text they are and shown as such."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from graph.model import normalise_name
from graph.store.base import GraphStore
from ingest.loader import ingest_paths
from ingest.readers.preflight import MAX_FILE_MB_ENV

CKG = str(Path(sys.executable).with_name("ckg"))
HOSTILE = [
    "Robert'); DROP TABLE entities; --",
    "x'}) MATCH (n) DETACH DELETE n //",
    '<script>alert("owned")</script>',
    "<b>bold</b> & <img src=x onerror=alert(1)>",
    "[bold red]not markup[/] ${7*7} {{7*7}}",
]


def write_big_csv(folder: Path, count: int, bad_line: int | None = None) -> None:
    """``count`` companies in a chain of partnerships; ``bad_line`` of entities.csv misspells a kind."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.csv").write_text("id,title\nregistry,Company registry\n", encoding="utf-8")
    lines = ["id,kind,name,aliases"]
    lines += [f"org-{i},Company,Organisation {i},기관 {i}" for i in range(count)]
    if bad_line is not None:
        lines[bad_line - 1] = f"org-{bad_line - 2},Compnay,Organisation {bad_line - 2},"
    (folder / "entities.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rels = ["kind,source,target,evidence_source,evidence_locator"]
    rels += [f"PARTNERS_WITH,org-{i},org-{i + 1},registry,row {i}" for i in range(count - 1)]
    (folder / "relationships.csv").write_text("\n".join(rels) + "\n", encoding="utf-8")


def test_a_huge_file_with_one_bad_row_names_it_and_writes_nothing(
    store: GraphStore, seed_dir: Path, tmp_path: Path
) -> None:
    ingest_paths(store, [seed_dir])
    before = (store.stats(), [e.model_dump() for e in store.entities()])
    write_big_csv(tmp_path / "big", 20_000, bad_line=19_990)
    report = ingest_paths(store, [tmp_path / "big"])
    # the bad row, then the two partnerships that name the company it failed to define
    assert [str(p).split(": ")[0:2] for p in report.problems] == [
        [f"{tmp_path}/big/entities.csv:19990", "kind"],
        [f"{tmp_path}/big/relationships.csv:19989", "target"],
        [f"{tmp_path}/big/relationships.csv:19990", "source"],
    ]
    assert report.problems[0].message.endswith("got 'Compnay' (did you mean 'Company'?)")
    assert report.problems[1].message.startswith("no entity is called 'org-19988'")
    assert (store.stats(), [e.model_dump() for e in store.entities()]) == before


def test_a_large_valid_file_loads_and_reloads_unchanged(store: GraphStore, tmp_path: Path) -> None:
    write_big_csv(tmp_path / "big", 5_000)
    first = ingest_paths(store, [tmp_path / "big"])
    assert first.problems == []
    assert (first.units[0].rows, store.stats().relationships.total) == (1 + 5_000 + 4_999, 4_999)
    second = ingest_paths(store, [tmp_path / "big"]).units[0]
    assert (second.changes["entities"].unchanged, second.changes["relationships"].unchanged) == (5_000, 4_999)


def test_a_file_over_the_size_limit_is_refused_with_the_way_out(
    store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_big_csv(tmp_path / "big", 2_000)
    monkeypatch.setenv(MAX_FILE_MB_ENV, "0.01")
    report = ingest_paths(store, [tmp_path / "big"])
    messages = [p.message for p in report.problems]
    assert len(messages) == 2  # entities.csv and relationships.csv; sources.csv is small
    assert all("over the limit of 0 MB: split it into several files" in m for m in messages)
    assert all(MAX_FILE_MB_ENV in m for m in messages)
    assert store.stats().entities.total == 0


def hostile_file(path: Path) -> Path:
    data = {
        "sources": [{"id": "note", "title": HOSTILE[2]}],
        "entities": [
            {"id": f"hostile-{i}", "kind": "Company", "name": name, "aliases": [name + " 별칭"]}
            for i, name in enumerate(HOSTILE)
        ],
        "relationships": [
            {
                "kind": "PARTNERS_WITH",
                "source": name,
                "target": f"hostile-{(i + 1) % len(HOSTILE)}",
                "note": name,
                "evidence": [{"source": "note", "quote": name}],
            }
            for i, name in enumerate(HOSTILE)
        ],
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_names_holding_query_or_page_text_are_stored_as_text(
    store: GraphStore, seed_dir: Path, tmp_path: Path
) -> None:
    ingest_paths(store, [seed_dir])
    report = ingest_paths(store, [hostile_file(tmp_path / "hostile.yaml")])
    assert report.problems == []
    assert [store.get_entity(f"hostile-{i}").name for i in range(len(HOSTILE))] == HOSTILE  # type: ignore[union-attr]
    for i, name in enumerate(HOSTILE):
        assert store.lookup_names([normalise_name(name + " 별칭")]) == {
            normalise_name(name + " 별칭"): {f"hostile-{i}"}
        }
    notes = sorted(r.note for r in store.relationships() if r.note in HOSTILE)
    assert notes == sorted(HOSTILE)
    stats = store.stats()
    assert (stats.entities.total, stats.relationships.total) == (19 + 5, 29 + 5)
    assert next(iter(store.sources_by_ids(["note"]).values())).title == HOSTILE[2]


def test_hostile_names_are_shown_verbatim_by_the_cli(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path}/ckg.db"
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "sources: [{id: note, title: n}]\nentities: [{id: a, kind: Company, name: A}]\n"
        f"relationships: [{{kind: FUNDS, source: a, target: {json.dumps(HOSTILE[4])}, "
        "evidence: [{source: note, quote: q}]}]\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [CKG, "--store", store, "ingest", str(bad)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert f"no entity is called {HOSTILE[4]!r}" in result.stderr
