"""The Network page on both stores: a view drawn whole, centred on a stakeholder, filtered by
the URL; a graph too large to draw says how much it left out; and the drawing's size guard."""

from __future__ import annotations

import pytest

from graph.analysis.projection import build_projection
from graph.store.base import GraphStore
from graph.synthetic import generate
from tests.ui.conftest import OpenPage, open_page
from ui.components.graph_view import choose, elements, left_out_message


def _drawn(caption: str) -> str:
    return caption.split(" drawn")[0]


def test_the_seed_is_drawn_whole_and_centring_narrows_it(seeded: OpenPage) -> None:
    app = seeded("views/network.py")
    assert _drawn(app.caption[0].value) == "19 stakeholders and 29 ties"
    assert not app.warning
    assert [button.label for button in app.download_button]  # the view can be downloaded

    app.selectbox(key="net_around").set_value("ionq").run()
    assert not app.exception
    assert _drawn(app.caption[0].value) == "5 stakeholders and 6 ties"
    assert app.query_params["around"] == "ionq"


def test_a_link_reproduces_filters_and_the_selected_stakeholder(seeded: OpenPage) -> None:
    app = seeded("views/network.py", kinds="Company,Place", focus="ionq", colour="community")
    assert app.multiselect(key="net_kinds").value == ["Company", "Place"]
    assert app.selectbox(key="net_colour").value == "community"
    assert _drawn(app.caption[0].value) == "6 stakeholders and 5 ties"
    assert any("**IonQ**" in block.value for block in app.markdown)  # the selected stakeholder's card
    assert app.query_params["kinds"] == "Company,Place"

    app.button(key="net_expand_focus").click().run()  # bring in its neighbours (filtered out kinds stay out)
    assert not app.exception
    assert app.query_params["expand"] == "ionq"


def test_a_graph_too_large_to_draw_says_what_it_left_out(
    store: GraphStore, store_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.upsert(generate(400, seed=3))
    app = open_page(store_uri, monkeypatch, "views/network.py")
    warning = app.warning[0].value
    assert "left out 100 of 400 stakeholders" in warning
    assert "Narrow the view" in warning
    assert _drawn(app.caption[0].value).startswith("300 stakeholders")


def test_the_size_guard_keeps_the_best_connected_and_what_must_be_seen() -> None:
    dataset = generate(1_000, seed=1)
    view = build_projection(dataset.entities, dataset.relationships, dataset.sources)
    degree = {node: float(view.graph.degree(node)) for node in view.graph}
    loneliest = min(degree, key=lambda node: (degree[node], node))
    drawing = choose(view, rank=degree, keep=[loneliest], max_nodes=50, max_edges=120)
    assert len(drawing.nodes) == 50 and loneliest in drawing.nodes
    assert len(drawing.edges) <= 120
    assert drawing.left_out_nodes == 950
    message = left_out_message(drawing)
    assert message is not None and "950 of 1,000 stakeholders" in message
    drawn = elements(view, drawing, weight=degree, highlight_nodes=[loneliest])
    lit = [node for node in drawn["nodes"] if "lit" in node["classes"]]
    assert [node["data"]["id"] for node in lit] == [loneliest]
    assert max(node["data"]["weight"] for node in drawn["nodes"]) == 1.0
