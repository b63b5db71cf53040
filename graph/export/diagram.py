"""Network diagrams for reports: PNG, SVG and PDF drawn with matplotlib.

Readable at 10 and at 300 stakeholders: colours by kind from the Okabe-Ito palette plus a
marker shape per kind, ties coloured and dashed by kind and drawn under the nodes, node size by
a chosen metric, labels that do not collide (see :mod:`graph.export.labels`), a legend of the
kinds and tie types shown, a title, and a footer with the date, store, view and sources. The
layout is seeded and the files carry no creation time, so the same view gives the same file.

>>> write_diagram(view, Path("korea.png"), "png", DrawOptions(group="community"))  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import math
import re
import textwrap
from collections import defaultdict
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, cast

import matplotlib as mpl
import networkx as nx
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch

from graph.analysis.projection import Projection
from graph.export.base import ExportView, ProgressFn, no_progress
from graph.export.fonts import FONT_FAMILY, register_fonts
from graph.export.labels import LabelItem, place_labels
from graph.export.layout import NO_CLUSTER, Point, groups_of, positions
from graph.export.options import DrawOptions
from graph.export.palette import KIND_COLOURS, KIND_MARKERS, RELATIONSHIP_STYLES
from graph.model import Entity, EntityKind, RelationshipKind

ARROWS_UP_TO = 80
"""Stakeholders up to which each tie is drawn as its own arrow (curved apart when parallel);
past it, ties of a kind are one line collection, which draws thousands in a blink."""
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_RC: dict[str, Any] = {
    "font.family": FONT_FAMILY,
    "svg.hashsalt": "consortium-kg",  # stable ids inside the SVG
    "svg.fonttype": "path",  # glyphs as outlines: Hangul shows without the font installed
    "pdf.fonttype": 42,  # TrueType embedded: text stays searchable and copyable
    "axes.unicode_minus": False,
}
_NO_DATES = {"svg": {"Date": None}, "pdf": {"CreationDate": None, "ModDate": None}, "png": {}}


def write_diagram(
    view: ExportView, path: Path, fmt: str, options: DrawOptions, progress: ProgressFn = no_progress
) -> None:
    """Draw ``view`` and save it as ``fmt`` (png, svg or pdf) to ``path``."""
    register_fonts()
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # PDF font subsetting chatter
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # DejaVu has no semibold
    with drawing_style():
        figure = render(view, options, progress)
        progress("saving", 0, 1)
        figure.savefig(path, format=fmt, dpi=options.dpi, metadata=_NO_DATES[fmt])
        progress("saving", 1, 1)


def drawing_style() -> AbstractContextManager[None]:
    """Our fonts and file settings for the duration of a drawing, leaving matplotlib's globals alone."""
    register_fonts()
    return cast(AbstractContextManager[None], mpl.rc_context(cast(Any, _RC)))


def figure_size(n: int) -> tuple[float, float]:
    """Inches: 12 x 8.6 for a handful of stakeholders, growing with the square root of their number."""
    width = min(30.0, 11.0 + 0.5 * math.sqrt(max(n, 1)))
    return width, width * 0.72


def node_areas(projection: Projection, options: DrawOptions) -> dict[str, float]:
    """Marker areas (points²) by the chosen metric, square-root scaled; smaller as the view grows."""
    n = len(projection.entities)
    largest = max(70.0, 1600.0 / math.sqrt(max(n, 10) / 10))
    smallest = largest / 7
    values = metric_values(projection, options)
    top = max(values.values(), default=0.0) or 1.0
    return {
        node: smallest + (largest - smallest) * math.sqrt(values[node] / top) for node in projection.entities
    }


def metric_values(projection: Projection, options: DrawOptions) -> dict[str, float]:
    graph = nx.Graph(projection.graph)
    n = graph.number_of_nodes()
    if options.size_by == "none" or graph.number_of_edges() == 0:
        return {node: 1.0 for node in graph}
    if options.size_by == "degree":
        return {node: float(degree) for node, degree in graph.degree}
    if options.size_by == "pagerank":
        return {node: float(value) for node, value in nx.pagerank(graph).items()}
    if options.size_by == "closeness":
        return {node: float(value) for node, value in nx.closeness_centrality(graph).items()}
    sample = min(200, n) if n > 1000 else None
    return {
        node: float(value)
        for node, value in nx.betweenness_centrality(graph, k=sample, seed=options.seed).items()
    }


