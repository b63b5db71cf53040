"""The store contract, run against both stores: what one does, the other does identically."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.errors import NotFoundError
from graph.model import (
    Dataset,
    Entity,
    EntityKind,
    Evidence,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Source,
    normalise_name,
)
from graph.store.base import GraphStore, summarise
from ingest.loader import ingest_paths

LONG_QUOTE = ("“따옴표” and ‘quotes’, tabs\tand newlines\n" + "가나다라마바사 " * 400).strip()


def small_dataset() -> Dataset:
    return Dataset(
        sources=[
            Source(id="s1", title="기사 하나", published=date(2026, 1, 29)),
            Source(id="s2", title="Second source", kind="press_release"),
        ],
        entities=[
            Entity(
                id="msit",
                kind=EntityKind.GOVERNMENT_BODY,
                name="Ministry of Science and ICT",
                aliases=["MSIT", "과학기술정보통신부"],
                country="kr",
                attributes={"budget_note": "원", "n": 3},
            ),
            Entity(
                id="ionq",
                kind=EntityKind.COMPANY,
                name="IonQ",
                aliases=["아이온큐"],
                country="US",
                sectors=["quantum computing"],
                lat=38.9,
                lon=-77.0,
            ),
        ],
        relationships=[
            Relationship(
                kind=RelationshipKind.SIGNED_MOU_WITH,
                source="msit",
                target="ionq",
                evidence=[Evidence(source="s1", quote=LONG_QUOTE, locator="line 1")],
            ),
            Relationship(
                kind=RelationshipKind.INVESTS_IN,
                source="ionq",
                target="msit",
                amount=15_000_000,
                currency="usd",
                status=RelationshipStatus.PLANNED,
                since=date(2026, 1, 29),
                evidence=[Evidence(source="s1", quote="invest 15 million US dollars")],
            ),
        ],
    )


def snapshot(store: GraphStore) -> tuple[list[object], list[object], list[object]]:
    return (
        [e.model_dump() for e in store.entities()],
        [r.model_dump() for r in store.relationships()],
        [s.model_dump() for s in store.sources()],
    )


def test_models_round_trip_unchanged(store: GraphStore) -> None:
    dataset = small_dataset()
    store.upsert(dataset)
    entities, relationships, sources = snapshot(store)
    assert entities == [e.model_dump() for e in sorted(dataset.entities, key=lambda e: e.id)]
    assert sorted(relationships, key=str) == sorted((r.model_dump() for r in dataset.relationships), key=str)
    assert sources == [s.model_dump() for s in dataset.sources]
    mou = next(r for r in store.relationships() if r.kind is RelationshipKind.SIGNED_MOU_WITH)
    assert mou.evidence[0].quote == LONG_QUOTE
    assert (mou.source, mou.target) == ("ionq", "msit")  # canonical order of a symmetric kind


def test_upserting_twice_changes_nothing(store: GraphStore) -> None:
    store.upsert(small_dataset())
    first, first_stats = snapshot(store), store.stats()
    store.upsert(small_dataset())
    assert snapshot(store) == first
    assert store.stats() == first_stats


def test_a_corrected_fact_updates_in_place(store: GraphStore) -> None:
    store.upsert(small_dataset())
    corrected = small_dataset()
    corrected.entities[1] = corrected.entities[1].model_copy(
        update={"name": "IonQ Inc.", "lat": None, "lon": None}
    )
    invest = corrected.relationships[1]
    corrected.relationships[1] = invest.model_copy(
        update={
            "status": RelationshipStatus.ACTIVE,
            "note": "confirmed",
            "evidence": [Evidence(source="s1", quote="invest 15 million US dollars", locator="line 28")],
        }
    )
    store.upsert(corrected)
    ionq = store.get_entity("ionq")
    assert ionq is not None and (ionq.name, ionq.lat) == ("IonQ Inc.", None)
    stats = store.stats()
    assert (stats.entities.total, stats.relationships.total, stats.evidence) == (2, 2, 2)
    updated = next(r for r in store.relationships() if r.kind is RelationshipKind.INVESTS_IN)
    assert (updated.status, updated.note) == (RelationshipStatus.ACTIVE, "confirmed")
    assert [(e.quote, e.locator) for e in updated.evidence] == [("invest 15 million US dollars", "line 28")]


def test_a_corrected_kind_moves_the_entity(store: GraphStore) -> None:
    store.upsert(small_dataset())
    moved = Entity(id="ionq", kind=EntityKind.RESEARCH_INSTITUTE, name="IonQ")
    store.upsert(Dataset(entities=[moved]))
    assert store.stats().entities.by_kind == {"GovernmentBody": 1, "ResearchInstitute": 1}


def test_a_second_source_adds_evidence_not_a_relationship(store: GraphStore) -> None:
    store.upsert(small_dataset())
    again = Relationship(
        kind=RelationshipKind.SIGNED_MOU_WITH,
        source="ionq",
        target="msit",
        evidence=[Evidence(source="s2", quote="The ministry signed an MOU with IonQ.")],
    )
    store.upsert(Dataset(relationships=[again]))
    mous = [r for r in store.relationships() if r.kind is RelationshipKind.SIGNED_MOU_WITH]
    assert len(mous) == 1
    assert [e.source for e in mous[0].evidence] == ["s1", "s2"]
    assert store.stats().evidence == 3


def test_evidence_keeps_its_order_when_a_source_is_cited_again(store: GraphStore) -> None:
    store.upsert(small_dataset())
    second = Relationship(
        kind=RelationshipKind.SIGNED_MOU_WITH,
        source="msit",
        target="ionq",
        evidence=[Evidence(source="s2", quote="second", locator="p. 2")],
    )
    store.upsert(Dataset(relationships=[second]))
    again = (
        small_dataset()
        .relationships[0]
        .model_copy(
            update={
                "evidence": [
                    Evidence(source="s1", quote=LONG_QUOTE, locator="line 9", extracted_by="rules 1.0"),
                    Evidence(source="s1", quote="Another sentence of the same source.", locator="line 9"),
                ]
            }
        )
    )
    store.upsert(Dataset(relationships=[again]))
    [mou] = [r for r in store.relationships() if r.kind is RelationshipKind.SIGNED_MOU_WITH]
    assert [(e.source, e.quote, e.locator, e.extracted_by) for e in mou.evidence] == [
        ("s1", LONG_QUOTE, "line 9", "rules 1.0"),
        ("s2", "second", "p. 2", "manual"),
        ("s1", "Another sentence of the same source.", "line 9", "manual"),
    ]


def test_hostile_text_is_data_not_query(store: GraphStore) -> None:
    hostile = "x'}) DETACH DELETE n; DROP TABLE entities; --\\"
    entity = Entity(id="hostile", kind=EntityKind.COMPANY, name=hostile, aliases=[hostile + '"'])
    store.upsert(small_dataset())
    store.upsert(Dataset(entities=[entity]))
    assert store.get_entity("hostile") == entity
    assert store.stats().entities.total == 3
    assert store.lookup_names([normalise_name(hostile)]) == {normalise_name(hostile): {"hostile"}}


def test_a_new_date_is_a_new_fact(store: GraphStore) -> None:
    store.upsert(small_dataset())
    later = small_dataset().relationships[1].model_copy(update={"since": date(2027, 1, 1)})
    store.upsert(Dataset(relationships=[later]))
    assert store.stats().relationships.by_kind["INVESTS_IN"] == 2


def test_dangling_references_write_nothing(store: GraphStore) -> None:
    store.upsert(small_dataset())
    before = snapshot(store)
    bad = Dataset(
        entities=[Entity(id="new-co", kind=EntityKind.COMPANY, name="New Co")],
        relationships=[
            Relationship(
                kind=RelationshipKind.PARTNERS_WITH,
                source="new-co",
                target="nobody",
                evidence=[Evidence(source="s1", quote="x")],
            ),
            Relationship(
                kind=RelationshipKind.PARTNERS_WITH,
                source="new-co",
                target="ionq",
                evidence=[Evidence(source="missing-source", quote="x")],
            ),
        ],
    )
    with pytest.raises(NotFoundError, match=r"unknown entities: nobody; unknown sources: missing-source"):
        store.upsert(bad)
    assert snapshot(store) == before


def test_lookup_names_finds_ids_names_and_korean_aliases(store: GraphStore) -> None:
    store.upsert(small_dataset())
    wanted = [normalise_name(n) for n in ("과학기술정보통신부", "msit", "IONQ", "ionq", "nobody")]
    assert store.lookup_names(wanted) == {
        "과학기술정보통신부": {"msit"},
        "msit": {"msit"},
        "ionq": {"ionq"},
    }
    assert store.existing_entity_ids(["ionq", "nobody"]) == {"ionq"}
    assert store.existing_source_ids(["s2", "s9"]) == {"s2"}


def test_clear_empties_the_store(store: GraphStore) -> None:
    store.upsert(small_dataset())
    store.clear()
    stats = store.stats()
    assert (stats.entities.total, stats.relationships.total, stats.sources, stats.evidence) == (0, 0, 0, 0)
    assert store.get_entity("ionq") is None


def test_seed_counts(store: GraphStore, seed_dir: Path) -> None:
    report = ingest_paths(store, [seed_dir])
    assert report.problems == []
    stats = store.stats()
    assert stats.relationships.without_evidence == 0
    assert stats.sources == 1
    assert stats.entities.total == 19
    assert stats.relationships.total == 29
    assert stats.entities.by_kind["Cluster"] == 5
    assert stats.relationships.by_kind["MEMBER_OF"] == 3


def test_tie_summaries_are_the_relationships_less_their_text(store: GraphStore) -> None:
    dataset = small_dataset()
    mou = dataset.relationships[0]
    store.upsert(Dataset(sources=dataset.sources, entities=dataset.entities, relationships=[mou]))
    more = [Evidence(source="s2", quote="again"), Evidence(source="s1", quote="b")]
    cited_again = mou.model_copy(update={"evidence": more})  # a stored tie, cited anew
    store.upsert(Dataset(relationships=[cited_again, *dataset.relationships[1:]]))
    published = {s.id: s.published for s in store.sources() if s.published}
    summaries = list(store.tie_summaries())
    assert summaries == [summarise(rel, published) for rel in store.relationships()]
    by_kind = {summary.kind: summary for summary in summaries}
    assert by_kind[RelationshipKind.SIGNED_MOU_WITH].cited == ("s1", "s2")  # each source once, in order
    assert by_kind[RelationshipKind.SIGNED_MOU_WITH].first_reported == date(2026, 1, 29)  # s1's date
    invests = by_kind[RelationshipKind.INVESTS_IN]
    assert (invests.source, invests.target, invests.status) == ("ionq", "msit", RelationshipStatus.PLANNED)
    day = date(2026, 1, 29)
    assert (invests.since, invests.first_reported, invests.until) == (day, day, None)


def test_ties_without_evidence_are_counted(store: GraphStore) -> None:
    store.upsert(small_dataset())
    before = store.stats().relationships
    assert before.without_evidence == 0
    bare = Relationship(kind=RelationshipKind.PARTNERS_WITH, source="ionq", target="msit")
    store.upsert(Dataset(relationships=[bare]))
    stats = store.stats()
    assert (stats.relationships.total, stats.relationships.without_evidence) == (before.total + 1, 1)
    store.upsert(
        Dataset(relationships=[bare.model_copy(update={"evidence": [Evidence(source="s2", quote="Q")]})])
    )
    assert store.stats().relationships.without_evidence == 0


def test_a_redated_source_redates_the_undated_ties_citing_it(store: GraphStore) -> None:
    dataset = small_dataset()  # the MOU is undated: it began when s1 reported it
    store.upsert(dataset)

    def first_reported() -> dict[RelationshipKind, date | None]:
        published = {s.id: s.published for s in store.sources() if s.published}
        summaries = list(store.tie_summaries())
        assert summaries == [summarise(rel, published) for rel in store.relationships()]
        return {summary.kind: summary.first_reported for summary in summaries}

    assert first_reported() == {RelationshipKind.SIGNED_MOU_WITH: date(2026, 1, 29),
                                RelationshipKind.INVESTS_IN: date(2026, 1, 29)}  # fmt: skip
    earlier = dataset.sources[0].model_copy(update={"published": date(2025, 6, 1)})
    store.upsert(Dataset(sources=[earlier]))  # the source alone, corrected
    assert first_reported() == {
        RelationshipKind.SIGNED_MOU_WITH: date(2025, 6, 1),
        RelationshipKind.INVESTS_IN: date(2026, 1, 29),
    }  # its own since stays
    later = dataset.sources[0].model_copy(update={"published": date(2026, 3, 1)})
    store.upsert(Dataset(sources=[later]))  # a later date too, not only an earlier one
    assert first_reported()[RelationshipKind.SIGNED_MOU_WITH] == date(2026, 3, 1)
    undated = dataset.sources[0].model_copy(update={"published": None})
    store.upsert(Dataset(sources=[undated]))
    assert first_reported()[RelationshipKind.SIGNED_MOU_WITH] is None
    months = {(row.month, row.kind): row.ties for row in store.tie_months()}
    assert months[(None, RelationshipKind.SIGNED_MOU_WITH)] == 1
    before = snapshot(store)
    store.upsert(Dataset(sources=[undated]))  # the same again changes nothing
    assert snapshot(store) == before
