"""The Ask page on a large graph, on both stores: the same answers as on a small graph, from
links and from pickers that search the store, without the whole graph ever being read."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from graph.analysis import store_questions
from tests.ui.conftest import OpenPage


def _rows(app: AppTest, column: str) -> list[str]:
    return list(app.dataframe[0].value[column])


def test_mous_since_a_date_from_a_link(large: OpenPage) -> None:
    app = large("views/ask.py", q="since", kind="SIGNED_MOU_WITH", since="2025-01-01")
    assert app.subheader[0].value == "All SIGNED_MOU_WITH ties since 2025-01-01"
    assert _rows(app, "with") == ["Ministry of Science and ICT"]
    assert any("reads from the store only" in caption.value for caption in app.caption)

    app.date_input(key="ask_since").set_value(date(2026, 2, 1)).run()
    assert not app.exception, app.exception
    assert "No answer" in app.info[0].value
    assert app.query_params["since"] == "2026-02-01"


def test_members_funders_clusters_and_connectors_from_links(large: OpenPage) -> None:
    app = large("views/ask.py", q="members", cluster="quantum-technology-consultative-body")
    assert _rows(app, "member") == ["LG Electronics", "Samsung Electronics", "SK Telecom"]

    app = large("views/ask.py", q="funds", entity="south-korea")
    assert _rows(app, "stakeholder") == ["IonQ"] and _rows(app, "amount") == ["15,000,000 USD"]

    app = large("views/ask.py", q="lacking", lacking="University")
    assert len(app.dataframe[0].value) == 5

    app = large("views/ask.py", q="connectors", a="lg-electronics", b="ionq")
    assert _rows(app, "connector")[0] == "South Korea"


def test_the_stakeholder_is_searched_for_by_korean_name(large: OpenPage) -> None:
    app = large("views/ask.py", q="funds")
    assert "Choose what the question is about" in app.info[0].value
    app.text_input(key="ask_entity_search").input("대한민국").run()
    assert not app.exception, app.exception
    picker = app.selectbox(key="ask_entity")
    assert picker.options and picker.options[0].startswith("South Korea")
    picker.set_value("south-korea").run()
    assert not app.exception, app.exception
    assert _rows(app, "stakeholder") == ["IonQ"]
    assert app.query_params["entity"] == "south-korea"


def test_too_many_rows_are_cut_and_the_page_says_so(large: OpenPage, monkeypatch: pytest.MonkeyPatch) -> None:
    real = store_questions.ties_since
    monkeypatch.setattr(
        store_questions, "ties_since", lambda store, kind, since, limit=1: real(store, kind, since, 1)
    )
    app = large("views/ask.py", q="since", kind="LOCATED_IN", since="2000-01-01")
    assert len(app.dataframe[0].value) == 1
    assert any("`ckg ask`" in info.value for info in app.info)


def test_a_question_too_large_to_read_is_refused_plainly(
    large: OpenPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store_questions.connectors
    monkeypatch.setattr(store_questions, "connectors", lambda store, a, b: real(store, a, b, limit=2))
    app = large("views/ask.py", q="connectors", a="lg-electronics", b="ionq")
    assert "more than the 2 this question reads" in app.warning[0].value
    assert not app.dataframe
