"""The Gaps and suggestions page on both stores: gap sections with reasons and links into the
other pages, and ranked partner suggestions for LG Electronics with their reasons."""

from __future__ import annotations

from tests.ui.conftest import OpenPage


def test_gap_sections_list_findings_with_reasons_and_links(seeded: OpenPage) -> None:
    app = seeded("views/gaps.py")
    titles = [expander.label for expander in app.expander]
    assert any(title.startswith("Single points of failure") for title in titles)
    text = " ".join(block.value for block in app.markdown)
    assert "**South Korea**: without South Korea" in text  # the hub whose loss cuts others off
    links = [link.proto.label for link in app.get("page_link")]
    assert "In the network" in links and "Paths between them" in links
    assert app.download_button[0].label == "Download the gap report (JSON)"


def test_suggestions_for_lg_electronics_are_ranked_with_reasons(seeded: OpenPage) -> None:
    app = seeded("views/gaps.py", entity="lg-electronics")
    ranked = [block.value for block in app.markdown if block.value.startswith("**1. ")]
    assert ranked, "the first suggestion is shown"
    reasons = " ".join(block.value for block in app.markdown if block.value.startswith("- "))
    assert "shared partner" in reasons
    assert "How to reach it" in [link.proto.label for link in app.get("page_link")]
    assert app.query_params["entity"] == "lg-electronics"
