"""The bulk paths of a large ingest give what the record-by-record paths gave: validation of a
whole section at once, CSV rows read as lists, resolution that keeps a relationship whose ends
were ids, and the embedded store's writes in key order."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from graph.bulk import paused_gc
from graph.model import Dataset, Entity, Evidence, Relationship, RelationshipKind, Source
from graph.store.sqlite import SqliteStore
from graph.synthetic import generate, write_csv
from ingest.loader import ingest_paths
from ingest.raw import Location, Locations, RawDocument, dotted
from ingest.readers.tabular import read_csv_folder
from ingest.validate import SECTIONS, _message, validate

RECORDS: dict[str, list[Any]] = {
    "sources": [
        {"id": "s1", "title": "One", "published": "2026-01-29"},
        {"id": "S 2", "title": ""},
        "not a mapping",
        {"id": "s3", "title": "Three", "published": 2026},
    ],
    "entities": [
        {"id": "ionq", "kind": "Company", "name": "IonQ"},
        {"id": "kriss", "kind": "Institute", "name": "KRISS", "colour": "blue"},
        {"id": "msit", "kind": "GovernmentBody", "name": "MSIT", "lat": 37.5},
        {"id": "skt", "kind": "Company", "name": "SK Telecom", "country": "Korea"},
    ],
    "relationships": [
        {
            "kind": "PARTNERS_WITH",
            "source": "skt",
            "target": "ionq",
            "evidence": [{"source": "s1", "quote": "q"}],
        },
        {"kind": "FUNDS", "source": "msit", "target": "msit"},
        {
            "kind": "FUNDS",
            "source": "msit",
            "target": "kriss",
            "currency": "KRW",
            "evidence": [{"source": "s1"}],
        },
        [],
        {"kind": "LEADS", "source": "msit", "target": "ionq", "since": "2026-02-30"},
    ],
}


def _one_by_one(raw: RawDocument) -> tuple[list[tuple[str, str]], dict[str, list[tuple[int, BaseModel]]]]:
    """What validation gave when it checked each record with its own call."""
    problems: list[tuple[str, str]] = []
    items: dict[str, list[tuple[int, BaseModel]]] = {section: [] for section in SECTIONS}
    for section, model in SECTIONS.items():
        for index, record in enumerate(raw.data[section]):
            if not isinstance(record, dict):
                problems.append((dotted((section, index)), "must be a mapping of field names to values"))
                continue
            try:
                items[section].append((index, model.model_validate(record)))
            except ValidationError as error:
                for detail in error.errors(include_url=False):
                    location = tuple(part for part in detail["loc"] if isinstance(part, str | int))
                    problems.append((dotted((section, index, *location)), _message(detail)))
    return problems, items


def test_a_section_validated_at_once_gives_each_records_problems_and_keeps_the_valid() -> None:
    raw = RawDocument(name="d.yaml", data=RECORDS, locations=Locations(default_file="d.yaml"))
    result = validate(raw)
    expected_problems, expected_items = _one_by_one(raw)
    assert sorted((p.field, p.message) for p in result.problems) == sorted(expected_problems)
    assert result.sources == expected_items["sources"]
    assert result.entities == expected_items["entities"]
    assert result.relationships == expected_items["relationships"]
    assert [index for index, _ in result.relationships] == [0]


def test_csv_rows_become_the_records_and_lines_they_were(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "entities.csv").write_text(
        "id , kind,name,aliases\n"
        "ionq,Company, IonQ ,아이온큐; IonQ Inc. ;\n"
        "\n"
        ",,,\n"
        "kriss,ResearchInstitute,KRISS\n",
        encoding="utf-8",
    )
    raw = read_csv_folder(folder)
    assert raw.data["entities"] == [
        {"id": "ionq", "kind": "Company", "name": "IonQ", "aliases": ["아이온큐", "IonQ Inc."]},
        {"id": "kriss", "kind": "ResearchInstitute", "name": "KRISS"},
    ]
    path = str(folder / "entities.csv")
    assert raw.locations.find(("entities", 1, "name")) == Location(path, 5, "name")
    assert raw.locations.find(("entities", 0)) == Location(path, 2)
    assert raw.locations.find(("entities", 7)) == Location(str(folder))


def test_a_repeated_csv_column_keeps_its_later_cell(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "entities.csv").write_text(
        "id,kind,name,name \nionq,Company,IonQ,\nkriss,ResearchInstitute,Old,KRISS\n", encoding="utf-8"
    )
    raw = read_csv_folder(folder)
    assert raw.data["entities"] == [
        {"id": "ionq", "kind": "Company"},
        {"id": "kriss", "kind": "ResearchInstitute", "name": "KRISS"},
    ]
    assert raw.locations.find(("entities", 1, "name")).line == 3


def test_ends_named_by_name_are_resolved_and_put_in_order(tmp_path: Path) -> None:
    data = tmp_path / "d.yaml"
    data.write_text(
        "sources: [{id: s1, title: One}]\n"
        "entities:\n"
        "  - {id: b-corp, kind: Company, name: Alpha}\n"
        "  - {id: a-corp, kind: Company, name: Beta}\n"
        "relationships:\n"
        "  - {kind: PARTNERS_WITH, source: Alpha, target: Beta, evidence: [{source: s1, quote: q}]}\n"
        "  - {kind: INVESTS_IN, source: a-corp, target: b-corp, evidence: [{source: s1, quote: q}]}\n",
        encoding="utf-8",
    )
    with SqliteStore(":memory:") as store:
        assert ingest_paths(store, [data]).problems == []
        ties = {(r.kind, r.source, r.target) for r in store.relationships()}
    assert ties == {
        (RelationshipKind.PARTNERS_WITH, "a-corp", "b-corp"),
        (RelationshipKind.INVESTS_IN, "a-corp", "b-corp"),
    }


def test_writes_in_key_order_keep_each_relationships_evidence_order() -> None:
    sources = [Source(id=f"s{n}", title=f"Source {n}") for n in range(3)]
    entities = [Entity(id=name, kind="Company", name=name.upper()) for name in ("zeta", "alpha", "mid")]
    evidence = [Evidence(source=f"s{n}", quote=f"quote {n}") for n in (2, 0, 1)]
    relationships = [
        Relationship(kind="FUNDS", source="zeta", target="alpha", evidence=evidence),
        Relationship(kind="FUNDS", source="alpha", target="mid", evidence=evidence[::-1]),
    ]
    with SqliteStore(":memory:") as store:
        store.upsert(Dataset(sources=sources, entities=entities, relationships=relationships))
        stored = {(r.source, r.target): [e.source for e in r.evidence] for r in store.relationships()}
    assert stored == {("zeta", "alpha"): ["s2", "s0", "s1"], ("alpha", "mid"): ["s1", "s0", "s2"]}


def test_a_synthetic_csv_ingest_stores_what_was_generated(tmp_path: Path) -> None:
    dataset = generate(200, seed=3)
    write_csv(dataset, tmp_path / "csv")
    with SqliteStore(tmp_path / "ckg.db") as store:
        report = ingest_paths(store, [tmp_path / "csv"])
        assert report.problems == []
        assert [r.model_dump() for r in store.relationships()] == [
            r.model_dump() for r in sorted(dataset.relationships, key=lambda r: r.key)
        ]
        assert list(store.entities()) == sorted(dataset.entities, key=lambda e: e.id)
        again = ingest_paths(store, [tmp_path / "csv"])
    assert again.totals()["created"] == {"sources": 0, "entities": 0, "relationships": 0}
    assert again.totals()["updated"] == {"sources": 0, "entities": 0, "relationships": 0}


def _fail_while_paused() -> None:
    with paused_gc():
        assert not gc.isenabled()
        raise RuntimeError


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_gc_restores_the_collector_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(RuntimeError):
            _fail_while_paused()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
