"""The Network and Paths pages on a large graph, on both stores: the seed counts as large once
``CKG_UI_LARGE_GRAPH`` is below its size, and the pages must then answer from the store, never
from the whole graph (reading it fails here), with pickers that search as the user types."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.store.base import GraphStore
from ingest.loader import ingest_paths
from tests.ui.conftest import APP, OpenPage
from ui import session


def _drawn(app: AppTest) -> str:
    return next(c.value for c in app.caption if " drawn (of " in c.value).split(" drawn")[0]


def _search(app: AppTest, key: str, text: str) -> AppTest:
    app.text_input(key=f"{key}_search").input(text).run()
    assert not app.exception, app.exception
    return app


def test_the_network_draws_the_best_connected_and_says_so(large: OpenPage) -> None:
    app = large("views/network.py")
    assert "best connected" in app.info[0].value and "centre on a stakeholder" in app.info[0].value
    assert _drawn(app) == "19 stakeholders and 29 ties"  # the seed's 19 are all connected, under 300
    assert [button.label for button in app.download_button]


def test_centring_searches_the_store_by_korean_name(large: OpenPage) -> None:
    app = large("views/network.py")
    assert app.selectbox(key="net_around").options == []  # nothing listed until something is typed
    _search(app, "net_around", "아이온")
    picker = app.selectbox(key="net_around")
    assert picker.options == ["IonQ · Company"]
    picker.set_value("ionq").run()
    assert not app.exception, app.exception
    assert _drawn(app) == "5 stakeholders and 6 ties"  # as on a small graph
    assert "within 1 tie of IonQ" in app.info[0].value
    assert app.query_params["around"] == "ionq"

    _search(app, "net_around", "nobody by this name")
    assert any("No stakeholder is called" in c.value for c in app.caption)
    assert app.selectbox(key="net_around").value == "ionq"  # the choice stays while searching


def test_a_network_link_works_on_a_large_graph(large: OpenPage) -> None:
    app = large("views/network.py", kinds="Company,Place", focus="ionq", colour="community", around="ionq")
    assert app.multiselect(key="net_kinds").value == ["Company", "Place"]
    assert app.selectbox(key="net_around").value == "ionq"
    assert any("**IonQ**" in block.value for block in app.markdown)
    app.button(key="net_expand_focus").click().run()
    assert not app.exception, app.exception
    assert app.query_params["expand"] == "ionq"
    app.selectbox(key="net_size").set_value("betweenness").run()
    assert not app.exception, app.exception


def test_a_cluster_view_is_its_members(large: OpenPage) -> None:
    app = large("views/network.py", cluster="quantum-cluster-1")  # designated, with no member yet
    assert app.selectbox(key="net_cluster").value == "quantum-cluster-1"
    assert "Quantum cluster 1 (to be designated) and its members" in app.info[0].value
    assert _drawn(app) == "1 stakeholders and 0 ties"
    no_membership = large("views/network.py", cluster="quantum-cluster-1", ties="SIGNED_MOU_WITH")
    assert _drawn(no_membership) == "1 stakeholders and 0 ties"


def test_paths_search_both_ends_and_the_store_finds_the_path(large: OpenPage) -> None:
    app = large("views/paths.py")
    assert "Choose two stakeholders." in [block.value for block in app.info]
    _search(app, "path_source", "LG Elec")
    app.selectbox(key="path_source").set_value("lg-electronics").run()
    _search(app, "path_target", "ionq")
    app.selectbox(key="path_target").set_value("ionq").run()
    assert not app.exception, app.exception
    summaries = [block.value for block in app.markdown if block.value.startswith("**Path ")]
    assert summaries[0].startswith("**Path 1**: 2 hops")
    assert "LG Electronics → South Korea → IonQ" in " ".join(summaries)
    assert "invest 15 million US dollars" in " ".join(block.value for block in app.markdown)
    assert app.query_params["source"] == "lg-electronics" and app.query_params["target"] == "ionq"
    assert [b.label for b in app.download_button]


def test_a_paths_link_with_someone_left_out(large: OpenPage) -> None:
    app = large(
        "views/paths.py", source="lg-electronics", target="ionq", exclude="south-korea", rank="weight"
    )
    assert app.multiselect(key="path_exclude").value == ["south-korea"]
    assert any("ranked by hops" in c.value for c in app.caption)
    names = " ".join(block.value for block in app.markdown if block.value.startswith("**Path "))
    assert "South Korea" not in names
    _search(app, "path_exclude", "samsung")
    leave_out = app.multiselect(key="path_exclude")
    assert "Samsung Electronics · Company" in leave_out.options and leave_out.value == ["south-korea"]


def test_the_threshold_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(session.LARGE_GRAPH_ENV, raising=False)
    assert session.large_graph_threshold() == 200_000
    monkeypatch.setenv(session.LARGE_GRAPH_ENV, "1000")
    assert session.large_graph_threshold() == 1_000


def test_the_sidebar_search_asks_the_store(large: OpenPage) -> None:
    app = large("views/paths.py")
    app.sidebar.text_input(key="sidebar_search").input("아이온큐").run()
    assert not app.exception, app.exception
    links = [element.proto.label for element in app.sidebar.get("page_link")]
    assert links == ["IonQ · Company"]


def test_the_overview_counts_from_the_store_what_the_whole_graph_shows(
    store: GraphStore, store_uri: str, seed_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths(store, [seed_dir])
    monkeypatch.setenv("CKG_STORE", store_uri)

    def overview() -> AppTest:
        session.refresh()
        app = AppTest.from_file(str(APP), default_timeout=120)
        app.switch_page("views/overview.py")
        app.run()
        assert not app.exception, app.exception
        return app

    small = overview()
    monkeypatch.setenv(session.LARGE_GRAPH_ENV, "10")

    def whole_graph(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page read the whole graph")

    monkeypatch.setattr(session, "project", whole_graph)
    large = overview()

    assert [m.value for m in large.metric] == [m.value for m in small.metric]  # counts and health
    assert large.dataframe[2].value.equals(small.dataframe[2].value)  # the newest ties, their sources
    listed = large.dataframe[3].value
    assert len(listed) == 19 and listed["ties"].iloc[0] == listed["ties"].max()
    large.text_input(key="overview_find").input("아이온").run()
    assert list(large.dataframe[3].value["stakeholder"]) == ["IonQ · Company"]


def _profile(app: AppTest) -> tuple[str, list[str], list[str]]:
    """What a profile shows of the stakeholder's own ties: its name, the kinds with their counts,
    and every tie with the quotes of its evidence, in order."""
    blocks = [
        block.value
        for block in app.markdown
        if block.value.startswith(">") or (block.value.startswith("**") and " · " in block.value)
    ]
    return app.header[0].value, [e.label for e in app.expander], blocks


def test_a_profile_reads_the_stakeholders_own_ties_from_the_store(
    store: GraphStore, store_uri: str, seed_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths(store, [seed_dir])
    monkeypatch.setenv("CKG_STORE", store_uri)

    def profile(**params: str) -> AppTest:
        session.refresh()
        app = AppTest.from_file(str(APP), default_timeout=120)
        app.switch_page("views/profile.py")
        app.query_params.update(params)
        app.run()
        assert not app.exception, app.exception
        return app

    small = profile(entity="lg-electronics")
    monkeypatch.setenv(session.LARGE_GRAPH_ENV, "10")

    def whole_graph(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page read the whole graph")

    monkeypatch.setattr(session, "project", whole_graph)
    large = profile(entity="lg-electronics")

    assert _profile(large) == _profile(small)  # the same ties, kinds and evidence, in the same order
    assert any("consultative body" in block for block in _profile(large)[2])
    measured = {m.label: m.value for m in large.metric}
    assert measured["Partners"] == next(m.value for m in small.metric if m.label == "Ties to others")
    by_kind = [re.fullmatch(r"[A-Z_]+ \((\d+)\)", label) for label in _profile(large)[1]]
    assert measured["Ties"] == str(sum(int(found[1]) for found in by_kind if found))
    assert "ckg suggest lg-electronics" in " ".join(c.value for c in large.caption)
    assert large.query_params["entity"] == "lg-electronics"

    unchosen = profile()
    assert "type part of a name" in unchosen.info[0].value
    _search(unchosen, "profile_entity", "아이온")
    unchosen.selectbox(key="profile_entity").set_value("ionq").run()
    assert not unchosen.exception, unchosen.exception
    assert unchosen.header[0].value == "IonQ" and unchosen.query_params["entity"] == "ionq"


def test_a_hubs_profile_lists_its_first_ties_and_counts_them_all(large: OpenPage) -> None:
    session.refresh()
    whole = session.store_profile("ionq")
    assert whole is not None and whole.ties == len(whole.shown.relationships) > 2
    assert sum(whole.by_kind.values()) == whole.ties and len(whole.by_kind) >= 2
    first = session.store_profile("ionq", limit=2)
    assert first is not None and first.ties == whole.ties and first.partners == whole.partners
    listed = first.shown.relationships.values()
    assert (
        len(listed) == 2 and len({rel.kind for rel in listed}) == 2
    )  # some of each kind, not the first kind's
    assert set(first.shown.relationships) <= set(whole.shown.relationships)
    assert session.store_profile("nobody-of-this-id") is None
