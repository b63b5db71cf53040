"""Map and timeline: where the stakeholders of a view are (on Korea, and on the world for foreign
partners), their ties drawn between them; and when the ties began, by kind. Boundaries come from
files shipped with the app: no tile server, no network. Click a stakeholder to open it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd
import streamlit as st

from ui.components.downloads import csv_download
from ui.components.filters import view_filter
from ui.components.geo import KOREA_FRAME, inside_korea, locate, spread
from ui.components.graph_view import KIND_COLOURS
from ui.components.guard import whole_graph_or_stop
from ui.components.links import PROFILE, link
from ui.components.map_chart import map_spec
from ui.components.state import seed, write_url
from ui.components.timeline import dated_caption, per_year_chart, timeline_chart, timeline_frame
from ui.large.map_timeline import render as render_from_store
from ui.session import large_graph, projection

MAX_LINES = 1_500  # ties drawn on the map at most; past it the map says so

st.title("Map and timeline")
if large_graph():  # counted by the store: see ui.large.map_timeline
    render_from_store()
    st.stop()
whole = whole_graph_or_stop()

view, url = view_filter(whole, "map")
shown = projection(view)
seed("map_lines", "lines", lambda t: t == "1", True)

points: list[dict[str, Any]] = []
unplaced: list[str] = []
crowd: dict[tuple[float, float], int] = defaultdict(int)
for entity in shown.entities.values():
    spot = locate(entity)
    if spot is None:
        unplaced.append(entity.name)
        continue
    lat, lon, how = spot
    index = crowd[(lat, lon)]
    crowd[(lat, lon)] += 1
    lat, lon = spread(lat, lon, index, 0.12 if how != "coordinates" else 0.0)
    points.append(
        {
            "id": entity.id,
            "name": entity.name,
            "kind": entity.kind.value,
            "where": ", ".join(part for part in (entity.region, entity.country) if part),
            "placed by": how,
            "ties": shown.graph.degree(entity.id),
            "lat": round(lat, 4),
            "lon": round(lon, 4),
        }
    )
frame = pd.DataFrame(points, columns=["id", "name", "kind", "where", "placed by", "ties", "lat", "lon"])
at = {row["id"]: (row["lat"], row["lon"]) for row in points}
lines = [
    {
        "kind": rel.kind.value,
        "lat": at[rel.source][0],
        "lon": at[rel.source][1],
        "lat2": at[rel.target][0],
        "lon2": at[rel.target][1],
    }
    for rel in shown.relationships.values()
    if rel.source in at and rel.target in at and at[rel.source] != at[rel.target]
]

map_tab, timeline_tab = st.tabs(["Map", "Timeline"])
with map_tab:
    show_lines = st.toggle("Draw ties between them", key="map_lines")
    in_korea = [p for p in points if inside_korea(p)]
    abroad = len(points) - len(in_korea)
    drawn = lines[:MAX_LINES] if show_lines else []
    korea_chart = map_spec(
        "korea",
        {"type": "mercator", "fit": KOREA_FRAME},
        in_korea,
        drawn,
        KIND_COLOURS,
        560,
    )
    korea_col, world_col = st.columns([3, 2])
    with korea_col:
        st.markdown(f"**Korea**: {len(in_korea):,} stakeholders")
        event = st.vega_lite_chart(korea_chart, key="map_korea", on_select="rerun", width="stretch")
    with world_col:
        st.markdown(f"**The world**: {abroad:,} outside Korea")
        world_chart = map_spec("world", {"type": "equalEarth"}, points, drawn, KIND_COLOURS, 340)
        world_event = st.vega_lite_chart(world_chart, key="map_world", on_select="rerun", width="stretch")
    chosen = [
        item["id"]
        for answer in (event, world_event)
        for item in (answer.get("selection", {}).get("pick") or [] if isinstance(answer, dict) else [])
        if "id" in item
    ]
    if chosen and chosen[0] in shown.entities:
        link(
            PROFILE,
            f"Open the profile of {shown.entities[chosen[0]].name}",
            ":material/badge:",
            entity=chosen[0],
        )
    notes = []
    by_how = frame["placed by"].value_counts().to_dict()
    exact, regional, national = (by_how.get(how, 0) for how in ("coordinates", "region", "country"))
    if regional or national:
        notes.append(
            f"{exact:,} placed by their coordinates, {regional:,} at their region's centre and "
            f"{national:,} at their country's centre (give `lat`/`lon` to place them exactly)"
        )
    if unplaced:
        listed = ", ".join(sorted(unplaced)[:8]) + ("…" if len(unplaced) > 8 else "")
        notes.append(f"{len(unplaced):,} with no coordinates, region or country are not on the map: {listed}")
    if show_lines and len(lines) > MAX_LINES:
        notes.append(
            f"{MAX_LINES:,} of {len(lines):,} ties drawn; narrow the view under Filters to see the rest"
        )
    for note in notes:
        st.caption(note)
    csv_download("Download the places (CSV)", frame, "places.csv")

with timeline_tab:
    dated = timeline_frame(shown, shown.relationships.values())
    undated = len(shown.relationships) - len(dated)
    if dated.empty:
        st.info("No tie in this view has a date (its own, or its first source's).")
    else:
        st.altair_chart(timeline_chart(dated, height=320), width="stretch")
        per_year = (
            dated.assign(year=dated["date"].dt.year).groupby(["year", "kind"]).size().reset_index(name="ties")
        )
        st.altair_chart(per_year_chart(per_year), width="stretch")
        st.caption(dated_caption(len(dated), undated))
        csv_download("Download the timeline (CSV)", dated, "timeline.csv")

write_url({**url, "lines": None if show_lines else "0"})
