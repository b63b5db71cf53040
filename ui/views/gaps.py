"""Gaps and suggestions: what the network lacks, each finding with its reason, and for one
stakeholder the partners it could look for, ranked, with the reasons. Every finding and
suggestion links into the Network and Paths pages."""

from __future__ import annotations

import json

import streamlit as st

from graph.analysis.results import GapItem
from graph.analysis.suggest import suggest_partners
from ui.components.evidence import escape
from ui.components.filters import view_filter
from ui.components.guard import whole_graph_or_stop
from ui.components.links import NETWORK, PATHS, PROFILE, link
from ui.components.picker import pick_one
from ui.components.state import decode_list, seed, write_url
from ui.session import gap_report, large_graph, projection

SHOWN = 15  # findings listed per section; the downloaded report has them all

st.title("Gaps and suggestions")
# on a large graph the ties are read as summaries, as `ckg gaps` reads them: the report quotes
# no evidence, and reading every tie whole took three times as long
large = large_graph()
whole = whole_graph_or_stop(summarised=large)

view, url = view_filter(whole, "gaps")
shown = projection(view, summarised=large)
names = {eid: entity.name for eid, entity in whole.entities.items()}
sectors = sorted({sector for entity in whole.entities.values() for sector in entity.sectors})
seed("gaps_cover", "cover", lambda t: [s for s in decode_list(t) if s in sectors], list[str]())
seed("gaps_entity", "entity", lambda t: t if t in shown.entities else None, None)
if st.session_state["gaps_entity"] not in shown.entities:
    st.session_state["gaps_entity"] = None

gaps_tab, suggest_tab = st.tabs(["Gaps in the network", "Partner suggestions"])


def _links(item: GapItem, key: str) -> None:
    """Buttons from a finding to the pages that show it: its stakeholders in the network, and
    the paths between the two ends of a tie or of two groups."""
    subjects = [subject for subject in item.subjects if subject in shown.entities]
    if not subjects:
        return
    cells = st.columns(3)
    with cells[0]:
        link(NETWORK, "In the network", ":material/hub:", around=subjects[0], find=subjects[0])
    if len(subjects) >= 2:
        with cells[1]:
            link(PATHS, "Paths between them", ":material/route:", source=subjects[0], target=subjects[-1])
    with cells[2]:
        link(PROFILE, f"Profile of {names[subjects[0]]}", ":material/badge:", entity=subjects[0])


with gaps_tab:
    cover = st.multiselect(
        "Sectors every cluster and region should cover",
        sectors,
        key="gaps_cover",
        placeholder="every sector named",
    )
    report = gap_report(view, tuple(cover), summarised=large)
    for section in report.sections:
        found = len(section.items) + section.omitted
        with st.expander(
            f"{section.title} ({found})", expanded=bool(section.items) and section.key == "coverage"
        ):
            st.caption(section.explanation)
            if not section.items:
                st.write("Nothing found.")
            for number, item in enumerate(section.items[:SHOWN]):
                st.markdown(f"**{escape(item.title)}**: {escape(item.reason)}")
                _links(item, f"{section.key}-{number}")
            more = section.omitted + max(0, len(section.items) - SHOWN)
            if more:
                st.caption(f"… and {more} more: download the report for all of them.")
    st.download_button(
        "Download the gap report (JSON)",
        data=json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2),
        file_name="gaps.json",
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
    )

with suggest_tab:
    if large:  # a search, not a list of every stakeholder
        entity_id = pick_one("Who is looking for partners?", "gaps_entity")
        if entity_id is not None and entity_id not in shown.entities:
            st.caption("The filters above leave this stakeholder out of the view.")
            entity_id = None
    else:
        entity_id = st.selectbox(
            "Who is looking for partners?",
            sorted(shown.entities, key=lambda eid: names[eid].casefold()),
            key="gaps_entity",
            index=None,
            placeholder="a stakeholder",
            format_func=names.__getitem__,
        )
    top = st.slider("How many suggestions", 3, 30, 10, key="gaps_top")
    if entity_id is None:
        st.info("Choose a stakeholder to see who it could partner with, and why.")
    else:
        answer = suggest_partners(shown, entity_id, top=top)
        if not answer.suggestions:
            st.write(
                f"No suggestion for {answer.name}: no organisation shares a partner, sector or place with it."
            )
        for rank, suggestion in enumerate(answer.suggestions, start=1):
            with st.container(border=True):
                st.markdown(
                    f"**{rank}. {escape(suggestion.name)}** ({suggestion.kind}), score {suggestion.score:.2f}"
                )
                for reason in suggestion.reasons:
                    st.markdown(f"- {escape(reason)}")
                cells = st.columns(3)
                with cells[0]:
                    link(PATHS, "How to reach it", ":material/route:", source=entity_id, target=suggestion.id)
                with cells[1]:
                    link(
                        NETWORK, "Both in the network", ":material/hub:", around=entity_id, find=suggestion.id
                    )
                with cells[2]:
                    link(PROFILE, "Its profile", ":material/badge:", entity=suggestion.id)

write_url({**url, "cover": cover, "entity": entity_id})
