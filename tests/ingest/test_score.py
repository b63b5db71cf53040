"""Scoring proposals against hand-checked answers: how entities are matched (by name, else by their
ties), what counts as a correct relationship, and `ckg score` on the seed and on the test articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graph.model import Dataset, Entity, EntityKind, Relationship, RelationshipKind
from ingest.extract.proposal import Item, Matched, Proposal, ProposalMeta, write
from ingest.score import Counts, score

ROOT = Path(__file__).parents[2]
CKG = str(Path(sys.executable).with_name("ckg"))
ARTICLES = Path(__file__).parent / "articles"


def tie(kind: str, source: str, target: str, amount: float | None = None) -> Relationship:
    currency = "USD" if amount else None
    return Relationship.model_validate(
        {"kind": kind, "source": source, "target": target, "amount": amount, "currency": currency}
    )


def proposal_of(entities: list[Entity], relationships: list[Relationship], **meta: object) -> Proposal:
    items = [
        Item(id=f"e{n}", entity=e.id, summary=e.name, confidence=0.8, rule="r")
        for n, e in enumerate(entities)
    ]
    items += [
        Item(id=f"r{n}", relationship=n, key=r.key, summary="", confidence=0.6 + n / 10, rule="r")
        for n, r in enumerate(relationships)
    ]
    return Proposal(
        dataset=Dataset(entities=entities, relationships=relationships),
        meta=ProposalMeta(extractor="x", article="a", published="page", items=items, **meta),
    )


ANSWER = Dataset(
    entities=[
        Entity(id="ionq", kind=EntityKind.COMPANY, name="IonQ", aliases=["아이온큐"]),
        Entity(
            id="msit", kind=EntityKind.GOVERNMENT_BODY, name="Ministry of Science and ICT", aliases=["MSIT"]
        ),
        Entity(id="lab", kind=EntityKind.RESEARCH_INSTITUTE, name="IonQ's Korean lab"),
        Entity(id="seoul", kind=EntityKind.PLACE, name="Seoul"),
    ],
    relationships=[
        tie("SIGNED_MOU_WITH", "ionq", "msit"),
        tie("ESTABLISHES", "ionq", "lab"),
        tie("LOCATED_IN", "lab", "seoul"),
        tie("INVESTS_IN", "ionq", "seoul", 15e6),
    ],
)


def test_names_ties_and_symmetric_ends() -> None:
    proposal = proposal_of(
        [
            Entity(id="p-ionq", kind=EntityKind.COMPANY, name="아이온큐"),  # an alias is a name
            Entity(
                id="center", kind=EntityKind.RESEARCH_INSTITUTE, name="IonQ joint research center in Seoul"
            ),
            Entity(id="seoul", kind=EntityKind.PLACE, name="Seoul"),
        ],
        [
            tie("SIGNED_MOU_WITH", "msit", "p-ionq"),  # the other order of a symmetric tie
            tie("ESTABLISHES", "p-ionq", "center"),  # the unnamed center matches the lab by this tie
            tie("LOCATED_IN", "center", "seoul"),
            tie("LOCATED_IN", "p-ionq", "seoul"),  # not in the answer
        ],
        matched=[Matched(id="msit", kind=EntityKind.GOVERNMENT_BODY, name="MSIT", mention="the ministry")],
    )
    result = score(proposal, ANSWER)
    assert result.relationships == Counts(3, 4, 4)
    assert (result.matched_by_name, result.matched_by_structure) == (3, 1)
    assert result.entities == Counts(4, 4, 4)
    assert result.wrong == ["LOCATED_IN p-ionq -> seoul"]
    assert result.missed == ["INVESTS_IN ionq -> seoul"]
    assert result.by_kind["SIGNED_MOU_WITH"] == Counts(1, 1, 1)


def test_a_wrong_kind_or_end_is_wrong_and_structure_needs_the_same_kind() -> None:
    proposal = proposal_of(
        [
            Entity(id="ionq", kind=EntityKind.COMPANY, name="IonQ"),
            Entity(id="thing", kind=EntityKind.PROGRAMME, name="IonQ programme"),  # not a research institute
        ],
        [tie("PARTNERS_WITH", "ionq", "msit"), tie("ESTABLISHES", "ionq", "thing")],
    )
    result = score(proposal, ANSWER)
    assert (result.relationships.correct, result.matched_by_structure) == (0, 0)
    assert Counts(0, 0, 0).precision == 1.0 and Counts(0, 0, 3).recall == 0.0


def test_rejected_and_unsure_items_are_not_scored() -> None:
    proposal = proposal_of(
        [
            Entity(id="ionq", kind=EntityKind.COMPANY, name="IonQ"),
            Entity(id="msit", kind=EntityKind.GOVERNMENT_BODY, name="MSIT"),
        ],
        [tie("SIGNED_MOU_WITH", "ionq", "msit"), tie("LEADS", "ionq", "msit")],
    )
    assert score(proposal, ANSWER).relationships == Counts(1, 2, 4)
    assert score(proposal, ANSWER, min_confidence=0.65).relationships == Counts(0, 1, 4)  # r0 is 0.6 sure
    proposal.item("r1").status = "rejected"
    assert score(proposal, ANSWER).relationships == Counts(1, 1, 4)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CKG, *args], capture_output=True, text=True, timeout=600, check=False)


def test_ckg_score_the_seed_article_against_the_seed(tmp_path: Path) -> None:
    empty = "sqlite:///:memory:"  # an empty store: nothing is matched, everything is proposed
    made = run(
        "--store",
        empty,
        "extract",
        str(ROOT / "data/sources/2026-01-29-korea-quantum-strategy.txt"),
        "-o",
        str(tmp_path / "p.yaml"),
    )
    assert made.returncode == 0, made.stderr
    scored = run(
        "score", str(tmp_path / "p.yaml"), "--answer", str(ROOT / "data/seed/korea-quantum.yaml"), "--json"
    )
    assert scored.returncode == 0, scored.stderr
    total = json.loads(scored.stdout)["total"]
    assert (total["relationships"]["precision"], total["relationships"]["recall"]) == (1.0, 1.0)
    assert total["relationships"]["correct"] == 29
    text = run("score", str(tmp_path / "p.yaml"), "--answer", str(ROOT / "data/seed/korea-quantum.yaml"))
    assert "29/29/29" in text.stdout and "SIGNED_MOU_WITH" in text.stdout


def test_ckg_score_articles_folder(tmp_path: Path) -> None:
    """The development articles with their answers, from an empty store: the numbers the README
    reports (a regression guard: they were written or tuned against; see articles/README.md)."""
    empty = "sqlite:///:memory:"
    result = run("--store", empty, "score", "--articles", str(ARTICLES / "dev"), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 21
    total = data["total"]["relationships"]
    assert total["precision"] >= 0.95 and total["recall"] >= 0.8, total
    usage = run("score")
    assert usage.returncode == 2 and "--articles FOLDER" in usage.stderr


def test_ckg_score_a_reviewed_proposal_counts_what_was_kept(tmp_path: Path) -> None:
    proposal = proposal_of(
        [
            Entity(id="ionq", kind=EntityKind.COMPANY, name="IonQ"),
            Entity(id="msit", kind=EntityKind.GOVERNMENT_BODY, name="MSIT"),
        ],
        [tie("SIGNED_MOU_WITH", "ionq", "msit"), tie("LEADS", "ionq", "msit")],
    )
    proposal.item("r1").status = "rejected"
    write(proposal, tmp_path / "p.yaml")
    (tmp_path / "answer.yaml").write_text(
        "entities: [{id: ionq, kind: Company, name: IonQ}, {id: msit, kind: GovernmentBody, name: MSIT}]\n"
        "relationships: [{kind: SIGNED_MOU_WITH, source: ionq, target: msit}]\n",
        encoding="utf-8",
    )
    result = run("score", str(tmp_path / "p.yaml"), "--answer", str(tmp_path / "answer.yaml"), "--json")
    assert json.loads(result.stdout)["total"]["relationships"]["precision"] == 1.0
    assert RelationshipKind.SIGNED_MOU_WITH.symmetric
