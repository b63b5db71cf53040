"""Several users of one store at once, on both stores, each with its own connection as separate
`ckg` processes have: two ingests of overlapping files started together end as if one had run
after the other; a reader looping over counts and paths while an ingest writes never fails and
sees the graph as it was before the ingest or as it is after (SQLite); and on SQLite a
write waits for another connection's write rather than failing with "database is locked".

On Neo4j, whose reads are read-committed, a reader may see part of a transaction while it
commits (its sources before its entities, say); there the reader's counts are checked to lie
between the two states instead."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from graph.model import Dataset, Entity, Evidence, Relationship, Source
from graph.store import open_store
from graph.store.base import GraphStore
from graph.store.neo4j import Neo4jStore
from graph.store.path_query import PathQuery
from graph.store.sqlite import SqliteStore
from graph.synthetic import generate
from ingest.loader import ingest_paths
from tests.graph.store.content import content_digest

OVERLAPPING = 300
"""Entities in the two overlapping files together; each file stays one transaction on Neo4j."""


def _write(
    path: Path, sources: list[Source], entities: list[Entity], relationships: list[Relationship]
) -> Path:
    dataset = Dataset.model_construct(sources=sources, entities=entities, relationships=relationships)
    path.write_text(json.dumps(dataset.model_dump(mode="json", exclude_none=True)), encoding="utf-8")
    return path


def overlapping_files(folder: Path) -> tuple[Path, Path]:
    """Two files sharing a third of their entities and the ties among them. Where they overlap
    they disagree in a way that shows the order they were applied in: each gives its own
    description of a shared entity (the later wins) and adds its own quote to a shared tie
    (the quotes keep their order of arrival)."""
    dataset = generate(OVERLAPPING, seed=5)
    ids = [entity.id for entity in dataset.entities]
    third = len(ids) // 3
    in_a, in_b = set(ids[: 2 * third]), set(ids[third:])
    shared = in_a & in_b

    def part(name: str, keep: set[str]) -> Path:
        entities = [
            e.model_copy(update={"description": f"as file {name} has it"}) if e.id in shared else e
            for e in dataset.entities
            if e.id in keep
        ]
        relationships = []
        for rel in dataset.relationships:
            if rel.source in keep and rel.target in keep:
                if rel.source in shared and rel.target in shared:
                    said = Evidence(source=rel.evidence[0].source, quote=f"File {name} says so too.")
                    rel = rel.model_copy(update={"evidence": [*rel.evidence, said]})
                relationships.append(rel)
        return _write(folder / f"{name}.json", list(dataset.sources), entities, relationships)

    folder.mkdir(parents=True, exist_ok=True)
    return part("a", in_a), part("b", in_b)


def _in_threads(*work: Callable[[], object]) -> list[object]:
    """Run each callable in its own thread, all released at the same moment; their results, or
    the exception each raised."""
    start = threading.Barrier(len(work))
    results: list[object] = [None] * len(work)

    def run(index: int) -> None:
        start.wait()
        try:
            results[index] = work[index]()
        except Exception as error:  # reported by the caller
            results[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return results


def _sequential_digest(folder: Path, files: list[Path]) -> str:
    with SqliteStore(folder / f"{'-'.join(f.stem for f in files)}.db") as reference:
        for file in files:
            assert ingest_paths(reference, [file]).problems == []
        return content_digest(reference)


def test_two_overlapping_ingests_at_once_end_as_one_after_the_other(
    store: GraphStore, store_uri: str, tmp_path: Path
) -> None:
    file_a, file_b = overlapping_files(tmp_path / "files")
    a_then_b = _sequential_digest(tmp_path, [file_a, file_b])
    b_then_a = _sequential_digest(tmp_path, [file_b, file_a])
    assert a_then_b != b_then_a  # the files' order shows in the result

    def ingest(file: Path) -> Callable[[], object]:
        def work() -> object:
            with open_store(store_uri) as own:
                return ingest_paths(own, [file]).problems

        return work

    assert _in_threads(ingest(file_a), ingest(file_b)) == [[], []]
    assert content_digest(store) in (a_then_b, b_then_a)
    shared_tie_quotes = {
        len(rel.evidence)
        for rel in store.relationships()
        if any("says so too" in (e.quote or "") for e in rel.evidence)
    }
    assert min(shared_tie_quotes) >= 3  # both files' quotes are there: neither write was lost


def test_a_reader_during_an_ingest_sees_the_graph_before_or_after_it(
    store: GraphStore, store_uri: str, tmp_path: Path, seed_dir: Path
) -> None:
    ingest_paths(store, [seed_dir])
    folder = tmp_path / "more"
    folder.mkdir()
    more = generate(400, seed=9)
    file = _write(folder / "more.json", list(more.sources), list(more.entities), list(more.relationships))
    query = PathQuery()

    def counts(reader: GraphStore) -> tuple[int, int, int, int]:
        stats = reader.stats()
        return stats.entities.total, stats.relationships.total, stats.sources, stats.evidence

    before = counts(store), store.shortest_paths("lg-electronics", "ionq", query)
    seen: list[tuple[tuple[int, int, int, int], list[list[str]]]] = []
    writing = threading.Event()
    done = threading.Event()

    def read() -> object:
        with open_store(store_uri) as reader:
            while not done.is_set():
                seen.append((counts(reader), reader.shortest_paths("lg-electronics", "ionq", query)))
                writing.wait()
        return len(seen)

    def write() -> object:
        try:
            writing.set()
            with open_store(store_uri) as writer:
                return ingest_paths(writer, [file]).problems
        finally:
            time.sleep(0.2)  # a few reads after the commit too
            done.set()

    reads, problems = _in_threads(read, write)
    assert problems == [], problems
    assert isinstance(reads, int) and reads >= 5, reads
    after = counts(store), store.shortest_paths("lg-electronics", "ionq", query)
    assert after[0] != before[0]
    assert all(paths == before[1] for _, paths in seen)  # the ingest adds no tie between the two
    observed = {state for state, _ in seen}
    assert before[0] in observed
    if isinstance(store, Neo4jStore):
        # Neo4j reads are read-committed: while a transaction commits, a reader may see some of
        # its records before others. Never anything outside the two states, though.
        assert all(
            low <= value <= high
            for state in observed
            for low, value, high in zip(before[0], state, after[0], strict=True)
        ), observed
    else:
        assert observed <= {before[0], after[0]}, observed - {before[0], after[0]}


def test_sqlite_waits_for_another_writer_instead_of_failing(tmp_path: Path, seed_dir: Path) -> None:
    with SqliteStore(tmp_path / "ckg.db") as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 60_000
        # another process's connection holds the write lock for 1.5 s
        other = sqlite3.connect(tmp_path / "ckg.db", isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        release = threading.Timer(1.5, lambda: other.execute("COMMIT"))
        release.start()
        started = time.monotonic()
        try:
            report = ingest_paths(store, [seed_dir])
        finally:
            release.join()
            other.close()
        assert report.problems == []
        assert time.monotonic() - started >= 1.0  # it waited for the lock
        assert store.stats().entities.total == 19
