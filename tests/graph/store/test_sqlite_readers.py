"""The embedded store's readers: a connection per read permit, not per thread, and a thread
writing reads what it has written before it commits."""

from __future__ import annotations

import threading
from pathlib import Path

from graph.model import Dataset, Entity, EntityKind
from graph.store.sqlite import SqliteStore
from graph.synthetic import generate


def test_threads_one_after_another_share_the_permits_connections(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "kg.db") as store:
        store.upsert(generate(50, seed=3))
        opened = len(store._connections)  # the writer's own
        wanted = {e.id: e for e in store.entities()}
        found: list[Entity | None] = []
        for entity_id in list(wanted)[:30]:  # as the app does: each page run in a new thread
            thread = threading.Thread(target=lambda i=entity_id: found.append(store.get_entity(i)))
            thread.start()
            thread.join(timeout=10)
        assert found == list(wanted.values())[:30]
        assert len(store._connections) <= opened + store.read_gate.permits


def test_a_thread_in_a_write_transaction_reads_its_own_writes(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "kg.db") as store:
        store.upsert(Dataset())
        entity = Entity(id="org-new", name="New Org", kind=EntityKind.COMPANY)
        store._db.execute("BEGIN IMMEDIATE")
        store._write_entities([entity])
        assert store.get_entity("org-new") == entity  # through the gate, on the writing connection
        assert store.existing_entity_ids(["org-new"]) == {"org-new"}
        store._db.execute("ROLLBACK")
        assert store.get_entity("org-new") is None
