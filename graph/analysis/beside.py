"""Work run on a second core, in a forked child process, while the caller goes on with its own.

The heavy steps of the whole-graph analyses (Leiden communities, the pivot searches of sampled
betweenness and closeness) run in igraph's C code, which holds Python's interpreter lock: two
threads take as long as one after the other (measured: 6.7 s for a 3.1 s and a 3.7 s step). A
child forked from the caller starts with the caller's memory (the graph is not copied or
pickled, only its answer comes back through a pipe), so independent steps of one analysis
run side by side on a machine with two cores or more.

Forking is used only on Linux, with more than one core, and when the caller asks for it (the
analyses do past :data:`graph.analysis.metrics.EXACT_LIMIT` stakeholders, where the steps take
seconds); ``CKG_ANALYSIS_PROCESSES=1`` turns it off. Everywhere else the work runs in the
caller's process when its result is asked for, with the same answer. The child runs the C work
and sends its answer back; it touches no store, terminal or lock the caller's threads may hold.

>>> pending = beside(lambda: sum(range(10)), fork=False)
>>> pending.result()
45
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from graph.errors import CkgError

PROCESSES_ENV = "CKG_ANALYSIS_PROCESSES"

Result = TypeVar("Result")


class ChildFailedError(CkgError):
    """The child process doing part of an analysis failed or died."""


def can_fork() -> bool:
    """Whether work may run in a forked child here: Linux, two cores or more, not switched off."""
    if os.environ.get(PROCESSES_ENV, "").strip() == "1":
        return False
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1


class Pending(Generic[Result]):
    """The answer of work started by :func:`beside`."""

    def __init__(self, work: Callable[[], Result], fork: bool) -> None:
        self._work: Callable[[], Result] | None = work
        self._process: multiprocessing.process.BaseProcess | None = None
        self._answer: Connection | None = None
        if fork:
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(work, sender), daemon=True)
            self._process.start()
            sender.close()  # the child holds the sending end: the parent sees end-of-file if it dies
            self._answer = receiver

    def result(self) -> Result:
        """Wait for the answer (or, unforked, work it out now); a failure in the child is raised
        here, with its message."""
        if self._answer is None or self._process is None:
            if self._work is None:
                raise RuntimeError("the result was taken already")
            work, self._work = self._work, None
            return work()
        try:
            outcome, value = self._answer.recv()
        except EOFError:
            self._process.join()
            raise ChildFailedError(
                f"the analysis process beside this one died (exit code {self._process.exitcode}); "
                f"run again with {PROCESSES_ENV}=1 to work in one process"
            ) from None
        finally:
            self._answer.close()
            self._answer = None
        self._process.join()
        if outcome == "error":
            raise ChildFailedError(f"the analysis process beside this one failed: {value}")
        answer: Result = value
        return answer


def beside(work: Callable[[], Result], *, fork: bool | None = None) -> Pending[Result]:
    """Start ``work`` in a forked child (where :func:`can_fork`, or as ``fork`` says) and
    return at once; :meth:`Pending.result` gives its answer. ``work``'s answer must pickle."""
    return Pending(work, can_fork() if fork is None else fork)


def _child(work: Callable[[], Any], answer: Connection) -> None:
    try:
        value = work()
    except BaseException as error:  # every failure goes back to the parent
        answer.send(("error", f"{type(error).__name__}: {error}"))
    else:
        answer.send(("ok", value))
    finally:
        answer.close()
