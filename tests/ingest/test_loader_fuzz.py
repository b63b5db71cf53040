"""Hostile text through the loader, on both stores (Hypothesis): names, aliases, descriptions,
titles, notes and quotes holding Cypher, SQL, HTML, script, markup, control characters, quotes,
backslashes and very long text are stored as given (read back equal to what the model
validated), found again by name and alias, walked in paths with their names and quotes intact,
and change the store's counts by exactly the rows of the document, nothing else."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.analysis.store_paths import find_paths_in_store
from graph.errors import AmbiguousError
from graph.lookup import resolve_entity
from graph.model import Entity, Relationship, Source, normalise_name
from graph.store.base import GraphStore
from graph.store.neo4j import Neo4jStore
from graph.store.path_query import PathQuery
from ingest.loader import ingest_dataset
from tests.hostile import any_text, hostile_text, non_blank

_numbers = itertools.count()


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """One data document of two entities, a source and a tie between them, every text hostile;
    its ids are fresh, so the documents of one run add up in one store."""
    n = next(_numbers)
    source = f"fuzz-source-{n}"
    quotes = draw(st.lists(non_blank(any_text), min_size=1, max_size=2, unique_by=str.strip))
    return {
        "sources": [
            {
                "id": source,
                "title": draw(non_blank(any_text)),
                "publisher": draw(st.none() | hostile_text),
                "local_copy": draw(st.none() | hostile_text),
            }
        ],
        "entities": [
            {
                "id": f"fuzz-{n}-{end}",
                "kind": "Company",
                "name": draw(non_blank(any_text)),
                "aliases": draw(st.lists(non_blank(hostile_text), max_size=3)),
                "region": draw(st.none() | hostile_text),
                "description": draw(st.none() | any_text),
                "attributes": {"note": draw(hostile_text), "list": draw(st.lists(hostile_text, max_size=2))},
            }
            for end in ("a", "b")
        ],
        "relationships": [
            {
                "kind": "FUNDS",
                "source": f"fuzz-{n}-a",
                "target": f"fuzz-{n}-b",
                "note": draw(st.none() | any_text),
                "evidence": [
                    {"source": source, "quote": quote, "locator": draw(st.none() | hostile_text)}
                    for quote in quotes
                ],
            }
        ],
    }


def _counts(store: GraphStore) -> tuple[int, int, int, int]:
    stats = store.stats()
    return stats.entities.total, stats.relationships.total, stats.sources, stats.evidence


def check_document(store: GraphStore, data: dict[str, Any]) -> None:
    expected_source = Source.model_validate(data["sources"][0])
    a, b = (Entity.model_validate(item) for item in data["entities"])
    tie = Relationship.model_validate(data["relationships"][0])
    before = _counts(store)

    report = ingest_dataset(store, "fuzz.json", data)

    assert report.problems == [], report.problems
    # stored as given: what comes back is what the model validated, character for character
    assert store.get_entity(a.id) == a and store.get_entity(b.id) == b
    assert store.sources_by_ids([expected_source.id]) == {expected_source.id: expected_source}
    assert store.relationships_by_keys([tie.key]) == {tie.key: tie}
    # only the intended rows: two entities, one source, one tie and its evidence
    assert _counts(store) == tuple(map(sum, zip(before, (2, 1, 1, len(tie.evidence)), strict=True)))
    # found by every name it has, as a user would type it
    for entity in (a, b):
        for name in entity.names():
            key = normalise_name(name)
            found = store.lookup_names([key]).get(key, set())
            assert entity.id in found, name
            if found == {entity.id} or name == entity.id:
                assert resolve_entity(store, name) == entity.id
            else:  # another entity answers to the same name: the search says which
                with pytest.raises(AmbiguousError, match=entity.id):
                    resolve_entity(store, name)
    # a path between them, with the names and the quotes as stored
    assert store.shortest_paths(a.id, b.id, PathQuery()) == [[a.id, b.id]]
    answer = find_paths_in_store(store, a.id, b.id, PathQuery())
    [path] = answer.paths
    assert path.names == [a.name, b.name]
    assert [ref.quote for ref in path.hops[0].evidence] == [e.quote for e in tie.evidence]


def test_hostile_text_is_stored_found_and_walked_as_given(store: GraphStore) -> None:
    @given(data=documents())
    @settings(max_examples=10 if isinstance(store, Neo4jStore) else 40, deadline=None)
    def check(data: dict[str, Any]) -> None:
        check_document(store, data)

    check()


@pytest.mark.parametrize(
    "text",
    ["'}) MATCH (n) DETACH DELETE n //", "Robert'); DROP TABLE entities; --", "\x00\x1b[2J", "x" * 100_000],
)
def test_known_hostile_names_are_stored_found_and_walked_as_given(store: GraphStore, text: str) -> None:
    n = next(_numbers)
    data = {
        "sources": [{"id": f"fuzz-source-{n}", "title": text}],
        "entities": [
            {"id": f"fuzz-{n}-{end}", "kind": "Company", "name": f"{text} {end}", "aliases": [text + end]}
            for end in ("a", "b")
        ],
        "relationships": [
            {
                "kind": "FUNDS",
                "source": f"fuzz-{n}-a",
                "target": f"fuzz-{n}-b",
                "note": text,
                "evidence": [{"source": f"fuzz-source-{n}", "quote": text}],
            }
        ],
    }
    check_document(store, data)
