"""The stores' bounded views for the app on a large graph, on both stores: a name search, the
best connected stakeholders under tie filters, the ties among a set of stakeholders, and the
counts of stakeholders by place and of ties by month, each equal to the answer worked out from
the whole dataset."""

from __future__ import annotations

import math
import random
from collections import Counter
from datetime import date

import pytest

from graph.analysis.projection import GraphFilter, build_projection
from graph.model import (
    Dataset,
    Entity,
    EntityKind,
    EntityStatus,
    RelationshipKind,
    RelationshipStatus,
    normalise_name,
)
from graph.store.base import GraphStore, summarise
from graph.store.path_query import PathQuery
from graph.synthetic import generate

QUERIES = [
    PathQuery(),
    PathQuery(include_ended=False),
    PathQuery(kinds=frozenset({RelationshipKind.PARTNERS_WITH, RelationshipKind.MEMBER_OF})),
    PathQuery(as_of=date(2019, 6, 1)),
]


@pytest.fixture
def dataset(store: GraphStore) -> Dataset:
    loaded = generate(300, seed=7)
    store.upsert(loaded)
    return loaded


def _search(entities: list[Entity], text: str, limit: int) -> list[str]:
    """What a store's search must answer, from the entities themselves."""
    wanted = normalise_name(text)
    keyed = []
    for entity in entities:
        names = sorted({normalise_name(name) for name in entity.names()})
        starts = [name for name in names if name.startswith(wanted)]
        containing = [name for name in names if wanted in name]
        if containing:
            keyed.append((not starts, (starts or containing)[0], entity.id))
    return [entity_id for *_, entity_id in sorted(keyed)[:limit]]


@pytest.mark.parametrize(
    "text", ["company", "Company 1", "cluster-1", "seoul", "  SEOUL  ", "9", "nobody-at-all"]
)
def test_search_finds_names_aliases_and_ids_prefixes_first(
    store: GraphStore, dataset: Dataset, text: str
) -> None:
    for limit in (1, 5, 40):
        found = store.search_entities(text, limit)
        assert [names.id for names in found] == _search(dataset.entities, text, limit), limit
    by_id = {entity.id: entity for entity in dataset.entities}
    for names in store.search_entities(text, 5):
        assert names.names == [by_id[names.id].name, *by_id[names.id].aliases]
        assert names.kind is by_id[names.id].kind


def test_search_of_nothing_finds_nothing(store: GraphStore, dataset: Dataset) -> None:
    assert store.search_entities("   ", 10) == []
    assert store.search_entities("company", 0) == []


def test_search_finds_a_korean_alias(store: GraphStore) -> None:
    store.upsert(
        Dataset(
            entities=[
                Entity(id="kaist", kind=EntityKind.UNIVERSITY, name="KAIST", aliases=["한국과학기술원"]),
                Entity(
                    id="snu",
                    kind=EntityKind.UNIVERSITY,
                    name="Seoul National University",
                    aliases=["서울대학교"],
                ),
            ]
        )
    )
    assert [names.id for names in store.search_entities("과학기술", 10)] == ["kaist"]
    assert [names.id for names in store.search_entities("서울대", 10)] == ["snu"]


@pytest.mark.parametrize("query", QUERIES, ids=["all", "no-ended", "kinds", "as-of"])
def test_best_connected_counts_usable_ties(store: GraphStore, dataset: Dataset, query: PathQuery) -> None:
    view = GraphFilter(relationship_kinds=query.kinds, include_ended=query.include_ended, as_of=query.as_of)
    projection = build_projection(dataset.entities, dataset.relationships, dataset.sources, view)
    ties = Counter[str]()
    for rel in projection.relationships.values():
        ties[rel.source] += 1
        ties[rel.target] += 1
    ranked = sorted(ties.items(), key=lambda item: (-item[1], item[0]))
    assert store.best_connected(25, query) == ranked[:25]
    companies = frozenset({EntityKind.COMPANY})
    kinds = {entity.id: entity.kind for entity in dataset.entities}
    wanted = [item for item in ranked if kinds[item[0]] is EntityKind.COMPANY][:10]
    assert store.best_connected(10, query, companies) == wanted
    top = ranked[0][0]
    left_out = query.model_copy(update={"exclude": frozenset({top})})
    assert store.best_connected(5, left_out) == [item for item in ranked if item[0] != top][:5]


