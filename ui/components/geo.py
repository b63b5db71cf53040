"""Where stakeholders are, for the map: their own coordinates when the data gives them, else the
centre of their Korean region, else the centre of their country, so that a dataset without a
single coordinate (the seed, for one) still shows where its stakeholders sit. Each point says
how it was placed, and the boundaries come from files shipped in ``geodata/``."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

from graph.model import Entity, normalise_name

GEODATA = Path(__file__).parent / "geodata"
KOREA = (123.5, 32.8, 132.2, 39.6)
"""The map of Korea's frame: lon min, lat min, lon max, lat max."""
KOREA_FRAME = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {},
            "geometry": {"type": "MultiPoint", "coordinates": [[KOREA[0], KOREA[1]], [KOREA[2], KOREA[3]]]},
        }
    ],
}
"""The frame's corners as points, for the map to fit: a polygon's winding would decide which side
d3 thinks is inside."""
Placed = Literal["coordinates", "region", "country"]


@cache
def boundaries(name: Literal["korea", "world"]) -> dict[str, Any]:
    """The GeoJSON of ``korea`` (1:50m, the peninsula) or ``world`` (1:110m)."""
    document: dict[str, Any] = json.loads((GEODATA / f"{name}.geojson").read_text(encoding="utf-8"))
    return document


@cache
def _places() -> tuple[dict[str, dict[str, tuple[float, float]]], dict[str, tuple[float, float]]]:
    data = json.loads((GEODATA / "places.json").read_text(encoding="utf-8"))
    regions: dict[str, dict[str, tuple[float, float]]] = {}
    for country, table in data["regions"].items():
        regions[country] = {}
        for region, place in table.items():
            for name in (region, *place.get("names", [])):
                regions[country][normalise_name(name)] = (place["lat"], place["lon"])
    countries = {code: (place["lat"], place["lon"]) for code, place in data["countries"].items()}
    return regions, countries


def inside_korea(point: Mapping[str, Any]) -> bool:
    """Whether a map point (``lat``, ``lon``) falls in the map of Korea's frame."""
    return bool(KOREA[0] <= point["lon"] <= KOREA[2] and KOREA[1] <= point["lat"] <= KOREA[3])


def locate(entity: Entity) -> tuple[float, float, Placed] | None:
    """(lat, lon, how it was placed) for ``entity``, or None when nothing places it."""
    return locate_place(entity.country, entity.region, entity.lat, entity.lon)


def locate_place(
    country: str | None, region: str | None, lat: float | None, lon: float | None
) -> tuple[float, float, Placed] | None:
    """(lat, lon, how it was placed) for a place given as a stakeholder gives it, or None."""
    if lat is not None and lon is not None:
        return lat, lon, "coordinates"
    regions, countries = _places()
    if region and country:
        spot = regions.get(country, {}).get(normalise_name(region))
        if spot:
            return spot[0], spot[1], "region"
    if country and country in countries:
        return countries[country][0], countries[country][1], "country"
    return None


def spread(lat: float, lon: float, index: int, step: float) -> tuple[float, float]:
    """The ``index``-th point of a sunflower spiral around (lat, lon): stakeholders placed at
    the same centre are fanned out instead of hiding one another."""
    if index == 0:
        return lat, lon
    angle = index * math.pi * (3 - math.sqrt(5))
    radius = step * math.sqrt(index)
    return lat + radius * math.sin(angle), lon + radius * math.cos(angle) / max(
        math.cos(math.radians(lat)), 0.2
    )
