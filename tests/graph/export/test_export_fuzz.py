"""Hostile text through every export that carries it (Hypothesis): JSON, GraphML, CSV, the HTML
page and the Cypher script, each read back by a real reader. Text comes back as it went in (in
XML, with the characters XML cannot hold replaced, as documented); the HTML page holds no
element the data brought (no ``<script>`` from a name), its data parses back exactly; and the
Cypher script, run into a real Neo4j, recreates exactly the view and touches nothing else."""

from __future__ import annotations

import csv
import itertools
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import neo4j
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html  # type: ignore[import-untyped]

from graph.analysis.projection import build_projection
from graph.export.base import ExportView
from graph.export.cypher_script import read_statements, write_cypher
from graph.export.graphml import write_graphml
from graph.export.html import vis_assets, write_html
from graph.export.jsonfmt import write_json
from graph.export.options import DrawOptions
from graph.export.records import entity_record, evidence_json, relationship_record, xml_safe
from graph.export.tabular import write_csv
from graph.export.view import ViewSpec, export_view
from graph.model import Entity, EntityKind, Evidence, Relationship, RelationshipKind, Source
from graph.store.neo4j import Neo4jStore
from tests.hostile import any_text, hostile_text, non_blank

MADE_AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
_address = st.text(st.characters(exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=30)


@st.composite
def views(draw: st.DrawFn) -> ExportView:
    """A small view (two to four stakeholders in a chain, one or two sources) whose every text
    field is hostile."""
    sources = [
        Source(
            id=f"source-{n}",
            title=draw(non_blank(any_text)),
            publisher=draw(st.none() | hostile_text),
            url=draw(st.none() | _address.map(lambda tail: "https://example.org/" + tail)),
        )
        for n in range(draw(st.integers(1, 2)))
    ]
    entities = [
        Entity(
            id=f"e{n}",
            kind=draw(st.sampled_from(EntityKind)),
            name=draw(non_blank(any_text)),
            aliases=draw(st.lists(non_blank(hostile_text), max_size=3)),
            region=draw(st.none() | hostile_text),
            description=draw(st.none() | any_text),
            attributes={"note": draw(hostile_text)},
        )
        for n in range(draw(st.integers(2, 4)))
    ]
    relationships = [
        Relationship(
            kind=draw(st.sampled_from(RelationshipKind)),
            source=left.id,
            target=right.id,
            note=draw(st.none() | any_text),
            evidence=[
                Evidence(
                    source=draw(st.sampled_from(sources)).id,
                    quote=draw(non_blank(any_text)),
                    locator=draw(st.none() | hostile_text),
                )
            ],
        )
        for left, right in itertools.pairwise(entities)
    ]
    projection = build_projection(entities, relationships, sources)
    return export_view(projection, ViewSpec(), "memory://fuzz", made_at=MADE_AT)


def check_json(view: ExportView, folder: Path) -> None:
    write_json(view, folder / "view.json")
    graph = nx.node_link_graph(json.loads((folder / "view.json").read_text(encoding="utf-8")), edges="edges")
    projection = view.projection
    for entity_id, entity in projection.entities.items():
        assert graph.nodes[entity_id] == entity.model_dump(mode="json", exclude={"id"})
    for rel in projection.relationships.values():
        data = graph.edges[rel.source, rel.target, rel.key]
        assert data["note"] == rel.note
        assert data["evidence"] == evidence_json(rel.evidence, projection.sources)


def check_graphml(view: ExportView, folder: Path) -> None:
    write_graphml(view, folder / "view.graphml")
    graph = nx.read_graphml(folder / "view.graphml", force_multigraph=True)
    projection = view.projection
    names = {eid: e.name for eid, e in projection.entities.items()}
    for entity_id, entity in projection.entities.items():
        data = dict(graph.nodes[entity_id])
        assert data.pop("label") == xml_safe(entity.name)
        expected = {k: xml_safe(v) if isinstance(v, str) else v for k, v in entity_record(entity).items()}
        assert data == expected
    edges = {data["key"]: data for _, _, data in graph.edges(data=True)}
    for key, rel in projection.relationships.items():
        record = relationship_record(rel, projection.sources, names)
        assert {k: edges[key][k] for k in record} == {
            k: xml_safe(v) if isinstance(v, str) else v for k, v in record.items()
        }


def check_csv(view: ExportView, folder: Path) -> None:
    write_csv(view, folder / "csv")
    with (folder / "csv" / "nodes.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    for entity_id, entity in view.projection.entities.items():
        record = entity_record(entity)
        assert {k: v for k, v in rows[entity_id].items() if v != ""} == {
            k: str(v) for k, v in record.items() if str(v) != ""
        }
    with (folder / "csv" / "evidence.csv").open(encoding="utf-8-sig", newline="") as handle:
        quotes = [row["quote"] for row in csv.DictReader(handle)]
    assert quotes == [e.quote for rel in view.projection.relationships.values() for e in rel.evidence]


def check_html(view: ExportView, folder: Path) -> None:
    write_html(view, folder / "view.html", DrawOptions())
    text = (folder / "view.html").read_text(encoding="utf-8")
    document = lxml_html.fromstring(text)
    # nothing the data holds became an element: the page's own four scripts, no handler attribute
    assert len(document.findall(".//script")) == 4
    page = text.replace(vis_assets()[0].replace("</script", "<\\/script"), "")  # less vis-network's own code
    assert len(re.findall(r"<script\b", page, flags=re.IGNORECASE)) == 4
    assert len(re.findall(r"</script", page, flags=re.IGNORECASE)) == 4
    for element in document.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib), element.tag
    [data] = [s.text for s in document.findall(".//script") if s.get("id") == "ckg-data"]
    nodes = {node["id"]: node["details"] for node in json.loads(data)["nodes"]}
    for entity_id, entity in view.projection.entities.items():
        assert (nodes[entity_id]["name"], nodes[entity_id]["aliases"]) == (entity.name, entity.aliases)
        assert nodes[entity_id]["description"] == entity.description
    edges = [edge["details"] for edge in json.loads(data)["edges"]]
    assert [e["evidence"][0]["quote"] for e in edges] == [
        rel.evidence[0].quote for rel in view.projection.relationships.values()
    ]


def check_cypher_text(view: ExportView, folder: Path) -> list[str]:
    path = folder / "view.cypher"
    write_cypher(view, path)
    lines = path.read_text(encoding="utf-8").split("\n")
    statements = read_statements(line + "\n" for line in lines)
    # one statement per line, whatever the text: a value never ends a line or a statement early
    assert len(statements) == len([line for line in lines if line and not line.startswith("//")])
    assert all(re.match(r"(CREATE (CONSTRAINT|INDEX) |UNWIND \[)", statement) for statement in statements)
    return statements


@given(view=views())
@settings(max_examples=40, deadline=None)
def test_hostile_text_survives_every_export_and_stays_data(view: ExportView) -> None:
    with TemporaryDirectory() as name:
        folder = Path(name)
        check_json(view, folder)
        check_graphml(view, folder)
        check_csv(view, folder)
        check_html(view, folder)
        check_cypher_text(view, folder)


def _run(driver: neo4j.Driver, query: str, **parameters: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, parameters)
    return [record.data() for record in records]


@pytest.mark.neo4j
def test_the_cypher_script_of_hostile_text_recreates_the_view_and_nothing_else(
    neo4j_credentials: tuple[str, str, str],
) -> None:
    uri, user, password = neo4j_credentials
    with (
        Neo4jStore(uri, user, password) as store,
        neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver,
    ):

        @given(view=views())
        @settings(max_examples=8, deadline=None)
        def check(view: ExportView) -> None:
            store.clear()
            _run(driver, "MATCH (n:Sentinel) DELETE n")
            _run(driver, "CREATE (:Sentinel {id: 'keep', name: 'untouched'})")
            labels_before = {
                row["label"] for row in _run(driver, "CALL db.labels() YIELD label RETURN label")
            }
            with TemporaryDirectory() as name:
                for statement in check_cypher_text(view, Path(name)):
                    driver.execute_query(statement)
            projection = view.projection
            assert {e.id: e for e in store.entities()} == projection.entities
            assert {r.key: r for r in store.relationships()} == projection.relationships
            assert {s.id: s for s in store.sources()} == {
                s.id: s
                for s in projection.sources.values()
                if any(e.source == s.id for r in projection.relationships.values() for e in r.evidence)
            }
            # nothing else was created, changed or removed
            assert _run(
                driver, "MATCH (n) WHERE NOT n:Entity AND NOT n:Source RETURN properties(n) AS p"
            ) == [{"p": {"id": "keep", "name": "untouched"}}]
            labels = {row["label"] for row in _run(driver, "CALL db.labels() YIELD label RETURN label")}
            assert labels - labels_before <= {kind.value for kind in EntityKind} | {"Entity", "Source"}

        try:
            check()
        finally:
            store.clear()
            _run(driver, "MATCH (n:Sentinel) DELETE n")
