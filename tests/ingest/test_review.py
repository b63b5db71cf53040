"""Reviewing a proposal: decisions by flag or by prompt, recorded in the file; only what a person
accepted reaches the store, through the same checks and report as `ckg ingest`; on both stores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import BadInputError
from graph.model import EntityStatus, RelationshipKind
from graph.store.base import GraphStore
from ingest.extract.driver import extract_article
from ingest.extract.proposal import Proposal, read, write
from ingest.loader import ingest_dataset, ingest_paths
from ingest.review import accepted_data, decide, settle

ROOT = Path(__file__).parents[2]
SEED_ARTICLE = ROOT / "data" / "sources" / "2026-01-29-korea-quantum-strategy.txt"
CKG = str(Path(sys.executable).with_name("ckg"))


def ckg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CKG, *args], capture_output=True, text=True, input=stdin, timeout=300, check=False)


def item_for(proposal: Proposal, kind: str, source: str, target: str) -> str:
    for item in proposal.meta.items:
        if item.relationship is not None:
            rel = proposal.dataset.relationships[item.relationship]
            if (rel.kind.value, rel.source, rel.target) == (kind, source, target):
                return item.id
    raise AssertionError((kind, source, target))


@pytest.fixture
def proposal(store: GraphStore) -> Proposal:
    return extract_article(store, SEED_ARTICLE)


def test_flags_decide_in_order(proposal: Proposal) -> None:
    mou = item_for(proposal, "SIGNED_MOU_WITH", "ionq", "ministry-of-science-and-ict")
    decide(proposal, accept_all=True, reject=[mou])
    assert proposal.item(mou).status == "rejected"
    assert all(i.status == "accepted" for i in proposal.meta.items if i.id != mou)
    with pytest.raises(BadInputError, match=r"no item 'r99' in this proposal"):
        decide(proposal, accept=["r99"])


def test_min_confidence_decides_ties_and_their_entities_follow(proposal: Proposal) -> None:
    decide(proposal, min_confidence=0.8)
    ties = [i for i in proposal.meta.items if i.relationship is not None]
    assert {i.status for i in ties if i.confidence >= 0.8} == {"accepted"}
    assert {i.status for i in ties if i.confidence < 0.8} == {"rejected"}
    needed = {
        end
        for i in ties
        if i.status == "accepted" and i.relationship is not None
        for end in (
            proposal.dataset.relationships[i.relationship].source,
            proposal.dataset.relationships[i.relationship].target,
        )
    }
    for item in proposal.meta.items:
        if item.entity is not None:
            expected = "accepted" if item.confidence >= 0.8 or item.entity in needed else "rejected"
            assert item.status == expected, item
    settle(proposal)  # nothing accepted needs anything rejected


def test_an_accepted_tie_brings_its_new_entities_and_a_rejected_one_blocks_it(proposal: Proposal) -> None:
    mou = item_for(proposal, "SIGNED_MOU_WITH", "ionq", "ministry-of-science-and-ict")
    decide(proposal, accept=[mou])
    settle(proposal)
    data = accepted_data(proposal)
    assert sorted(e["id"] for e in data["entities"]) == ["ionq", "ministry-of-science-and-ict"]
    assert all(
        e["status"] == EntityStatus.ACTIVE.value for e in data["entities"]
    )  # accepted, no longer proposed
    assert [s["id"] for s in data["sources"]] == [proposal.dataset.sources[0].id]
    ionq = next(i.id for i in proposal.meta.items if i.entity == "ionq")
    decide(proposal, reject=[ionq])
    with pytest.raises(BadInputError, match=rf"needs {ionq} \(Company IonQ\), which is rejected"):
        settle(proposal)


def test_accepted_items_load_with_the_usual_report(store: GraphStore, proposal: Proposal) -> None:
    decide(proposal, accept_all=True)
    settle(proposal)
    report = ingest_dataset(store, "p.yaml", accepted_data(proposal))
    assert report.problems == []
    assert report.totals()["created"] == {"sources": 1, "entities": 19, "relationships": 29}
    stats = store.stats()
    assert (stats.entities.total, stats.relationships.total, stats.relationships.without_evidence) == (
        19,
        29,
        0,
    )
    again = ingest_dataset(store, "p.yaml", accepted_data(proposal))
    assert again.totals()["unchanged"] == {"sources": 1, "entities": 19, "relationships": 29}


def test_accepting_what_the_store_has_adds_evidence(store: GraphStore, seed_dir: Path) -> None:
    ingest_paths(store, [seed_dir])
    before = store.stats()
    proposal = extract_article(store, SEED_ARTICLE)
    held = [i.id for i in proposal.meta.items if i.in_store]
    # the named parties, and what the seed holds under the name the extractor gives it (the five
    # clusters, the joint research center), are the store's, so 15 of the 29 ties are held; the
    # plan, the consultative body and the budgets the seed names differently are proposed anew,
    # for a reviewer to reject or to edit onto the store's ids
    assert len(held) == 15
    decide(proposal, accept=held)
    settle(proposal)
    report = ingest_dataset(store, "p.yaml", accepted_data(proposal))
    assert report.problems == []
    after = store.stats()
    assert (after.entities.total, after.relationships.total) == (
        before.entities.total,
        before.relationships.total,
    )
    assert after.sources == 2 and after.evidence > before.evidence
    mou = next(r for r in store.relationships() if r.kind is RelationshipKind.SIGNED_MOU_WITH)
    assert [e.extracted_by for e in mou.evidence] == ["manual", "ckg-rules 1.0"]


def test_ckg_review_by_flags_records_decisions_and_loads(
    store_uri: str, store: GraphStore, tmp_path: Path
) -> None:
    path = tmp_path / "p.yaml"
    write(extract_article(store, SEED_ARTICLE), path)
    refused = ckg("--store", store_uri, "review", str(path))  # stdin is not a terminal
    assert refused.returncode == 2 and "--accept-all" in refused.stderr
    dry = ckg("--store", store_uri, "review", str(path), "--min-confidence", "0.8", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["loaded"] is False
    assert store.stats().relationships.total == 0 and {i.status for i in read(path).meta.items} == {"pending"}
    done = ckg("--store", store_uri, "review", str(path), "--min-confidence", "0.8", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    sure = sum(1 for i in read(path).meta.items if i.relationship is not None and i.confidence >= 0.8)
    assert result["loaded"] is True
    assert result["report"]["created"]["relationships"] == sure == store.stats().relationships.total
    assert result["items"]["pending"] == 0


def test_ckg_review_interactively(store_uri: str, store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    proposal = extract_article(store, SEED_ARTICLE)
    write(proposal, path)
    items = [i.id for i in proposal.meta.items]
    # e1 (the ministry): edit its name and add an alias; e2: reject; e3: accept; r1.. skip; then quit
    answers = [
        "e",
        "Ministry of Science and ICT (MSIT)",
        "GovernmentBody",
        "msit",
        "MSIT; 과학기술정보통신부",
        "r",
        "a",
    ]
    answers += ["s"] * (len(items) - 4) + ["q"]
    result = ckg("--store", store_uri, "review", str(path), "--interactive", stdin="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    reviewed = read(path)
    assert [reviewed.item(i).status for i in items[:3]] == ["accepted", "rejected", "accepted"]
    ministry = next(e for e in reviewed.dataset.entities if e.id == "msit")
    assert (ministry.name, ministry.aliases) == (
        "Ministry of Science and ICT (MSIT)",
        ["MSIT", "과학기술정보통신부"],
    )
    assert not any(
        "ministry-of-science-and-ict" in (r.source, r.target) for r in reviewed.dataset.relationships
    )
    loaded = {e.id for e in store.entities()}
    assert loaded == {"msit", reviewed.item(items[2]).entity}