def label_text(entity: Entity, options: DrawOptions, width: int = 24) -> str:
    """The name, the first Korean alias, or both; a long name wraps once, then ends in an ellipsis.

    >>> e = Entity(id="ionq", kind=EntityKind.COMPANY, name="IonQ", aliases=["아이온큐"])
    >>> label_text(e, DrawOptions(names="both"))
    'IonQ\\n아이온큐'
    """
    korean = next((alias for alias in entity.aliases if HANGUL.search(alias)), None)
    if HANGUL.search(entity.name):
        korean = korean or entity.name
    parts: dict[str, list[str | None]] = {
        "name": [entity.name],
        "korean": [korean or entity.name],
        "both": [entity.name, korean],
    }
    lines = [part for part in dict.fromkeys(parts[options.names]) if part]
    wrapped = [textwrap.shorten(line, width * 2, placeholder="…") for line in lines]
    return "\n".join(textwrap.fill(line, width, max_lines=2, placeholder="…") for line in wrapped)


def render(view: ExportView, options: DrawOptions, progress: ProgressFn = no_progress) -> Figure:
    """The figure of ``view`` (call within :data:`_RC`, as :func:`write_diagram` does)."""
    projection = view.projection
    n = len(projection.entities)
    progress("layout", 0, 1)
    placed, centres = positions(projection, options)
    progress("layout", 1, 1)
    figure = Figure(figsize=figure_size(n))
    canvas = FigureCanvasAgg(figure)
    ax = figure.add_axes((0.02, 0.09, 0.76, 0.80))
    ax.set_axis_off()
    _set_limits(ax, [*placed.values(), *_group_extents(projection, options, centres)], figure)
    areas = node_areas(projection, options)
    if options.group != "none":
        _draw_groups(ax, projection, options, centres)
    progress("ties", 0, 1)
    _draw_ties(ax, projection, placed, areas)
    progress("ties", 1, 1)
    _draw_nodes(ax, projection, placed, areas)
    progress("labels", 0, 1)
    ordered = sorted(projection.entities, key=lambda node: (-areas[node], node))
    items = [
        LabelItem(
            node, label_text(projection.entities[node], options), *placed[node], math.sqrt(areas[node]) / 2
        )
        for node in ordered
    ]
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    place_labels(ax, renderer, items, options.labels, 9.0 if n <= 60 else 7.0)
    progress("labels", 1, 1)
    _legends(ax, projection, options)
    _titles(figure, view, options)
    return figure


def _group_extents(projection: Projection, options: DrawOptions, centres: dict[str, Point]) -> list[Point]:
    """Corners of the group discs, so a disc is never cut off at the edge."""
    corners: list[Point] = []
    for label, nodes in _drawn_groups(projection, options):
        cx, cy = centres[label]
        radius = 0.6 + math.sqrt(len(nodes))
        corners += [(cx - radius, cy - radius - 0.6), (cx + radius, cy + radius)]  # room for its name below
    return corners


def _drawn_groups(projection: Projection, options: DrawOptions) -> list[tuple[str, list[str]]]:
    if options.group == "none":
        return []
    return [
        (label, nodes)
        for label, nodes in groups_of(projection, options).items()
        if len(nodes) > 1 and label != NO_CLUSTER
    ]


def _set_limits(ax: Axes, points: list[Point], figure: Figure) -> None:
    """Data limits with a margin, stretched to the axes' shape so one unit is as long both ways."""
    xs = [p[0] for p in points] or [0.0]
    ys = [p[1] for p in points] or [0.0]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    span = max(x1 - x0, y1 - y0, 1.0)
    x0, x1, y0, y1 = x0 - 0.08 * span, x1 + 0.08 * span, y0 - 0.08 * span, y1 + 0.08 * span
    box = ax.get_position()
    width, height = figure.get_size_inches()
    shape = (box.width * width) / (box.height * height)
    if (x1 - x0) / (y1 - y0) < shape:
        extra = (y1 - y0) * shape - (x1 - x0)
        x0, x1 = x0 - extra / 2, x1 + extra / 2
    else:
        extra = (x1 - x0) / shape - (y1 - y0)
        y0, y1 = y0 - extra / 2, y1 + extra / 2
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def _draw_groups(ax: Axes, projection: Projection, options: DrawOptions, centres: dict[str, Point]) -> None:
    for label, nodes in _drawn_groups(projection, options):
        cx, cy = centres[label]
        radius = 0.6 + math.sqrt(len(nodes))
        ax.add_patch(Circle((cx, cy), radius * 0.98, facecolor="#F2F2F2", edgecolor="#CCCCCC", zorder=0))
        ax.text(cx, cy - radius, label, ha="center", va="top", fontsize=9, color="#555555", zorder=0)


