"""Relationships on a time axis: one mark per tie at the date it began (its ``since``, else the
first source's date), one row per kind. Ties with no date at all are listed apart by the pages,
since placing them anywhere on the axis would be a guess."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from graph.analysis.projection import Projection
from graph.model import Relationship


def timeline_frame(projection: Projection, relationships: Iterable[Relationship]) -> pd.DataFrame:
    """One row per dated tie: date, kind, the two ends by name, status and how many sources."""
    rows = []
    for rel in relationships:
        began = projection.first_reported(rel)
        if began is None:
            continue
        rows.append(
            {
                "date": pd.Timestamp(began),
                "kind": rel.kind.value,
                "from": projection.entities[rel.source].name
                if rel.source in projection.entities
                else rel.source,
                "to": projection.entities[rel.target].name
                if rel.target in projection.entities
                else rel.target,
                "status": rel.status.value,
                "sources": len({ev.source for ev in rel.evidence}),
                "dated_by": "since" if rel.since else "first source",
            }
        )
    return pd.DataFrame(
        rows, columns=["date", "kind", "from", "to", "status", "sources", "dated_by"]
    ).sort_values("date")


def timeline_chart(frame: pd.DataFrame, height: int = 260) -> alt.Chart:
    """The ties of ``frame`` as points by date and kind, with who and what on hover."""
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_circle(size=120, opacity=0.8)
        .encode(
            x=alt.X("date:T", title="began"),
            y=alt.Y("kind:N", title=None),
            color=alt.Color("kind:N", legend=None),
            tooltip=["date:T", "kind:N", "from:N", "to:N", "status:N", "sources:Q", "dated_by:N"],
        )
        .properties(height=height)
    )
    return chart


def per_year_chart(per_year: pd.DataFrame, height: int = 220) -> alt.Chart:
    """Ties per year (``year``, ``kind``, ``ties``) as bars stacked by kind."""
    chart: alt.Chart = (
        alt.Chart(per_year)
        .mark_bar()
        .encode(x="year:O", y="ties:Q", color="kind:N", tooltip=["year:O", "kind:N", "ties:Q"])
        .properties(height=height)
    )
    return chart


def dated_caption(dated: int, undated: int) -> str:
    """How many ties a timeline shows, and how many it leaves out for want of a date."""
    return f"{dated:,} dated tie{'s' if dated != 1 else ''}" + (
        f"; {undated:,} without any date are not shown" if undated else ""
    )
