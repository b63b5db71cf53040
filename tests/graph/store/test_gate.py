"""The read gate: a few threads at a time, let in in the order they came, a thread inside never
queued behind others; and both stores answer many threads at once through it."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from graph.errors import UsageError
from graph.store.base import GraphStore
from graph.store.gate import READERS_ENV, ReadGate, default_readers
from graph.store.path_query import PathQuery
from graph.synthetic import generate


def wait_for(condition: object, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.001)


class CountingGate(ReadGate):
    def __init__(self, permits: int) -> None:
        super().__init__(permits)
        self.entries, self.most_waiting = 0, 0

    def __enter__(self) -> CountingGate:
        self.entries += 1
        self.most_waiting = max(self.most_waiting, self.waiting)
        super().__enter__()
        return self


def test_threads_are_let_in_in_the_order_they_came() -> None:
    gate, order = ReadGate(1), []

    def read(number: int) -> None:
        with gate:
            order.append(number)

    threads = []
    with gate:  # the only permit, held while six threads queue one after the other
        for number in range(6):
            thread = threading.Thread(target=read, args=(number,))
            threads.append(thread)
            thread.start()
            wait_for(lambda n=number: gate.waiting == n + 1)
        assert order == []
    for thread in threads:
        thread.join(timeout=10)
    assert order == list(range(6))
    assert gate.waiting == 0


def test_no_more_than_the_permits_are_inside_at_once() -> None:
    gate, lock = ReadGate(3), threading.Lock()
    inside, most = 0, 0

    def read(_: int) -> None:
        nonlocal inside, most
        with gate:
            with lock:
                inside += 1
                most = max(most, inside)
            time.sleep(0.002)
            with lock:
                inside -= 1

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(read, range(200)))
    assert most == 3
    assert gate.waiting == 0


def test_a_thread_inside_enters_again_without_queueing() -> None:
    gate = ReadGate(1)
    other_in = threading.Event()

    def other() -> None:
        with gate:
            other_in.set()

    with gate:
        thread = threading.Thread(target=other)
        thread.start()
        wait_for(lambda: gate.waiting == 1)
        with gate:  # queued behind the other thread, this would never return
            assert not other_in.is_set()
    thread.join(timeout=10)
    assert other_in.is_set()


def test_the_number_of_readers_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(READERS_ENV, "3")
    assert default_readers(per_core=2) == 3
    monkeypatch.setenv(READERS_ENV, "none")
    with pytest.raises(UsageError, match=READERS_ENV):
        default_readers(per_core=1)
    with pytest.raises(ValueError, match="at least one permit"):
        ReadGate(0)


def test_many_threads_through_one_permit_get_the_answers_one_gets(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.upsert(generate(300, seed=5))
    ids = sorted(entity.id for entity in store.entities())
    pairs = [(ids[i], ids[-1 - i]) for i in range(40)]
    query = PathQuery()
    alone = [store.path_subgraph(a, b, query) for a, b in pairs]
    gate = CountingGate(1)
    monkeypatch.setattr(store, "_gate", gate)  # one permit: the 16 threads queue
    with ThreadPoolExecutor(max_workers=16) as pool:
        together = list(pool.map(lambda pair: store.path_subgraph(pair[0], pair[1], query), pairs))
    assert together == alone
    assert gate.entries >= len(pairs)  # every question went through the gate...
    assert gate.most_waiting > 0  # ...and threads queued at it
    assert any(found.paths for found in alone)


def test_each_thread_inside_holds_a_permit_of_its_own() -> None:
    gate, lock = ReadGate(3), threading.Lock()
    held: set[int] = set()
    seen: set[int] = set()
    clashes = 0

    def read(_: int) -> None:
        nonlocal clashes
        assert gate.slot is None
        with gate:
            slot = gate.slot
            assert slot is not None
            with gate:  # entering again keeps the permit
                assert gate.slot == slot
            with lock:
                clashes += slot in held
                held.add(slot)
                seen.add(slot)
            time.sleep(0.001)
            with lock:
                held.discard(slot)
        assert gate.slot is None

    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(read, range(150)))
    assert clashes == 0
    assert seen == {0, 1, 2}
