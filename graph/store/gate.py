"""A first-come, first-served limit on how many threads read a store at once.

Many threads of one process reading one store (the app's sessions, a script's thread pool)
compete for Python's interpreter lock: each SQLite step and each decoded Neo4j record gives it up
and takes it back, and past a few threads they spend more time handing it round than working.
Measured with 50 readers of the 100,000-entity graph (docs/BENCHMARKS.md, "Scale"): the
embedded store answered 16 questions a second, where one thread alone answered 98. Letting a
few in at a time restores the throughput; letting them in in the order they came (a plain
semaphore lets a thread that has just finished jump the queue, and kept some waiting for seconds)
bounds the wait by the queue ahead.

A thread already inside may enter again (a path question reads paths, then their ties): it does
not queue behind others for a permit it holds.

The permits are numbered (:attr:`ReadGate.slot`), so a store can keep one connection per permit:
used by one thread at a time, and warm (its statements prepared, its pages cached) for the next,
where a connection per thread would start cold for every new thread.

>>> gate = ReadGate(1)
>>> with gate:
...     with gate:  # the same thread, again
...         "inside"
'inside'
"""

from __future__ import annotations

import functools
import os
import threading
from collections import deque
from collections.abc import Callable
from types import TracebackType
from typing import Concatenate, ParamSpec, Protocol, Self, TypeVar

from graph.errors import UsageError

READERS_ENV = "CKG_STORE_READERS"


def default_readers(per_core: int) -> int:
    """``$CKG_STORE_READERS``, else ``per_core`` for each core: the embedded store does its work
    on the interpreter (one per core served 50 readers best), a Neo4j reader mostly waits on the
    server (two per core did); see docs/BENCHMARKS.md, "Scale"."""
    value = os.environ.get(READERS_ENV, "").strip()
    if not value:
        return per_core * (os.cpu_count() or 1)
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"{READERS_ENV} must be a whole number above 0, not {value!r}")
    return int(value)


class ReadGate:
    """At most ``permits`` threads inside at once, the others let in in the order they came."""

    def __init__(self, permits: int) -> None:
        if permits < 1:
            raise ValueError("a gate needs at least one permit")
        self._free = list(reversed(range(permits)))  # the last freed is the next taken: the warmest
        self._lock = threading.Lock()
        self._queue: deque[_Turn] = deque()
        self._inside = threading.local()
        self._permits = permits

    @property
    def permits(self) -> int:
        """How many threads may be inside at once."""
        return self._permits

    @property
    def slot(self) -> int | None:
        """The number (0 to ``permits`` - 1) of the permit this thread holds; None outside."""
        slot: int | None = getattr(self._inside, "slot", None)
        return slot

    @property
    def waiting(self) -> int:
        """How many threads are queued for a permit."""
        with self._lock:
            return len(self._queue)

    def __enter__(self) -> Self:
        depth: int = getattr(self._inside, "depth", 0)
        self._inside.depth = depth + 1
        if depth:
            return self
        with self._lock:
            if self._free and not self._queue:
                self._inside.slot = self._free.pop()
                return self
            turn = _Turn()
            self._queue.append(turn)
        turn.wait()  # the thread leaving hands its permit straight to the first in the queue
        self._inside.slot = turn.slot
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._inside.depth -= 1
        if self._inside.depth:
            return
        slot, self._inside.slot = self._inside.slot, None
        with self._lock:
            if self._queue:
                self._queue.popleft().hand(slot)
            else:
                self._free.append(slot)


class _Turn(threading.Event):
    """A queued thread's place: set when a leaving thread hands it its permit."""

    slot: int = 0

    def hand(self, slot: int) -> None:
        self.slot = slot
        self.set()


class Gated(Protocol):
    @property
    def read_gate(self) -> ReadGate: ...


Store = TypeVar("Store", bound=Gated)
Params = ParamSpec("Params")
Result = TypeVar("Result")


def gated(
    method: Callable[Concatenate[Store, Params], Result],
) -> Callable[Concatenate[Store, Params], Result]:
    """Run a store's read method, or a question whose first argument is a store (its reads and
    the work on them), inside the store's :class:`ReadGate`. Only for what returns its answer
    whole: a generator would hold its permit for as long as its caller iterates."""

    @functools.wraps(method)
    def inside(store: Store, /, *args: Params.args, **kwargs: Params.kwargs) -> Result:
        with store.read_gate:
            return method(store, *args, **kwargs)

    return inside
