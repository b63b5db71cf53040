"""The Map and timeline page on a large graph, on both stores: stakeholders counted by place and
ties by month by the store, with the totals the page shows on a small graph (see
test_app_map.py), filters from a link, and the whole graph never read."""

from __future__ import annotations

import json

from graph.model import EntityKind, RelationshipKind, RelationshipStatus
from graph.store.base import PlaceCount, TieMonth
from tests.ui.conftest import OpenPage
from ui.large.map_timeline import month_frame, place_marks


def test_the_seed_counted_on_the_map_and_its_timeline(large: OpenPage) -> None:
    app = large("views/map_timeline.py")
    assert "counted by the store" in app.info[0].value
    headings = [block.value for block in app.markdown]
    assert "**Korea**: 16 stakeholders" in headings and "**The world**: 2 outside Korea" in headings
    captions = " ".join(caption.value for caption in app.caption)
    assert (
        "1 stakeholder with no coordinates, region or country is not on the map" in captions
    )  # the consultative body
    assert "29 dated ties" in captions
    charts = app.get("vega_lite_chart")
    assert len(charts) == 4  # Korea, the world, ties per year, ties per month
    korea = json.loads(charts[0].proto.spec)
    marks = korea["layer"][-1]["data"]["values"]
    assert {"name": "3 Company", "where": "KR", "placed by": "country"}.items() <= next(
        mark for mark in marks if mark["kind"] == "Company"
    ).items()
    assert "https://" not in charts[0].proto.spec.replace("https://vega.github.io/schema", "")


def test_filters_come_from_the_link_and_narrow_both_tabs(large: OpenPage) -> None:
    app = large("views/map_timeline.py", kinds="Company", ties="SIGNED_MOU_WITH", status="active")
    assert app.multiselect(key="map_kinds").value == ["Company"]
    assert "**Korea**: 3 stakeholders" in [block.value for block in app.markdown]
    assert "1 dated tie" in " ".join(caption.value for caption in app.caption)
    assert app.query_params["ties"] == "SIGNED_MOU_WITH"


def test_marks_stand_for_every_stakeholder_of_a_kind_at_a_place() -> None:
    company, university = EntityKind.COMPANY, EntityKind.UNIVERSITY
    counts = [
        PlaceCount(company, "KR", None, None, None, 40),
        PlaceCount(company, "KR", "Seoul", None, None, 7),
        PlaceCount(university, "KR", "Seoul", None, None, 2),
        PlaceCount(company, None, None, -379, 1449, 3),  # Melbourne's cell
        PlaceCount(company, None, None, None, None, 5),
    ]
    marks, unplaced = place_marks(counts, set())
    assert unplaced == 5 and sum(mark["stakeholders"] for mark in marks) == 52
    melbourne = next(mark for mark in marks if mark["placed by"] == "coordinates")
    assert abs(melbourne["lat"] + 37.85) < 0.01 and abs(melbourne["lon"] - 144.95) < 0.01
    seoul = [mark for mark in marks if mark["where"] == "Seoul, KR"]
    assert len(seoul) == 2 and len({(mark["lat"], mark["lon"]) for mark in seoul}) == 2  # fanned out
    only, none_placed = place_marks(counts, {"University"})
    assert [mark["name"] for mark in only] == ["2 University"] and none_placed == 0


def test_months_count_the_chosen_ties_and_the_undated_apart() -> None:
    mou, funds = RelationshipKind.SIGNED_MOU_WITH, RelationshipKind.FUNDS
    active, ended = RelationshipStatus.ACTIVE, RelationshipStatus.ENDED
    months = [
        TieMonth(None, mou, active, 4),
        TieMonth("2025-03", mou, active, 2),
        TieMonth("2025-03", mou, ended, 1),
        TieMonth("2026-01", funds, active, 6),
    ]
    frame, undated = month_frame(months, set(), set())
    assert undated == 4 and frame.to_dict("records") == [
        {"month": "2025-03", "kind": "SIGNED_MOU_WITH", "ties": 3},
        {"month": "2026-01", "kind": "FUNDS", "ties": 6},
    ]
    frame, undated = month_frame(months, {"SIGNED_MOU_WITH"}, {"ended"})
    assert undated == 0 and frame.to_dict("records") == [
        {"month": "2025-03", "kind": "SIGNED_MOU_WITH", "ties": 1}
    ]
