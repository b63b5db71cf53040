"""JSON in networkx's node-link form (what D3, Cytoscape.js and ``nx.node_link_graph`` read),
with nested values kept: aliases as lists, evidence as objects, and ``graph.provenance``.

>>> data = json.loads(Path("korea.json").read_text())  # doctest: +SKIP
>>> nx.node_link_graph(data, edges="edges")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.base import ExportView, ProgressFn, no_progress
from graph.export.nxgraph import rich_graph


def node_link(view: ExportView, progress: ProgressFn = no_progress) -> dict[str, Any]:
    """The view as a node-link document: ``nodes``, ``edges`` (with ``key``) and ``graph``."""
    graph = rich_graph(view, progress=progress)
    graph.graph["provenance"] = view.provenance.model_dump(mode="json")
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    return data


def write_json(view: ExportView, path: Path, progress: ProgressFn = no_progress) -> None:
    """Write the node-link document as UTF-8 JSON (Korean stays readable, not ``\\uXXXX``)."""
    data = node_link(view, progress)
    progress("writing JSON", 0, 1)
    with path.open("w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    progress("writing JSON", 1, 1)
