"""Bulk work in CPython: loading a hundred thousand records allocates millions of small objects,
and each few hundred allocations the cyclic garbage collector walks the young ones, and now and
then every object alive. Those walks took half the time of a large ingest; the records form no
cycles, so pausing the collector for the load loses nothing, and what little garbage has cycles
is collected when it resumes.

>>> with paused_gc():
...     rows = [{"n": n} for n in range(3)]
>>> len(rows)
3
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block, then restore it as it was (so nested
    pauses, and callers that keep it disabled themselves, are left alone)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def keep_until_exit() -> None:
    """Take every object alive now out of the collector's sight for the rest of the process
    (:func:`gc.freeze`). For a command that reads a large graph and holds it until it exits: a
    full collection walks every object alive, a second or more beside a projection of 500,000
    ties, and the command's later work would set off several. Frozen objects are still freed
    when their last reference goes; only cycles among them would stay. Not for a long-running
    process (the app), whose graphs come and go."""
    gc.freeze()
