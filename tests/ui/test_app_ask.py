"""The Ask page on both stores: guided questions answered as a table (with the evidence of each
tie) from URL parameters; and on Neo4j the read-only Cypher box, which refuses a write and leaves
the data unchanged."""

from __future__ import annotations

from datetime import date

import pytest

from graph.store.base import GraphStore
from graph.store.neo4j import Neo4jStore
from tests.ui.conftest import OpenPage


def test_mous_since_a_date_with_their_evidence(seeded: OpenPage) -> None:
    app = seeded("views/ask.py", q="since", kind="SIGNED_MOU_WITH", since="2025-01-01")
    assert app.subheader[0].value == "All SIGNED_MOU_WITH ties since 2025-01-01"
    rows = app.dataframe[0].value
    assert list(zip(rows["stakeholder"], rows["with"], strict=True)) == [
        ("IonQ", "Ministry of Science and ICT")
    ]
    assert "memorandum" in rows["quote"][0].casefold() or "ministry" in rows["quote"][0].casefold()

    app.date_input(key="ask_since").set_value(date(2026, 2, 1)).run()
    assert "No answer" in app.info[0].value
    assert app.query_params["since"] == "2026-02-01"


def test_members_funders_clusters_and_connectors(seeded: OpenPage) -> None:
    app = seeded("views/ask.py", q="members", cluster="quantum-technology-consultative-body")
    assert list(app.dataframe[0].value["member"]) == ["LG Electronics", "Samsung Electronics", "SK Telecom"]

    app = seeded("views/ask.py", q="funds", entity="south-korea")
    funders = app.dataframe[0].value
    assert list(funders["stakeholder"]) == ["IonQ"] and list(funders["amount"]) == ["15,000,000 USD"]

    app = seeded("views/ask.py", q="lacking", lacking="University")
    assert len(app.dataframe[0].value) == 5  # no cluster of the seed has a university yet

    app = seeded("views/ask.py", q="connectors", a="lg-electronics", b="ionq")
    assert app.dataframe[0].value["connector"].iloc[0] == "South Korea"


def test_the_cypher_box_reads_and_refuses_writes_on_neo4j(seeded: OpenPage, store: GraphStore) -> None:
    app = seeded("views/ask.py", q="cypher")
    if not isinstance(store, Neo4jStore):
        assert app.selectbox(key="ask_q").value == "since"  # no Cypher box on the embedded store
        assert "cypher" not in app.selectbox(key="ask_q").options
        return
    app.text_area(key="ask_cypher").input("MATCH (e:Entity) RETURN e.name AS name ORDER BY name").run()
    app.button(key="ask_run").click().run()
    assert len(app.dataframe[0].value) == 19
    before = store.stats()

    app.text_area(key="ask_cypher").input("MATCH (e:Entity) DETACH DELETE e").run()
    app.button(key="ask_run").click().run()
    assert "refused" in app.error[0].value and "Nothing was changed" in app.error[0].value
    assert store.stats() == before


@pytest.mark.parametrize("question", ["funds", "members", "connectors"])
def test_a_question_without_its_subject_asks_for_it(seeded: OpenPage, question: str) -> None:
    app = seeded("views/ask.py", q=question)
    assert "Choose what the question is about" in app.info[0].value
