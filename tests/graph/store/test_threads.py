"""One store shared by many threads (the app's sessions, a benchmark's readers): every thread gets
the answer it would get alone, while another thread writes; and the SQLite schema upgrade."""

from __future__ import annotations

import random
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from graph.analysis.neighbours import neighbourhood_in_store
from graph.analysis.results import NeighbourhoodAnswer
from graph.model import Dataset
from graph.store.base import GraphStore
from graph.store.path_query import PathQuery
from graph.store.sqlite import SCHEMA_VERSION, SqliteStore
from graph.synthetic import generate

Answer = tuple[list[list[str]], NeighbourhoodAnswer, int]


def questions(dataset: Dataset, count: int) -> list[tuple[str, str]]:
    ids = sorted(e.id for e in dataset.entities)
    rng = random.Random(12)
    return [(a, b) for a, b in (rng.sample(ids, 2) for _ in range(count))]


def ask(store: GraphStore, pair: tuple[str, str]) -> Answer:
    a, b = pair
    paths = store.shortest_paths(a, b, PathQuery())
    around = neighbourhood_in_store(store, a, 2)
    entities = iter(store.entities())  # a read left half-done must not disturb the others
    next(entities)
    return paths, around, len(store.ties_between([(p[0], p[1]) for p in paths]))


def test_threads_share_one_store_while_another_writes(store: GraphStore) -> None:
    dataset = generate(300, seed=6)
    store.upsert(dataset)
    pairs = questions(dataset, 60)
    alone = [ask(store, pair) for pair in pairs]
    more = generate(300, seed=7)  # other ids of the same shape: written beside, not over, the first
    extra = Dataset.model_construct(
        sources=more.sources,
        entities=[e.model_copy(update={"id": "x-" + e.id}) for e in more.entities],
        relationships=[],
    )
    stop = threading.Event()

    def write() -> int:
        writes = 0
        while not stop.is_set() and writes < 20:
            store.upsert(extra)
            writes += 1
        return writes

    with ThreadPoolExecutor(max_workers=9) as pool:
        writer = pool.submit(write)
        together = list(pool.map(lambda pair: ask(store, pair), pairs * 2))
        stop.set()
        assert writer.result() >= 1
    assert together == alone * 2


def test_each_thread_reads_through_its_own_sqlite_connection(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "ckg.db") as store:
        seen: list[int] = []

        def connection_id() -> None:
            seen.append(id(store._db))

        threads = [threading.Thread(target=connection_id) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(set(seen)) == 3


def test_a_schema_3_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "ckg.db"
    dataset = generate(60, seed=3)
    with SqliteStore(path) as store:
        store.upsert(dataset)
        before = list(store.relationships())
    with sqlite3.connect(path) as db:  # as schema 3 left it: single-column end indexes
        db.executescript(
            "DROP INDEX relationships_source_ends; DROP INDEX relationships_target_ends;"
            "CREATE INDEX relationships_source ON relationships (source_id);"
            "CREATE INDEX relationships_target ON relationships (target_id);"
            "UPDATE meta SET value = '3' WHERE key = 'schema_version';"
        )
    with SqliteStore(path) as store:
        assert list(store.relationships()) == before
    with sqlite3.connect(path) as db:
        indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert {"relationships_source_ends", "relationships_target_ends"} <= indexes
    assert not {"relationships_source", "relationships_target"} & indexes
    assert version == str(SCHEMA_VERSION)
