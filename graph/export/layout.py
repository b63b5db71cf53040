"""Where each stakeholder goes in a diagram: deterministic for the same view and seed, so a
report's figure regenerates identically.

Each part of the picture (a connected component, or a community or cluster when grouping) is
laid out on its own and the parts are packed in rows, largest first: scattered small parts no
longer drift to the edges of one big spring layout, and a group reads as a group.

>>> positions(projection, DrawOptions())  # doctest: +SKIP
{'ionq': (0.41, -0.12), ...}
"""

from __future__ import annotations

import math
import shutil
import subprocess
from collections import defaultdict

import networkx as nx

from graph.analysis.metrics import communities
from graph.analysis.projection import CLUSTER_TIES, Projection
from graph.errors import BadInputError, Problem
from graph.export.options import DrawOptions
from graph.model import EntityKind

Point = tuple[float, float]
NO_CLUSTER = "not in a cluster"
KAMADA_KAWAI_LIMIT = 400
IGRAPH_FROM = 150
"""Nodes in one part from which the layout runs in igraph rather than networkx (see the benchmark)."""
"""Nodes in one part above which kamada-kawai (quadratic memory) falls back to spring."""


def groups_of(projection: Projection, options: DrawOptions) -> dict[str, list[str]]:
    """The parts laid out separately, by label: components, communities or clusters."""
    graph = nx.Graph(projection.graph)
    if options.group == "community":
        found: dict[str, list[str]] = defaultdict(list)
        for node, number in communities(projection).items():
            found[f"Community {number + 1}"].append(node)
        return {label: sorted(nodes) for label, nodes in found.items()}
    if options.group == "cluster":
        return _cluster_groups(projection)
    parts = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(part)))
    return {f"part {number}": sorted(part) for number, part in enumerate(parts, start=1)}


def _cluster_groups(projection: Projection) -> dict[str, list[str]]:
    """Each cluster with its members, parts and residents; the rest one group each by component."""
    home: dict[str, str] = {}
    clusters = sorted(
        (e for e in projection.entities.values() if e.kind is EntityKind.CLUSTER), key=lambda e: e.name
    )
    for cluster in clusters:
        home.setdefault(cluster.id, cluster.name)
        for rel in sorted(projection.relationships.values(), key=lambda r: r.key):
            if rel.target == cluster.id and rel.kind in CLUSTER_TIES:
                home.setdefault(rel.source, cluster.name)
    found: dict[str, list[str]] = defaultdict(list)
    for node in projection.entities:
        found[home.get(node, NO_CLUSTER)].append(node)
    return {label: sorted(nodes) for label, nodes in found.items()}


def positions(projection: Projection, options: DrawOptions) -> tuple[dict[str, Point], dict[str, Point]]:
    """(position of each entity, centre of each group) in data units; groups are discs of
    radius about ``sqrt(size)``."""
    graph = nx.Graph(projection.graph)
    groups = groups_of(projection, options)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    local = {label: _layout_part(graph.subgraph(nodes), options) for label, nodes in ordered}
    radii = {label: 0.6 + math.sqrt(len(nodes)) for label, nodes in ordered}
    centres = _pack(ordered, radii)
    placed: dict[str, Point] = {}
    for label, nodes in ordered:
        cx, cy = centres[label]
        scale = radii[label] * (0.85 if len(nodes) > 1 else 0.0)
        for node in nodes:
            x, y = local[label][node]
            placed[node] = (cx + x * scale, cy + y * scale)
    return placed, centres


def _layout_part(part: nx.Graph, options: DrawOptions) -> dict[str, Point]:
    """Positions within the unit disc, centred on 0."""
    nodes = sorted(part.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)  # a fixed node order: the same input, the same layout
    ordered.add_edges_from(sorted(tuple(sorted(edge)) for edge in part.edges))
    if options.layout == "graphviz":
        raw = _graphviz(ordered)
    elif options.layout == "kamada-kawai" and len(nodes) <= KAMADA_KAWAI_LIMIT and nx.is_connected(ordered):
        raw = nx.kamada_kawai_layout(ordered)
    elif len(nodes) > IGRAPH_FROM:
        raw = _igraph_layout(ordered, options.seed)
    else:
        n = len(nodes)
        raw = nx.spring_layout(
            ordered, seed=options.seed, k=1.6 / math.sqrt(n), iterations=100 if n <= 1000 else 50
        )
    xs = [float(p[0]) for p in raw.values()]
    ys = [float(p[1]) for p in raw.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    reach = max((math.hypot(float(p[0]) - cx, float(p[1]) - cy) for p in raw.values()), default=1.0) or 1.0
    return {node: ((float(p[0]) - cx) / reach, (float(p[1]) - cy) / reach) for node, p in raw.items()}


def _igraph_layout(part: nx.Graph, seed: int) -> dict[str, Point]:
    """Fruchterman-Reingold in igraph's C code, started from seeded positions: the same layout
    family as networkx's spring layout, some fifty times faster on thousands of nodes."""
    import random

    import igraph

    nodes = list(part.nodes)
    index = {node: number for number, node in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in part.edges])
    rng = random.Random(seed)  # noqa: S311 - layout start, not a secret
    spread = math.sqrt(len(nodes)) * 2  # spread out, so igraph's grid cuts the work from n² to about n
    start = [[rng.uniform(-spread, spread), rng.uniform(-spread, spread)] for _ in nodes]
    igraph.set_random_number_generator(rng)  # its own random moves, seeded too
    try:
        layout = graph.layout_fruchterman_reingold(seed=start, niter=300, grid="grid")
    finally:
        igraph.set_random_number_generator(random)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, layout.coords, strict=True)}


def _pack(ordered: list[tuple[str, list[str]]], radii: dict[str, float]) -> dict[str, Point]:
    """Discs in rows (largest first), the rows about as wide as the whole is tall."""
    total_area = sum((2 * r) ** 2 for r in radii.values())
    row_width = max(math.sqrt(total_area) * 1.3, max(2 * r for r in radii.values()))
    centres: dict[str, Point] = {}
    x = y = 0.0
    row_height = 0.0
    for label, _ in ordered:
        diameter = 2 * radii[label]
        if x > 0 and x + diameter > row_width:
            x, y = 0.0, y - row_height - 0.5
            row_height = 0.0
        centres[label] = (x + radii[label], y - radii[label])
        x += diameter + 0.5
        row_height = max(row_height, diameter)
    return centres


def _graphviz(part: nx.Graph) -> dict[str, Point]:
    """sfdp's layout, read from its plain output; Graphviz is optional, so say so when absent."""
    sfdp = shutil.which("sfdp")
    if sfdp is None:
        raise BadInputError([Problem("--layout", "", "graphviz needs Graphviz's sfdp on the PATH")])
    index = {node: f"n{number}" for number, node in enumerate(part.nodes)}
    lines = ["graph G {", *(f"{name};" for name in index.values())]
    lines += [f"{index[a]} -- {index[b]};" for a, b in part.edges]
    lines.append("}")
    done = subprocess.run(  # noqa: S603 - fixed program, our own DOT text on stdin
        [sfdp, "-Tplain"], input="\n".join(lines), capture_output=True, text=True, timeout=300, check=True
    )
    back = {name: node for node, name in index.items()}
    found: dict[str, Point] = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            found[back[parts[1]]] = (float(parts[2]), float(parts[3]))
    return found
