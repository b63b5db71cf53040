"""`ckg ask QUESTION` as scripts call it, on both stores: each answer is the one the app's Ask page
gives on the whole graph, and bad input is refused with the argument named."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from graph.analysis import questions
from graph.analysis.projection import GraphFilter, project
from graph.model import EntityKind, RelationshipKind
from graph.store.base import GraphStore
from ingest.loader import ingest_paths

CKG = str(Path(sys.executable).with_name("ckg"))


def ask(store_uri: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CKG, "--store", store_uri, "ask", *args], capture_output=True, text=True, timeout=120, check=False
    )


def answered(store_uri: str, *args: str) -> dict[str, Any]:
    done = ask(store_uri, *args, "--json")
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def test_every_question_answers_as_the_whole_graph_does(
    store: GraphStore, store_uri: str, seed_dir: Path
) -> None:
    ingest_paths(store, [seed_dir])
    whole = project(store, GraphFilter())

    def wanted(answer: questions.QuestionAnswer) -> dict[str, Any]:
        return answer.model_dump(mode="json")

    since = answered(store_uri, "since", "signed_mou_with", "2020-01-01")
    assert since.pop("truncated") is False and since.pop("limit") == 2000
    assert since == wanted(questions.ties_since(whole, RelationshipKind.SIGNED_MOU_WITH, date(2020, 1, 1)))
    assert {row["stakeholder"] for row in since["rows"]} >= {"IonQ"}

    funds = answered(store_uri, "funds", "아이온큐")  # a Korean name finds IonQ
    assert funds.pop("truncated") is False and funds.pop("limit") is None
    assert funds == wanted(questions.who_funds(whole, "ionq"))
    assert any(row["amount"] == "15,000,000 USD" for row in funds["rows"])

    members = answered(store_uri, "members", "quantum-technology-consultative-body")
    del members["truncated"], members["limit"]
    assert members == wanted(questions.members_of(whole, "quantum-technology-consultative-body"))
    assert {"Samsung Electronics", "LG Electronics", "SK Telecom"} <= {r["member"] for r in members["rows"]}

    lacking = answered(store_uri, "lacking", "University")
    del lacking["truncated"], lacking["limit"]
    assert lacking == wanted(questions.clusters_without(whole, EntityKind.UNIVERSITY))
    assert lacking["rows"]

    between = answered(store_uri, "connectors", "IonQ", "Samsung Electronics")
    del between["truncated"], between["limit"]
    assert between == wanted(questions.connectors(whole, "ionq", "samsung-electronics"))

    every = answered(store_uri, "since", "LOCATED_IN", "2000-01-01")
    assert len(every["rows"]) > 1 and every["truncated"] is False
    cut = answered(store_uri, "since", "LOCATED_IN", "2000-01-01", "--limit", "1")
    assert (cut["truncated"], cut["limit"], cut["rows"]) == (True, 1, every["rows"][:1])

    table = ask(store_uri, "members", "quantum-technology-consultative-body")
    assert table.returncode == 0 and "Samsung Electronics" in table.stdout
    assert "row(s)" in table.stderr


def test_bad_questions_name_what_is_wrong(store: GraphStore, store_uri: str, seed_dir: Path) -> None:
    ingest_paths(store, [seed_dir])
    cases = {
        ("since", "FRIENDS_WITH", "2020-01-01"): "KIND: 'FRIENDS_WITH' is not one of",
        ("since", "FUNDS", "2020-13-01"): "DATE: '2020-13-01' is not a date",
        ("lacking", "Robot"): "KIND: 'Robot' is not one of",
        ("funds", "Nobody Inc"): "error: no stakeholder is called 'Nobody Inc'",
    }
    for args, message in cases.items():
        done = ask(store_uri, *args)
        assert done.returncode == 1, args
        assert message in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
