"""The app's shell and its Overview and Profile pages, through Streamlit's test harness, on both
stores: the sidebar's counts and search, the overview's counts, newest ties and data health, and
a stakeholder's profile with its ties, evidence and suggestions."""

from __future__ import annotations

import pytest

from graph.store.base import GraphStore
from tests.ui.conftest import OpenPage, open_page


def test_overview_shows_counts_newest_ties_health_and_stakeholders(seeded: OpenPage) -> None:
    app = seeded()
    metrics = {metric.label: metric.value for metric in app.metric}
    assert {k: metrics[k] for k in ("Entities", "Relationships", "Sources", "Without evidence")} == {
        "Entities": "19",
        "Relationships": "29",
        "Sources": "1",
        "Without evidence": "0",
    }
    assert metrics["Resting on one source"] == "29"  # the seed rests on one article
    kinds = app.dataframe[0].value
    assert dict(zip(kinds["kind"], kinds["count"], strict=True))["Cluster"] == 5
    newest = app.dataframe[2].value
    assert len(newest) == 10
    assert set(newest["sources"]) == {
        "South Korea: Outlines Long-Term Strategy to Lead Global Quantum Chip Production"
    }
    stakeholders = app.dataframe[3].value
    assert len(stakeholders) == 19

    app.main.text_input[0].input("삼성").run()
    assert list(app.dataframe[3].value["id"]) == ["samsung-electronics"]


def test_sidebar_shows_store_counts_and_finds_korean_names(seeded: OpenPage) -> None:
    app = seeded()
    sidebar = app.sidebar
    assert "19** stakeholders" in sidebar.markdown[0].value
    app.text_input(key="sidebar_search").input("아이온큐").run()
    links = app.sidebar.get("page_link")
    assert [link.proto.label for link in links] == ["IonQ · Company"]
    assert "entity=ionq" in links[0].proto.page or links[0].proto.query_string == "entity=ionq"


def test_profile_lists_ties_by_kind_with_evidence_and_suggestions(seeded: OpenPage) -> None:
    app = seeded("views/profile.py", entity="lg-electronics")
    assert app.header[0].value == "LG Electronics"
    expanders = [expander.label for expander in app.expander]
    assert any(label.startswith("MEMBER_OF") for label in expanders)
    quotes = " ".join(block.value for block in app.markdown)
    assert "consultative body" in quotes  # the quoted evidence of its membership
    assert app.query_params["entity"] == "lg-electronics"
    assert any(metric.label == "Ties to others" for metric in app.metric)


@pytest.mark.parametrize(
    "page",
    [None, *(f"views/{name}.py" for name in ("network", "paths", "gaps", "profile", "map_timeline"))],
)
def test_an_empty_store_says_how_to_load_data(
    store: GraphStore, store_uri: str, monkeypatch: pytest.MonkeyPatch, page: str | None
) -> None:
    app = open_page(store_uri, monkeypatch, page)
    assert not app.exception
    assert "ckg ingest data/seed" in app.info[0].value
