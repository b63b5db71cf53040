"""The Gaps page on a large graph, on both stores: the report and the suggestions worked out on
the ties' summaries (as `ckg gaps` reads them), the same as on a small graph, the stakeholder
searched for, and the graph never read whole with its evidence."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from graph.analysis.gaps import find_gaps
from graph.analysis.projection import GraphFilter, project
from graph.model import RelationshipKind
from graph.store.base import GraphStore
from tests.ui.conftest import OpenPage


def test_the_gap_report_is_the_whole_graphs(large: OpenPage, store: GraphStore) -> None:
    app = large("views/gaps.py")
    wanted = find_gaps(project(store))
    assert _titles(app) == [f"{s.title} ({len(s.items) + s.omitted})" for s in wanted.sections]
    text = " ".join(block.value for block in app.markdown)
    assert "**South Korea**: without South Korea" in text
    assert "Paths between them" in [link.proto.label for link in app.get("page_link")]


def test_suggestions_for_a_stakeholder_found_by_search(large: OpenPage) -> None:
    app = large("views/gaps.py", entity="lg-electronics")
    assert any(block.value.startswith("**1. ") for block in app.markdown)
    assert "shared partner" in " ".join(block.value for block in app.markdown if block.value.startswith("- "))
    assert app.query_params["entity"] == "lg-electronics"

    app = large("views/gaps.py")
    assert "Choose a stakeholder" in " ".join(info.value for info in app.info)
    app.text_input(key="gaps_entity_search").input("LG전자").run()
    app.selectbox(key="gaps_entity").set_value("lg-electronics").run()
    assert not app.exception, app.exception
    assert any(block.value.startswith("**1. ") for block in app.markdown)


def _titles(app: AppTest) -> list[str]:
    return [expander.label for expander in app.expander if not expander.label.startswith("Filters")]


def test_a_filter_from_the_link_narrows_the_report(large: OpenPage, store: GraphStore) -> None:
    app = large("views/gaps.py", ties="MEMBER_OF,PART_OF")
    assert app.multiselect(key="gaps_ties").value == ["MEMBER_OF", "PART_OF"]
    view = GraphFilter(relationship_kinds=frozenset({RelationshipKind.MEMBER_OF, RelationshipKind.PART_OF}))
    wanted = find_gaps(project(store, view))
    assert _titles(app) == [f"{s.title} ({len(s.items) + s.omitted})" for s in wanted.sections]
    assert _titles(app) != _titles(large("views/gaps.py"))  # the filter changed the report
