"""How the command line writes JSON: a model through pydantic's serialiser gives the same JSON a
script got from ``json.dumps`` of its dump, Korean unescaped and aliases applied."""

from __future__ import annotations

import json
from datetime import date

import pytest

from graph.analysis.results import Hop, PathResult, PathsAnswer
from ui.cli_output import print_json


def test_a_model_prints_as_its_dump_would(capsys: pytest.CaptureFixture[str]) -> None:
    hop = Hop(
        from_="lg-electronics",
        to="아이온큐",
        kind="INVESTS_IN",
        source="ionq",
        target="south-korea",
        since=date(2026, 1, 29),
        status="planned",
        amount=15_000_000.0,
        currency="USD",
        cost=1.05,
    )
    answer = PathsAnswer(
        source="lg-electronics",
        target="ionq",
        paths=[
            PathResult(
                length=1, cost=1.05, entities=["lg-electronics", "ionq"], names=["LG전자", "IonQ"], hops=[hop]
            )
        ],
    )
    print_json(answer)
    from_model = capsys.readouterr().out
    print_json(answer.model_dump(mode="json", by_alias=True))
    from_dump = capsys.readouterr().out
    assert json.loads(from_model) == json.loads(from_dump)
    assert "아이온큐" in from_model and "LG전자" in from_model
    assert json.loads(from_model)["paths"][0]["hops"][0]["from"] == "lg-electronics"
    assert json.loads(from_model)["paths"][0]["hops"][0]["since"] == "2026-01-29"
