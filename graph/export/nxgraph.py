"""The view as a networkx ``MultiDiGraph`` with the records as attributes: what the GraphML,
GEXF and JSON writers hand to networkx's own writers.

Directed, because most ties have a direction (who invests in whom); each edge says whether its
kind is ``symmetric``. Parallel ties (an MOU and a membership between the same two) stay
separate edges.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal

import networkx as nx

from graph.export.base import ExportView, ProgressFn, Ticker, no_progress
from graph.export.records import entity_record, evidence_json, relationship_record

EdgeKeys = Literal["index", "relationship"]


def _identity(text: str) -> str:
    return text


def flat_graph(
    view: ExportView,
    *,
    edge_keys: EdgeKeys,
    text: Callable[[str], str] = _identity,
    progress: ProgressFn = no_progress,
) -> nx.MultiDiGraph:
    """Scalar attributes only (GraphML and GEXF hold no lists or maps); every string passes through
    ``text`` (e.g. :func:`graph.export.records.xml_safe`). Edges are keyed ``e0, e1, ...`` (XML ids
    cannot hold ``|``) or by the relationship key; the key is always the ``key`` attribute too."""
    projection = view.projection
    graph = nx.MultiDiGraph()
    names = {eid: entity.name for eid, entity in projection.entities.items()}
    ticker = Ticker(progress, "entities", len(projection.entities))
    for entity_id, entity in projection.entities.items():
        record = {k: text(v) if isinstance(v, str) else v for k, v in entity_record(entity).items()}
        graph.add_node(entity_id, label=record["name"], **record)
        ticker.tick()
    ticker.done()
    ticker = Ticker(progress, "relationships", len(projection.relationships))
    for index, (key, rel) in enumerate(projection.relationships.items()):
        record = relationship_record(rel, projection.sources, names)
        record = {k: text(v) if isinstance(v, str) else v for k, v in record.items()}
        edge_key = f"e{index}" if edge_keys == "index" else key
        graph.add_edges_from([(rel.source, rel.target, edge_key, {"label": rel.kind.value, **record})])
        ticker.tick()
    ticker.done()
    return graph


def rich_graph(view: ExportView, *, progress: ProgressFn = no_progress) -> nx.MultiDiGraph:
    """JSON-shaped attributes: lists stay lists and evidence is a list of objects, each with its
    source's title, address and date. Edges are keyed by the relationship key."""
    projection = view.projection
    graph = nx.MultiDiGraph()
    ticker = Ticker(progress, "entities", len(projection.entities))
    for entity_id, entity in projection.entities.items():
        graph.add_node(entity_id, **entity.model_dump(mode="json", exclude={"id"}))
        ticker.tick()
    ticker.done()
    ticker = Ticker(progress, "relationships", len(projection.relationships))
    for key, rel in projection.relationships.items():
        data: dict[str, Any] = rel.model_dump(mode="json", exclude={"source", "target", "evidence"})
        data["symmetric"] = rel.kind.symmetric
        data["evidence"] = evidence_json(rel.evidence, projection.sources)
        graph.add_edge(rel.source, rel.target, key=key, **data)
        ticker.tick()
    ticker.done()
    return graph


def provenance_attributes(view: ExportView) -> dict[str, str]:
    """The provenance as graph-level string attributes (``ckg_`` prefixed), for GraphML."""
    provenance = view.provenance
    return {
        "ckg_tool": provenance.tool,
        "ckg_made_at": provenance.made_at.isoformat(),
        "ckg_store": provenance.store,
        "ckg_view": provenance.description,
        "ckg_view_options": json.dumps(provenance.view, ensure_ascii=False, sort_keys=True),
        "ckg_sources": json.dumps(
            [source.model_dump(mode="json") for source in provenance.sources], ensure_ascii=False
        ),
    }
