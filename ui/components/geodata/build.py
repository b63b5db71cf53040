"""Rebuild the map's boundary files from their published sources. Run by a developer, never by
the app: the outputs are committed beside this file.

    npm pack world-atlas@2.0.2 i18n-iso-countries@7.14.0   # then unpack both
    python -m ui.components.geodata.build WORLD_ATLAS_DIR I18N_ISO_COUNTRIES_DIR

Writes ``world.geojson`` (countries at 1:110m), ``korea.geojson`` (countries at 1:50m, clipped to
the Korean peninsula) and the country centres in ``places.json`` (keyed by ISO alpha-2).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
KOREA_BOX = (123.5, 32.8, 132.2, 39.6)
"""lon min, lat min, lon max, lat max: Jeju to the DMZ's north, the Yellow Sea to Dokdo."""

Ring = list[tuple[float, float]]


def decode(topology: dict[str, Any], layer: str) -> list[dict[str, Any]]:
    """The features of a TopoJSON ``layer`` as GeoJSON features (arcs delta-decoded)."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)

    def ring(indexes: list[int]) -> Ring:
        points: Ring = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    features = []
    for geometry in topology["objects"][layer]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [[ring(r) for r in geometry["arcs"]]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = [[ring(r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geometry.get("id"),
                "properties": {"name": geometry.get("properties", {}).get("name")},
                "polygons": polygons,
            }
        )
    return features


def clip(points: Ring, box: tuple[float, float, float, float]) -> Ring:
    """Sutherland-Hodgman: the part of a ring inside an axis-aligned box."""
    west, south, east, north = box
    for axis, bound, above in ((0, west, True), (0, east, False), (1, south, True), (1, north, False)):
        points = _clip_edge(points, axis, bound, above)
    return points


def _clip_edge(points: Ring, axis: int, bound: float, above: bool) -> Ring:
    def inside(point: tuple[float, float]) -> bool:
        return point[axis] >= bound if above else point[axis] <= bound

    def cross(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
        t = (bound - a[axis]) / (b[axis] - a[axis])
        return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)

    result: Ring = []
    previous = points[-1] if points else (0.0, 0.0)
    for point in points:
        if inside(point):
            if not inside(previous):
                result.append(cross(previous, point))
            result.append(point)
        elif inside(previous):
            result.append(cross(previous, point))
        previous = point
    return result


def to_geojson(features: list[dict[str, Any]], digits: int) -> dict[str, Any]:
    out = []
    for feature in features:
        polygons = [
            [[[round(x, digits), round(y, digits)] for x, y in r] for r in polygon if len(r) >= 4]
            for polygon in feature["polygons"]
        ]
        polygons = [polygon for polygon in polygons if polygon]
        if polygons:
            out.append(
                {
                    "type": "Feature",
                    "id": feature["id"],
                    "properties": feature["properties"],
                    "geometry": {"type": "MultiPolygon", "coordinates": polygons},
                }
            )
    return {"type": "FeatureCollection", "features": out}


def centre(feature: dict[str, Any]) -> tuple[float, float]:
    """The area-weighted centroid of a country's largest polygon (its mainland), as (lat, lon)."""
    best, best_area, best_point = None, 0.0, (0.0, 0.0)
    for polygon in feature["polygons"]:
        outer = polygon[0]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(outer, outer[1:] + outer[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area and abs(area) > best_area:
            best, best_area, best_point = polygon, abs(area), (cy / (3 * area), cx / (3 * area))
    if best is None:
        xs = [x for polygon in feature["polygons"] for x, _ in polygon[0]]
        ys = [y for polygon in feature["polygons"] for _, y in polygon[0]]
        return (sum(ys) / len(ys), sum(xs) / len(xs))
    return best_point


def main(atlas: Path, codes_dir: Path) -> None:
    world = decode(json.loads((atlas / "countries-110m.json").read_text()), "countries")
    detailed = decode(json.loads((atlas / "countries-50m.json").read_text()), "countries")
    (HERE / "world.geojson").write_text(json.dumps(to_geojson(world, 2), separators=(",", ":")))
    near = []
    for feature in detailed:
        polygons = [[clip(r, KOREA_BOX) for r in polygon] for polygon in feature["polygons"]]
        polygons = [polygon for polygon in polygons if polygon and len(polygon[0]) >= 4]
        if polygons:
            near.append({**feature, "polygons": polygons})
    (HERE / "korea.geojson").write_text(json.dumps(to_geojson(near, 3), separators=(",", ":")))
    numeric_to_alpha2 = {row[2]: row[0] for row in json.loads((codes_dir / "codes.json").read_text())}
    countries = {}
    for feature in detailed:
        alpha2 = numeric_to_alpha2.get(str(feature["id"]))
        if alpha2:
            lat, lon = centre(feature)
            countries[alpha2] = {
                "name": feature["properties"]["name"],
                "lat": round(lat, 3),
                "lon": round(lon, 3),
            }
    places = json.loads((HERE / "places.json").read_text()) if (HERE / "places.json").exists() else {}
    places["countries"] = dict(sorted(countries.items()))
    (HERE / "places.json").write_text(json.dumps(places, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
