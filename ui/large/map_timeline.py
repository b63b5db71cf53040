"""The Map and timeline page on a large graph: the stakeholders counted by kind and place, and
the ties counted by month, kind and status, both by the store (:meth:`GraphStore.place_counts`,
:meth:`GraphStore.tie_months`), never the whole graph. A mark on the map stands for every
stakeholder of a kind at one place (a 0.1-degree cell for those with coordinates, else their
region's or country's centre). Ties are not drawn between places: past a few thousand, lines
hide the map; the Network page draws a bounded part of the graph. URL parameters are those of
the page on a small graph (``kinds``, ``ties``, ``status``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from graph.model import EntityKind, RelationshipKind, RelationshipStatus
from graph.store.base import PlaceCount, TieMonth
from ui.components.downloads import csv_download
from ui.components.filters import parse_members
from ui.components.geo import KOREA_FRAME, inside_korea, locate_place, spread
from ui.components.graph_view import KIND_COLOURS
from ui.components.guard import EMPTY
from ui.components.map_chart import map_spec
from ui.components.state import seed, write_url
from ui.components.timeline import dated_caption, per_year_chart
from ui.session import place_counts, stats, tie_months

TOOLTIP = ("name", "kind", "where", "placed by", "stakeholders")


def place_marks(counts: Iterable[PlaceCount], kinds: set[str]) -> tuple[list[dict[str, Any]], int]:
    """One mark per kind and place, from the store's counts, and how many stakeholders nothing
    places. Marks of several kinds at one centre fan out around it."""
    at: dict[tuple[float, float, str, str, str], int] = defaultdict(int)
    unplaced = 0
    for row in counts:
        if kinds and row.kind.value not in kinds:
            continue
        centre = (
            ((row.cell_lat + 0.5) / 10, (row.cell_lon + 0.5) / 10)
            if row.cell_lat is not None and row.cell_lon is not None
            else (None, None)
        )
        spot = locate_place(row.country, row.region, *centre)
        if spot is None:
            unplaced += row.entities
            continue
        lat, lon, placed = spot
        where = ", ".join(part for part in (row.region, row.country) if part) or f"{lat:.1f}, {lon:.1f}"
        at[(lat, lon, placed, row.kind.value, where)] += row.entities
    marks: list[dict[str, Any]] = []
    crowd: dict[tuple[float, float], int] = defaultdict(int)
    for (lat, lon, how, kind, where), number in sorted(at.items()):
        index = crowd[(lat, lon)]
        crowd[(lat, lon)] += 1
        shown_lat, shown_lon = spread(lat, lon, index, 0.12 if how != "coordinates" else 0.03)
        marks.append(
            {
                "id": f"{kind}@{where}",
                "name": f"{number:,} {kind}",
                "kind": kind,
                "where": where,
                "placed by": how,
                "stakeholders": number,
                "lat": round(shown_lat, 4),
                "lon": round(shown_lon, 4),
            }
        )
    return marks, unplaced


def month_frame(months: Iterable[TieMonth], kinds: set[str], statuses: set[str]) -> tuple[pd.DataFrame, int]:
    """The dated ties counted by month and kind (under the chosen kinds and statuses), and how
    many chosen ties have no date."""
    rows: dict[tuple[str, str], int] = defaultdict(int)
    undated = 0
    for row in months:
        if (kinds and row.kind.value not in kinds) or (statuses and row.status.value not in statuses):
            continue
        if row.month is None:
            undated += row.ties
        else:
            rows[(row.month, row.kind.value)] += row.ties
    frame = pd.DataFrame(
        [{"month": month, "kind": kind, "ties": ties} for (month, kind), ties in sorted(rows.items())],
        columns=["month", "kind", "ties"],
    )
    return frame, undated


def render() -> None:
    counts = stats()
    if not counts.entities.total:
        st.info(EMPTY)
        st.stop()
    seed("map_kinds", "kinds", parse_members(EntityKind), list[str]())
    seed("map_ties", "ties", parse_members(RelationshipKind), list[str]())
    seed("map_status", "status", parse_members(RelationshipStatus), list[str]())
    with st.expander("Filters", icon=":material/filter_list:"):
        left, middle, right = st.columns(3)
        kinds = left.multiselect(
            "Kinds of stakeholder", [k.value for k in EntityKind], key="map_kinds", placeholder="all"
        )
        ties = middle.multiselect(
            "Kinds of tie", [k.value for k in RelationshipKind], key="map_ties", placeholder="all"
        )
        status = right.multiselect(
            "Status of ties", [s.value for s in RelationshipStatus], key="map_status", placeholder="all"
        )
    write_url({"kinds": kinds, "ties": ties, "status": status})
    st.info(
        f"This graph holds {counts.entities.total:,} stakeholders and {counts.relationships.total:,} "
        "ties: the map shows how many of each kind are at each place, and the timeline how many "
        "ties began each month, both counted by the store. The kinds of stakeholder narrow the "
        "map, the kinds and status of tie the timeline; sectors, clusters and dates narrow the "
        "Network page. Ties are not drawn between places; the Network page draws them for a part "
        "of the graph.",
        icon=":material/info:",
    )

    map_tab, timeline_tab = st.tabs(["Map", "Timeline"])
    with map_tab:
        marks, unplaced = place_marks(place_counts(), set(kinds))
        in_korea = [m for m in marks if inside_korea(m)]
        korea_col, world_col = st.columns([3, 2])
        with korea_col:
            st.markdown(f"**Korea**: {sum(m['stakeholders'] for m in in_korea):,} stakeholders")
            korea = map_spec(
                "korea", {"type": "mercator", "fit": KOREA_FRAME}, in_korea, [], KIND_COLOURS, 560,
                size="stakeholders", tooltip=TOOLTIP,
            )  # fmt: skip
            st.vega_lite_chart(korea, key="map_korea", width="stretch")
        with world_col:
            abroad = sum(m["stakeholders"] for m in marks) - sum(m["stakeholders"] for m in in_korea)
            st.markdown(f"**The world**: {abroad:,} outside Korea")
            world = map_spec(
                "world",
                {"type": "equalEarth"},
                marks,
                [],
                KIND_COLOURS,
                340,
                size="stakeholders",
                tooltip=TOOLTIP,
            )
            st.vega_lite_chart(world, key="map_world", width="stretch")
        if unplaced:
            st.caption(
                f"{unplaced:,} stakeholder{'s' if unplaced != 1 else ''} with no coordinates, region or "
                f"country {'are' if unplaced != 1 else 'is'} not on the map."
            )
        table = pd.DataFrame(marks, columns=["kind", "where", "placed by", "stakeholders", "lat", "lon"])
        csv_download("Download the places (CSV)", table, "places.csv")

    with timeline_tab:
        frame, undated = month_frame(tie_months(), set(ties), set(status))
        if frame.empty:
            st.info("No tie of this view has a date (its own, or its first source's).")
            return
        per_year = (
            frame.assign(year=frame["month"].str[:4]).groupby(["year", "kind"])["ties"].sum().reset_index()
        )
        st.altair_chart(per_year_chart(per_year, height=260), width="stretch")
        per_month = frame.groupby("month")["ties"].sum().reset_index()
        st.altair_chart(
            alt.Chart(per_month.assign(month=pd.to_datetime(per_month["month"])))
            .mark_line(point=True)
            .encode(x=alt.X("month:T", title="month"), y="ties:Q", tooltip=["month:T", "ties:Q"])
            .properties(height=200),
            width="stretch",
        )
        st.caption(dated_caption(int(frame["ties"].sum()), undated))
        csv_download("Download the counts by month (CSV)", frame, "timeline.csv")
