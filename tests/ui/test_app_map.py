"""The Map and timeline page on both stores: stakeholders placed on Korea and the world from the
boundary files shipped with the app (no address outside the app in any chart), how each was
placed, and the timeline of ties."""

from __future__ import annotations

import json

from graph.model import Entity, EntityKind
from tests.ui.conftest import OpenPage
from ui.components.geo import boundaries, locate, spread


def test_the_seed_on_the_map_and_its_timeline(seeded: OpenPage) -> None:
    app = seeded("views/map_timeline.py")
    headings = [block.value for block in app.markdown]
    assert "**Korea**: 16 stakeholders" in headings and "**The world**: 2 outside Korea" in headings
    captions = " ".join(caption.value for caption in app.caption)
    assert "18 at their country's centre" in captions
    assert "not on the map: Quantum technology consultative body" in captions  # it has no country
    assert "29 dated ties" in captions
    charts = app.get("vega_lite_chart")
    assert len(charts) == 4  # Korea, the world, the timeline, ties per year
    for chart in charts:
        spec = json.loads(chart.proto.spec)
        spec.pop("$schema", None)  # an identifier of the grammar's version, never fetched
        assert "http" not in json.dumps(spec)  # boundaries are inline: no tile or data server


def test_a_filtered_map_keeps_its_filter_in_the_url(seeded: OpenPage) -> None:
    app = seeded("views/map_timeline.py", kinds="Company", lines="0")
    assert app.toggle(key="map_lines").value is False
    assert "**Korea**: 3 stakeholders" in [block.value for block in app.markdown]
    assert app.query_params["kinds"] == "Company"


def test_places_come_from_coordinates_then_region_then_country() -> None:
    def entity(**fields: object) -> Entity:
        return Entity.model_validate({"id": "x", "kind": EntityKind.COMPANY, "name": "X", **fields})

    assert locate(entity(lat=37.26, lon=127.03, country="KR")) == (37.26, 127.03, "coordinates")
    lat, lon, how = locate(entity(country="KR", region="경기")) or (0, 0, "")
    assert how == "region" and 37 < lat < 37.6 and 126.8 < lon < 127.3  # Gyeonggi, by its Korean name
    lat, lon, how = locate(entity(country="US")) or (0, 0, "")
    assert how == "country" and 30 < lat < 50 and -120 < lon < -80
    assert locate(entity()) is None
    fanned = {spread(36.0, 127.0, index, 0.1) for index in range(20)}
    assert len(fanned) == 20  # stakeholders at one centre do not hide one another


def test_the_boundary_files_hold_korea_and_the_world() -> None:
    korea = {feature["properties"]["name"] for feature in boundaries("korea")["features"]}
    assert {"South Korea", "North Korea"} <= korea
    assert len(boundaries("world")["features"]) > 150
