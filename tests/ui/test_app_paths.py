"""The Paths page on both stores: LG Electronics reaches IonQ through South Korea, every hop
with its quoted evidence; options come from the URL; a blocked search says why."""

from __future__ import annotations

from typing import Any

import pytest

from graph.analysis.results import PathsAnswer
from tests.ui.conftest import OpenPage


def test_lg_electronics_to_ionq_hop_by_hop_with_evidence(seeded: OpenPage) -> None:
    app = seeded("views/paths.py", source="lg-electronics", target="ionq")
    summaries = [block.value for block in app.markdown if block.value.startswith("**Path ")]
    assert summaries[0].startswith("**Path 1**: 2 hops")
    assert "LG Electronics → South Korea → IonQ" in summaries[0]
    assert len(summaries) == 3  # k defaults to 3
    hops = [
        block.value
        for block in app.markdown
        if block.value.startswith("**1. ") or block.value.startswith("**2. ")
    ]
    assert "`LOCATED_IN`" in hops[0] and "`INVESTS_IN`" in hops[1]
    assert "15,000,000 USD" in hops[1] and "planned" in hops[1]
    quotes = " ".join(block.value for block in app.markdown)
    assert "invest 15 million US dollars over the next three years" in quotes
    assert "2026\\-01\\-29" in quotes or "2026-01-29" in quotes  # the source's date beside the quote
    assert [b.label for b in app.download_button]


def test_options_from_the_url_and_a_search_with_no_path(seeded: OpenPage) -> None:
    app = seeded(
        "views/paths.py", source="lg-electronics", target="ionq", via="MEMBER_OF,SIGNED_MOU_WITH", k="1"
    )
    assert app.multiselect(key="path_via").value == ["MEMBER_OF", "SIGNED_MOU_WITH"]
    assert "separate parts of this view" in app.warning[0].value
    reaches = " ".join(block.value for block in app.markdown)
    assert "Ministry of Science and ICT" in reaches

    app.multiselect(key="path_via").set_value([]).run()
    assert not app.warning
    assert app.query_params.get("via") is None and app.query_params["k"] == "1"


def test_a_large_graph_lets_the_store_search(seeded: OpenPage, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.analysis import store_paths

    monkeypatch.setattr(store_paths, "STORE_ENGINE_THRESHOLD", 0)  # the seed counts as large
    searched: list[str] = []
    real = store_paths.find_paths_in_store

    def spy(*args: Any, **kwargs: Any) -> PathsAnswer:
        searched.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(store_paths, "find_paths_in_store", spy)
    app = seeded("views/paths.py", source="lg-electronics", target="ionq", k="1")
    assert searched == ["lg-electronics"]
    summaries = [block.value for block in app.markdown if block.value.startswith("**Path ")]
    assert summaries[0].startswith("**Path 1**: 2 hops")
    assert "invest 15 million US dollars" in " ".join(block.value for block in app.markdown)
