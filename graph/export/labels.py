"""Labels that do not collide: placed largest node first, each at the first of four spots around
its node (right, left, above, below) that overlaps no placed label and no other node; in the
default ``auto`` mode a label with no free spot is left out, so a 300-stakeholder diagram shows
the labels that matter and stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.text import Annotation

from graph.export.options import LabelMode

AUTO_CANDIDATES = 600
"""Labels tried in ``auto`` mode at most (largest nodes first): past that, a free spot is rare
and each try costs a text layout."""


@dataclass(frozen=True)
class LabelItem:
    node: str
    text: str
    x: float
    y: float
    radius: float
    """The node marker's radius in points: the label starts just outside it."""


def _spots(radius: float) -> list[tuple[float, float, str, str]]:
    gap = radius + 2.0
    return [(gap, 0.0, "left", "center"), (-gap, 0.0, "right", "center"),
            (0.0, gap, "center", "bottom"), (0.0, -gap, "center", "top")]  # fmt: skip


def place_labels(
    ax: Axes, renderer: RendererBase, items: list[LabelItem], mode: LabelMode, fontsize: float
) -> list[Annotation]:
    """Add the labels of ``items`` (in priority order) to ``ax``; returns those placed.

    The axes limits must be final: positions are measured in display units.
    """
    if mode == "none" or not items:
        return []
    points_to_pixels = float(cast(float, renderer.points_to_pixels(1.0)))
    centres = ax.transData.transform(np.array([(item.x, item.y) for item in items]))
    radii = np.array([item.radius * points_to_pixels for item in items])
    nodes = np.column_stack(
        [centres[:, 0] - radii, centres[:, 1] - radii, centres[:, 0] + radii, centres[:, 1] + radii]
    )
    frame = ax.get_window_extent(renderer)
    placed_boxes = np.empty((0, 4))
    placed: list[Annotation] = []
    candidates = items if mode == "all" else items[:AUTO_CANDIDATES]
    for index, item in enumerate(candidates):
        others = np.delete(nodes, index, axis=0)
        chosen: Annotation | None = None
        for dx, dy, ha, va in _spots(item.radius):
            text = _annotate(ax, item, dx, dy, ha, va, fontsize)
            box = text.get_window_extent(renderer)
            bounds = np.array([box.x0, box.y0, box.x1, box.y1])
            inside = box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1
            if inside and not _overlaps(bounds, placed_boxes) and not _overlaps(bounds, others):
                chosen = text
                break
            text.remove()
        if chosen is None and mode == "all":
            chosen = _annotate(ax, item, *_spots(item.radius)[0], fontsize)
        if chosen is None:
            continue
        box = chosen.get_window_extent(renderer)
        placed_boxes = np.vstack([placed_boxes, [box.x0, box.y0, box.x1, box.y1]])
        placed.append(chosen)
    return placed


def _annotate(
    ax: Axes, item: LabelItem, dx: float, dy: float, ha: str, va: str, fontsize: float
) -> Annotation:
    return ax.annotate(
        item.text, (item.x, item.y), xytext=(dx, dy), textcoords="offset points",
        ha=ha, va=va, fontsize=fontsize, zorder=4, color="#222222",
    )  # fmt: skip


def _overlaps(box: np.ndarray, boxes: np.ndarray) -> bool:
    if len(boxes) == 0:
        return False
    return bool(
        np.any(
            (boxes[:, 0] < box[2]) & (boxes[:, 2] > box[0]) & (boxes[:, 1] < box[3]) & (boxes[:, 3] > box[1])
        )
    )
