"""GEXF 1.2 for Gephi: entities coloured by kind (Gephi shows ``viz`` colours and sizes as is),
symmetric ties as "mutual" (two-way) edges, the evidence as edge attributes, and the provenance in the
file's ``meta`` (creator, description, keywords, date).

>>> write_gexf(view, Path("korea.gexf"))  # doctest: +SKIP
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import networkx as nx
from lxml import etree  # type: ignore[import-untyped]

from graph.export.base import ExportView, ProgressFn, no_progress
from graph.export.nxgraph import flat_graph
from graph.export.palette import KIND_COLOURS, rgb
from graph.export.records import xml_safe
from graph.model import EntityKind

GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"


def write_gexf(view: ExportView, path: Path, progress: ProgressFn = no_progress) -> None:
    """Write ``view`` as GEXF 1.2 (UTF-8). Edges are identified by their relationship key."""
    graph = flat_graph(view, edge_keys="relationship", text=xml_safe, progress=progress)
    simple = nx.Graph(graph)
    for node, data in graph.nodes(data=True):
        red, green, blue = rgb(KIND_COLOURS[EntityKind(data["kind"])])
        data["viz"] = {
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            "size": round(8 + 4 * math.sqrt(simple.degree(node)), 2),
        }
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["id"] = key
        if data["symmetric"]:
            data["type"] = "mutual"  # both ways; "undirected" in a directed graph stops networkx reading it
    progress("writing GEXF", 0, 1)
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    path.write_bytes(_with_meta(buffer.getvalue(), view))
    progress("writing GEXF", 1, 1)


def _with_meta(document: bytes, view: ExportView) -> bytes:
    """The GEXF with our provenance in ``meta`` (networkx writes only its own name and today's date)."""
    root = etree.fromstring(document, parser=etree.XMLParser(huge_tree=True))
    graph = root.find(f"{{{GEXF_NAMESPACE}}}graph")
    if graph is not None and "name" in graph.attrib:
        del graph.attrib["name"]  # networkx writes name="", which the GEXF 1.2 schema does not allow
    meta = root.find(f"{{{GEXF_NAMESPACE}}}meta")
    assert meta is not None, "networkx always writes a meta element"
    provenance = view.provenance
    meta.set("lastmodifieddate", provenance.made_at.date().isoformat())
    for child in list(meta):
        meta.remove(child)
    etree.SubElement(
        meta, f"{{{GEXF_NAMESPACE}}}creator"
    ).text = f"{provenance.tool} (networkx {nx.__version__})"
    etree.SubElement(meta, f"{{{GEXF_NAMESPACE}}}keywords").text = "consortium-kg, knowledge graph, evidence"
    description = (
        f"{provenance.description}. From {provenance.store}, made {provenance.made_at.isoformat()}. "
        f"{provenance.sources_line(limit=len(provenance.sources) or 1)}"
    )
    etree.SubElement(meta, f"{{{GEXF_NAMESPACE}}}description").text = xml_safe(description)
    document_bytes: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return document_bytes
