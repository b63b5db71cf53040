"""GraphML for yEd, Gephi, Cytoscape and networkx: entities and relationships with every field as
a typed attribute, the evidence as ``evidence_*`` attributes, and the provenance as graph data.

>>> write_graphml(view, Path("korea.graphml"))  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.export.base import ExportView, ProgressFn, no_progress
from graph.export.nxgraph import flat_graph, provenance_attributes
from graph.export.records import xml_safe


def write_graphml(view: ExportView, path: Path, progress: ProgressFn = no_progress) -> None:
    """Write ``view`` as GraphML (UTF-8; edges ``e0, e1, ...`` with the relationship key as ``key``).

    Characters XML cannot hold are replaced by U+FFFD (see :func:`xml_safe`); nothing else changes.
    """
    graph = flat_graph(view, edge_keys="index", text=xml_safe, progress=progress)
    graph.graph.update({key: xml_safe(value) for key, value in provenance_attributes(view).items()})
    progress("writing GraphML", 0, 1)
    nx.write_graphml(graph, path, encoding="utf-8", prettyprint=True)
    progress("writing GraphML", 1, 1)