def test_ties_among_a_set_of_stakeholders(store: GraphStore, dataset: Dataset) -> None:
    ids = set(random.Random(3).sample(sorted(entity.id for entity in dataset.entities), 120))
    wanted = sorted(
        (rel for rel in dataset.relationships if rel.source in ids and rel.target in ids), key=lambda r: r.key
    )
    found = store.ties_among(ids)
    assert [rel.key for rel in found] == [rel.key for rel in wanted] and found
    by_key = {rel.key: rel for rel in wanted}
    assert all(rel.evidence == by_key[rel.key].evidence for rel in found)
    assert store.ties_among([]) == []


def test_data_health_counts_what_the_whole_dataset_shows(store: GraphStore) -> None:
    loaded = generate(300, seed=7)
    lonely = [
        Entity(id="zz-lonely", kind=EntityKind.COMPANY, name="Aardvark Quantum"),
        Entity(
            id="zz-proposed", kind=EntityKind.COMPANY, name="Proposed Optics", status=EntityStatus.PROPOSED
        ),
    ]
    loaded = loaded.model_copy(update={"entities": [*loaded.entities, *lonely]})
    store.upsert(loaded)
    whole = build_projection(loaded.entities, loaded.relationships, loaded.sources)
    tied = {end for rel in loaded.relationships for end in (rel.source, rel.target)}
    unconnected = sorted((e.name, e.id) for e in loaded.entities if e.id not in tied)
    proposed = sorted((e.name, e.id) for e in loaded.entities if e.status is EntityStatus.PROPOSED)
    newest = sorted(
        loaded.relationships, key=lambda rel: (whole.first_reported(rel) or date.min, rel.key), reverse=True
    )

    health = store.data_health(newest=7, names=3)

    assert [rel.key for rel in health.newest] == [rel.key for rel in newest[:7]]
    stored = store.relationships_by_keys(rel.key for rel in health.newest)
    assert all(rel.evidence == stored[rel.key].evidence and rel.evidence for rel in health.newest)
    one_source = [rel for rel in loaded.relationships if len({e.source for e in rel.evidence}) == 1]
    assert 0 < health.one_source == len(one_source) < len(loaded.relationships)
    assert health.unconnected == len(unconnected) >= 1
    assert health.unconnected_names == [name for name, _ in unconnected[:3]]
    assert health.proposed == len(proposed) >= 1
    assert health.proposed_names == [name for name, _ in proposed[:3]]


def _placed(dataset: Dataset) -> Dataset:
    """``dataset`` with coordinates on some of its stakeholders: south and west of zero, on a
    cell's edge and just inside one, so the cells are tested where rounding would differ."""
    spots = [(-37.81, 144.96), (12.3, -0.05), (37.5665, 126.978), (0.0, -180.0), (37.56, 126.97)]
    entities = [
        entity.model_copy(update={"lat": spots[n % len(spots)][0], "lon": spots[n % len(spots)][1]})
        if n % 3 == 0
        else entity
        for n, entity in enumerate(dataset.entities)
    ]
    return dataset.model_copy(update={"entities": entities})


def test_place_counts_count_every_stakeholder_by_kind_and_place(store: GraphStore) -> None:
    dataset = _placed(generate(300, seed=8))
    store.upsert(dataset)

    def cell(value: float | None) -> int | None:
        return None if value is None else math.floor(value * 10)

    wanted = Counter((e.kind, e.country, e.region, cell(e.lat), cell(e.lon)) for e in dataset.entities)
    found = store.place_counts()
    assert {row[:5]: row.entities for row in found} == dict(wanted)
    assert sum(row.entities for row in found) == len(dataset.entities)
    cells = {(row.cell_lat, row.cell_lon) for row in found}
    assert {
        (-379, 1449),
        (123, -1),
        (375, 1269),
        (0, -1800),
    } <= cells  # (37.5665, 126.978) and (37.56, 126.97) share one


def test_tie_months_count_every_tie_by_first_report(store: GraphStore, dataset: Dataset) -> None:
    published = {source.id: source.published for source in dataset.sources if source.published}
    months: Counter[tuple[str | None, RelationshipKind, RelationshipStatus]] = Counter()
    for rel in dataset.relationships:
        began = summarise(rel, published).first_reported
        months[(began.isoformat()[:7] if began else None, rel.kind, rel.status)] += 1
    found = store.tie_months()
    assert {row[:3]: row.ties for row in found} == dict(months)
    assert sum(row.ties for row in found) == len(dataset.relationships)
    assert found[0].month is None or all(row.month is not None for row in found)  # the undated first