def _draw_ties(ax: Axes, projection: Projection, placed: dict[str, Point], areas: dict[str, float]) -> None:
    n = len(projection.entities)
    if n <= ARROWS_UP_TO:
        seen: dict[frozenset[str], int] = defaultdict(int)
        for key in sorted(projection.relationships):
            rel = projection.relationships[key]
            colour, style = RELATIONSHIP_STYLES[rel.kind]
            pair = frozenset((rel.source, rel.target))
            bend = 0.12 * seen[pair] * (1 if seen[pair] % 2 else -1)
            seen[pair] += 1
            ax.add_patch(
                FancyArrowPatch(
                    placed[rel.source],
                    placed[rel.target],
                    arrowstyle="-" if rel.kind.symmetric else "-|>",
                    mutation_scale=11,
                    connectionstyle=f"arc3,rad={bend}",
                    color=colour,
                    linestyle=style,
                    linewidth=1.5,
                    alpha=0.9,
                    zorder=1,
                    shrinkA=math.sqrt(areas[rel.source]) / 2 + 1,
                    shrinkB=math.sqrt(areas[rel.target]) / 2 + 1,
                )
            )
        return
    by_kind: dict[RelationshipKind, list[tuple[Point, Point]]] = defaultdict(list)
    for rel in projection.relationships.values():
        by_kind[rel.kind].append((placed[rel.source], placed[rel.target]))
    width, alpha = (0.8, 0.55) if n <= 600 else (0.35, 0.35)
    for kind in RelationshipKind:
        if by_kind[kind]:
            colour, style = RELATIONSHIP_STYLES[kind]
            ax.add_collection(
                LineCollection(
                    by_kind[kind], colors=colour, linestyles=style, linewidths=width, alpha=alpha, zorder=1
                )
            )


def _draw_nodes(ax: Axes, projection: Projection, placed: dict[str, Point], areas: dict[str, float]) -> None:
    by_kind: dict[EntityKind, list[str]] = defaultdict(list)
    for node, entity in projection.entities.items():
        by_kind[entity.kind].append(node)
    edge_width = 0.8 if len(projection.entities) <= 300 else 0.3
    for kind in EntityKind:
        nodes = by_kind[kind]
        if nodes:
            ax.scatter(
                [placed[node][0] for node in nodes],
                [placed[node][1] for node in nodes],
                s=[areas[node] for node in nodes],
                c=KIND_COLOURS[kind],
                marker=KIND_MARKERS[kind],
                edgecolors="white",
                linewidths=edge_width,
                zorder=2,
            )


def _legends(ax: Axes, projection: Projection, options: DrawOptions) -> None:
    kinds = [kind for kind in EntityKind if any(e.kind is kind for e in projection.entities.values())]
    ties = [
        kind for kind in RelationshipKind if any(r.kind is kind for r in projection.relationships.values())
    ]
    kind_handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=KIND_MARKERS[kind],
            markersize=9,
            markerfacecolor=KIND_COLOURS[kind],
            markeredgecolor="white",
            label=kind.value,
        )
        for kind in kinds
    ]
    tie_handles = [
        Line2D(
            [],
            [],
            color=RELATIONSHIP_STYLES[kind][0],
            linestyle=cast(Any, RELATIONSHIP_STYLES[kind][1]),
            linewidth=2,
            label=kind.value + (" (two-way)" if kind.symmetric else ""),
        )
        for kind in ties
    ]
    size_note = "node size: equal" if options.size_by == "none" else f"node size: {options.size_by}"
    first = ax.legend(
        handles=kind_handles,
        title="Kinds",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=9,
        title_fontsize=10,
        alignment="left",
    )
    ax.add_artist(first)
    if tie_handles:
        ax.legend(
            handles=tie_handles,
            title=f"Ties ({size_note})",
            loc="upper left",
            bbox_to_anchor=(1.01, 0.52),
            frameon=False,
            fontsize=9,
            title_fontsize=10,
            alignment="left",
        )


def _titles(figure: Figure, view: ExportView, options: DrawOptions) -> None:
    provenance = view.provenance
    title = options.title or f"Consortium network: {provenance.description}"
    figure.text(0.02, 0.965, textwrap.shorten(title, 140), fontsize=17, fontweight="semibold", va="top")
    figure.text(
        0.02,
        0.915,
        f"{provenance.entities} stakeholders, {provenance.relationships} ties, each backed by cited sources",
        fontsize=10,
        color="#444444",
        va="top",
    )
    made = provenance.made_at.date().isoformat()
    as_of = provenance.view.get("as_of")
    when = f"Made {made}" + (f", showing the graph as of {as_of}" if as_of else "")
    footer = f"{when} · view: {provenance.description} · data: {provenance.store} · {provenance.tool}"
    width = int(figure.get_size_inches()[0] * 14)
    lines = [*textwrap.wrap(footer, width)[:2], *textwrap.wrap(provenance.sources_line(), width)[:2]]
    figure.text(0.02, 0.015, "\n".join(lines), fontsize=8, color="#444444", va="bottom", linespacing=1.4)
