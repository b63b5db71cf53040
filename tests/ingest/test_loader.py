"""Ingest end to end through the loader, on both stores: formats, names, files that depend on
each other, and idempotence."""

from __future__ import annotations

from pathlib import Path

from graph.model import RelationshipKind
from graph.store.base import GraphStore
from ingest.loader import discover, ingest_paths

SOURCES = "sources:\n  - id: note\n    title: 노트 (a note)\n    kind: manual\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_ingest_twice_changes_nothing(store: GraphStore, seed_dir: Path) -> None:
    first = ingest_paths(store, [seed_dir])
    assert [u.written for u in first.units] == [True]
    snapshot = (store.stats(), [r.model_dump() for r in store.relationships()])
    ingest_paths(store, [seed_dir])
    assert (store.stats(), [r.model_dump() for r in store.relationships()]) == snapshot


def test_ends_resolve_by_name_alias_and_korean_name(store: GraphStore, tmp_path: Path) -> None:
    data = write(
        tmp_path / "d.yaml",
        SOURCES
        + """
entities:
  - {id: msit, kind: GovernmentBody, name: Ministry of Science and ICT, aliases: [MSIT, 과학기술정보통신부]}
  - {id: ionq, kind: Company, name: IonQ, aliases: [아이온큐]}
  - {id: kriss, kind: ResearchInstitute, name: Korea Research Institute of Standards and Science}
relationships:
  - kind: SIGNED_MOU_WITH
    source: 과학기술정보통신부
    target: 아이온큐
    evidence: [{source: note, quote: 서명}]
  - kind: FUNDS
    source: "  ministry of science AND ict "
    target: kriss
    evidence: [{source: note, quote: q}]
""",
    )
    report = ingest_paths(store, [data])
    assert report.problems == []
    pairs = {(r.kind, r.source, r.target) for r in store.relationships()}
    assert pairs == {
        (RelationshipKind.SIGNED_MOU_WITH, "ionq", "msit"),
        (RelationshipKind.FUNDS, "msit", "kriss"),
    }


def test_names_resolve_against_the_store(store: GraphStore, tmp_path: Path, seed_dir: Path) -> None:
    ingest_paths(store, [seed_dir])
    later = write(
        tmp_path / "later.yaml",
        SOURCES
        + """
relationships:
  - {kind: COLLABORATES_WITH, source: 삼성전자, target: SK텔레콤, evidence: [{source: note, quote: q}]}
""",
    )
    assert ingest_paths(store, [later]).problems == []
    assert any(
        r.kind is RelationshipKind.COLLABORATES_WITH
        and {r.source, r.target} == {"samsung-electronics", "sk-telecom"}
        for r in store.relationships()
    )


def test_files_that_use_each_other_land_in_dependency_order(store: GraphStore, tmp_path: Path) -> None:
    write(
        tmp_path / "a.yaml",
        """
entities: [{id: a, kind: Company, name: A}]
relationships: [{kind: PARTNERS_WITH, source: a, target: b, evidence: [{source: note, quote: q}]}]
""",
    )
    write(
        tmp_path / "b.yaml",
        SOURCES
        + """
entities: [{id: b, kind: Company, name: B}]
relationships: [{kind: MEMBER_OF, source: b, target: c, evidence: [{source: note, quote: q}]}]
""",
    )
    write(
        tmp_path / "c.json",
        '{"entities": [{"id": "c", "kind": "Consortium", "name": "C"}],'
        ' "relationships": [{"kind": "FUNDS", "source": "c", "target": "a",'
        ' "evidence": [{"source": "note", "quote": "q"}]}]}',
    )
    report = ingest_paths(store, [tmp_path])
    assert report.problems == []
    assert store.stats().relationships.total == 3


def test_a_reference_into_a_failing_file_is_named(store: GraphStore, tmp_path: Path) -> None:
    write(
        tmp_path / "good.yaml",
        SOURCES
        + """
entities: [{id: a, kind: Company, name: A}]
relationships: [{kind: PARTNERS_WITH, source: a, target: b, evidence: [{source: note, quote: q}]}]
""",
    )
    bad = write(
        tmp_path / "bad.yaml",
        "entities:\n  - {id: b, kind: Company, name: B}\n  - {id: x, kind: Nope, name: X}\n",
    )
    report = ingest_paths(store, [tmp_path])
    messages = [str(p) for p in report.problems]
    assert messages == [
        f"{bad}:3: entities[1].kind: Input should be 'Company', 'GovernmentBody', 'ResearchInstitute', "
        "'University', 'Cluster', 'Consortium', 'Programme', 'Person' or 'Place', got 'Nope'",
        f"{tmp_path / 'good.yaml'}:7: relationships[0].target: 'b' is defined in {bad}, which has problems",
    ]
    assert store.stats().entities.total == 0


def test_csv_folder_with_several_evidence_rows(store: GraphStore, tmp_path: Path) -> None:
    write(tmp_path / "csv" / "sources.csv", "id,title,published\ns1,First,2026-01-29\ns2,둘째,\n")
    write(
        tmp_path / "csv" / "entities.csv",
        "id,kind,name,aliases,sectors\n"
        "samsung-electronics,Company,Samsung Electronics,삼성전자;Samsung,semiconductors;quantum computing\n"
        "skt,Company,SK Telecom,SK텔레콤,\n",
    )
    write(
        tmp_path / "csv" / "relationships.csv",
        "kind,source,target,evidence_source,evidence_quote\n"
        'PARTNERS_WITH,삼성전자,SK텔레콤,s1,"They partner, says one."\n'
        "PARTNERS_WITH,skt,samsung-electronics,s2,두 번째 출처\n",
    )
    report = ingest_paths(store, [tmp_path / "csv" / "entities.csv"])
    assert report.problems == []
    [partnership] = list(store.relationships())
    assert [(e.source, e.quote) for e in partnership.evidence] == [
        ("s1", "They partner, says one."),
        ("s2", "두 번째 출처"),
    ]
    samsung = store.get_entity("samsung-electronics")
    assert samsung is not None
    assert samsung.aliases == ["삼성전자", "Samsung"]
    assert samsung.sectors == ["semiconductors", "quantum_computing"]


def test_discover_reports_missing_and_unsupported_paths(tmp_path: Path) -> None:
    write(tmp_path / "notes.txt", "hello")
    units, problems = discover([tmp_path / "absent.yaml", tmp_path / "notes.txt", tmp_path])
    assert units == []
    assert [p.message for p in problems] == [
        "no such file or folder",
        "not a data file (want .yaml, .yml, .json, .xlsx, or a CSV table)",
        "holds no data files",
    ]
