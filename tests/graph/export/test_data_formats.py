"""Each data format written, then read back by the reader its users have: networkx, json, csv,
openpyxl, the GraphML and GEXF schemas. Hostile text must come back exactly."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import xmlschema
from lxml import etree  # type: ignore[import-untyped]
from openpyxl import load_workbook  # type: ignore[import-untyped]

from graph.export.base import ExportView
from graph.export.gexf import write_gexf
from graph.export.graphml import write_graphml
from graph.export.jsonfmt import write_json
from graph.export.records import entity_record, relationship_record, xml_safe
from graph.export.tabular import write_csv, write_xlsx
from graph.model import Entity, Evidence, Relationship

SCHEMAS = Path(__file__).with_name("schemas")
VIZ_NAMESPACE = "http://www.gexf.net/1.2draft/viz"
GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"


@pytest.fixture(scope="module")
def graphml_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "graphml.xsd")


@pytest.fixture(scope="module")
def gexf_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "gexf.xsd")


def evidence_back(items: list[dict[str, Any]]) -> list[Evidence]:
    return [
        Evidence(source=i["source"], quote=i["quote"], locator=i["locator"], extracted_by=i["extracted_by"])
        for i in items
    ]


def assert_schema_valid(schema: xmlschema.XMLSchema, document: Any) -> None:
    errors = [f"{error.path}: {error.reason}" for error in schema.iter_errors(document)]
    assert errors == []


def test_graphml_reads_back_in_networkx_and_is_schema_valid(
    odd_view: ExportView, tmp_path: Path, graphml_schema: xmlschema.XMLSchema
) -> None:
    path = tmp_path / "odd.graphml"
    write_graphml(odd_view, path)
    assert_schema_valid(graphml_schema, str(path))

    graph = nx.read_graphml(path, force_multigraph=True)
    projection = odd_view.projection
    assert sorted(graph.nodes) == sorted(projection.entities)
    for entity_id, entity in projection.entities.items():
        data = dict(graph.nodes[entity_id])
        assert data.pop("label") == entity.name
        assert data == entity_record(entity)
    names = {eid: e.name for eid, e in projection.entities.items()}
    edges = {data["key"]: (u, v, data) for u, v, data in graph.edges(data=True)}
    assert sorted(edges) == sorted(projection.relationships)
    for key, rel in projection.relationships.items():
        u, v, data = edges[key]
        assert (u, v) == (rel.source, rel.target)
        assert data["label"] == rel.kind.value
        expected = relationship_record(rel, projection.sources, names)
        assert {k: data[k] for k in expected} == expected
        assert evidence_back(json.loads(data["evidence_json"])) == rel.evidence
    assert graph.graph["ckg_store"] == "memory://odd"
    assert graph.graph["ckg_made_at"] == "2026-11-25T09:30:00+00:00"
    assert json.loads(graph.graph["ckg_sources"])[0]["title"] == '한국 "양자" 전략 \\ strategy'


def _viz_in_core_namespace(path: Path) -> etree._ElementTree:
    """The shipped gexf.xsd declares color/size in the core namespace (see schemas/README.md)."""
    tree = etree.parse(str(path))
    for element in tree.iter(f"{{{VIZ_NAMESPACE}}}*"):
        element.tag = f"{{{GEXF_NAMESPACE}}}{etree.QName(element).localname}"
    return tree


def test_gexf_reads_back_in_networkx_and_is_schema_valid(
    odd_view: ExportView, tmp_path: Path, gexf_schema: xmlschema.XMLSchema
) -> None:
    path = tmp_path / "odd.gexf"
    write_gexf(odd_view, path)
    assert_schema_valid(gexf_schema, _viz_in_core_namespace(path))

    graph = nx.read_gexf(path, relabel=False)
    projection = odd_view.projection
    assert sorted(graph.nodes) == sorted(projection.entities)
    for entity_id, entity in projection.entities.items():
        data = graph.nodes[entity_id]
        assert data["label"] == entity.name
        assert {k: data[k] for k in entity_record(entity) if k != "id"} == {
            k: v for k, v in entity_record(entity).items() if k != "id"
        }
    assert graph.nodes["samsung-electronics"]["viz"]["color"] == {"r": 0, "g": 114, "b": 178, "a": 1.0}
    by_id = {data["id"]: data for _, _, data in graph.edges(data=True)}
    assert sorted(by_id) == sorted(projection.relationships)
    mou = next(r for r in projection.relationships.values() if r.kind.value == "SIGNED_MOU_WITH")
    assert evidence_back(json.loads(by_id[mou.key]["evidence_json"])) == mou.evidence
    root = etree.parse(str(path)).getroot()
    description = root.find(f"{{{GEXF_NAMESPACE}}}meta/{{{GEXF_NAMESPACE}}}description")
    assert description is not None and "memory://odd" in (description.text or "")
    mutual = root.findall(f".//{{{GEXF_NAMESPACE}}}edge[@type='mutual']")
    assert sorted(e.get("id") for e in mutual) == sorted(
        key for key, rel in projection.relationships.items() if rel.kind.symmetric
    )


def test_json_node_link_round_trip_keeps_every_field(odd_view: ExportView, tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    write_json(odd_view, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "삼성전자" in path.read_text(encoding="utf-8")  # written as is, not \uXXXX
    assert data["graph"]["provenance"]["store"] == "memory://odd"
    graph = nx.node_link_graph(data, edges="edges")
    projection = odd_view.projection
    entities = {node: Entity.model_validate({"id": node, **attrs}) for node, attrs in graph.nodes(data=True)}
    assert entities == projection.entities
    back = {}
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        fields = {k: v for k, v in attrs.items() if k not in ("symmetric", "evidence")}
        back[key] = Relationship.model_validate(
            {**fields, "source": source, "target": target, "evidence": evidence_back(attrs["evidence"])}
        )
    assert back == projection.relationships


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_folder_round_trip(odd_view: ExportView, tmp_path: Path) -> None:
    folder = tmp_path / "odd-csv"
    write_csv(odd_view, folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "edges.csv",
        "evidence.csv",
        "nodes.csv",
        "provenance.json",
        "sources.csv",
    ]
    assert (folder / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads Hangul
    projection = odd_view.projection
    nodes = {row["id"]: row for row in _csv_rows(folder / "nodes.csv")}
    for entity_id, entity in projection.entities.items():
        expected = {k: str(v) for k, v in entity_record(entity).items()}
        assert {k: v for k, v in nodes[entity_id].items() if v != ""} == expected
    edges = {row["key"]: row for row in _csv_rows(folder / "edges.csv")}
    for key, rel in projection.relationships.items():
        assert evidence_back(json.loads(edges[key]["evidence_json"])) == rel.evidence
        assert edges[key]["note"] == (rel.note or "")
    evidence = _csv_rows(folder / "evidence.csv")
    assert len(evidence) == sum(len(r.evidence) for r in projection.relationships.values())
    from tests.graph.export.conftest import LONG_QUOTE

    assert any(row["quote"] == LONG_QUOTE for row in evidence)
    sources = _csv_rows(folder / "sources.csv")
    assert [row["id"] for row in sources] == ["article-1", "note-2"]
    provenance = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    assert provenance["made_at"] == "2026-11-25T09:30:00Z"


def test_xlsx_keeps_text_as_text(odd_view: ExportView, tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    write_xlsx(odd_view, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["entities", "relationships", "evidence", "sources", "about"]

    def table(name: str) -> list[dict[str, Any]]:
        rows = list(workbook[name].iter_rows(values_only=True))
        return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]

    projection = odd_view.projection
    entities = {row["id"]: row for row in table("entities")}
    for entity_id, entity in projection.entities.items():
        assert {k: v for k, v in entities[entity_id].items() if v is not None} == entity_record(entity)
    assert entities["lonely"]["name"] == "#N/A"  # not an Excel error value
    relationships = {row["key"]: row for row in table("relationships")}
    for key, rel in projection.relationships.items():
        row = relationships[key]
        assert evidence_back(json.loads(row["evidence_json"])) == rel.evidence
        assert row["note"] == rel.note
        assert (row["since"].date() if row["since"] else None) == rel.since
    formula_cell = [c for c in workbook["evidence"]["I"] if c.value and str(c.value).startswith("=SUM")]
    assert formula_cell and formula_cell[0].data_type == "s"
    about = {row[0]: row[1] for row in workbook["about"].iter_rows(values_only=True)}
    assert about["store"] == "memory://odd"
    assert about["made at"] == "2026-11-25T09:30:00+00:00"


def test_characters_xml_cannot_hold_are_replaced_not_fatal(tmp_path: Path) -> None:
    from graph.analysis.projection import build_projection
    from graph.export.view import ViewSpec, export_view
    from graph.model import EntityKind

    entity = Entity(id="ff", kind=EntityKind.COMPANY, name="form\x0cfeed\x00nul")
    view = export_view(build_projection([entity], [], []), ViewSpec(), "memory://x")
    write_graphml(view, tmp_path / "x.graphml")
    write_gexf(view, tmp_path / "x.gexf")
    write_xlsx(view, tmp_path / "x.xlsx")
    assert nx.read_graphml(tmp_path / "x.graphml").nodes["ff"]["name"] == xml_safe(entity.name)
    assert nx.read_gexf(tmp_path / "x.gexf").nodes["ff"]["label"] == "form\ufffdfeed\ufffdnul"
    write_json(view, tmp_path / "x.json")
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["nodes"][0]["name"] == entity.name
