"""The map as a Vega-Lite specification built from plain dictionaries.

Not Altair: Altair copies and walks every value of a chart when it serialises it, which for the
world's boundaries costs half a second on every rerun; these dictionaries cost nothing, and the
boundaries are read once (:func:`ui.components.geo.boundaries` is cached).

The stakeholders' layer has a point selection named ``pick`` (click a stakeholder), which
``st.vega_lite_chart(..., on_select="rerun")`` reports back to the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from ui.components.geo import boundaries

LAND = {"type": "geoshape", "fill": "#eef0f3", "stroke": "#9aa3ad", "strokeWidth": 0.6}


def map_spec(
    geo: Literal["korea", "world"],
    projection: Mapping[str, Any],
    points: Sequence[Mapping[str, Any]],
    lines: Sequence[Mapping[str, Any]],
    colours: Mapping[str, str],
    height: int,
    size: str = "ties",
    tooltip: Sequence[str] = ("name", "kind", "where", "placed by", "ties"),
) -> dict[str, Any]:
    """Land, then the ties as lines (clipped to the map), then the stakeholders as circles
    coloured by kind and sized by their field ``size`` (their number of ties; on a large graph,
    how many stakeholders a mark stands for), with the fields ``tooltip`` on hover."""
    layers: list[dict[str, Any]] = [{"data": {"values": boundaries(geo)["features"]}, "mark": LAND}]
    if lines:
        layers.append(
            {
                "data": {"values": list(lines)},
                "mark": {
                    "type": "rule",
                    "opacity": 0.35,
                    "strokeWidth": 0.8,
                    "clip": True,
                    "color": "#6b7785",
                },
                "encoding": {
                    "longitude": {"field": "lon", "type": "quantitative"},
                    "latitude": {"field": "lat", "type": "quantitative"},
                    "longitude2": {"field": "lon2"},
                    "latitude2": {"field": "lat2"},
                },
            }
        )
    layers.append(
        {
            "data": {"values": list(points)},
            "params": [{"name": "pick", "select": {"type": "point", "fields": ["id"], "on": "click"}}],
            "mark": {
                "type": "circle",
                "stroke": "white",
                "strokeWidth": 0.6,
                "opacity": 0.9,
                "cursor": "pointer",
            },
            "encoding": {
                "longitude": {"field": "lon", "type": "quantitative"},
                "latitude": {"field": "lat", "type": "quantitative"},
                "color": {
                    "field": "kind",
                    "type": "nominal",
                    "scale": {"domain": list(colours), "range": list(colours.values())},
                    "legend": {"orient": "bottom", "columns": 5, "title": None},
                },
                "size": {
                    "field": size,
                    "type": "quantitative",
                    "scale": {"range": [30, 400]},
                    "legend": None,
                },
                "tooltip": [
                    {"field": name, "type": "quantitative" if name == size else "nominal"} for name in tooltip
                ],
            },
        }
    )
    return {"height": height, "projection": dict(projection), "layer": layers}
