"""Work on a second core: its answer comes back, its failure is raised with what went wrong, and
the analyses answer the same whether they fork or not."""

from __future__ import annotations

import os

import networkx as nx
import pytest

from graph.analysis import metrics
from graph.analysis.beside import PROCESSES_ENV, ChildFailedError, beside, can_fork
from graph.analysis.gaps import find_gaps
from graph.analysis.metrics import compute_metrics
from tests.graph.analysis.test_algorithms import projection_of

needs_fork = pytest.mark.skipif(not can_fork(), reason="forks only on Linux with two cores or more")


@needs_fork
def test_the_answer_comes_back_from_the_child() -> None:
    pid, total = beside(lambda: (os.getpid(), sum(range(1_000))), fork=True).result()
    assert (pid != os.getpid(), total) == (True, 499_500)


@needs_fork
def test_a_failure_in_the_child_is_raised_with_its_message() -> None:
    def fails() -> int:
        raise ValueError("no such vertex 7")

    with pytest.raises(ChildFailedError, match="ValueError: no such vertex 7"):
        beside(fails, fork=True).result()


@needs_fork
def test_a_child_that_dies_is_reported_with_its_exit_code() -> None:
    with pytest.raises(ChildFailedError, match=f"exit code 3.*{PROCESSES_ENV}=1"):
        beside(lambda: os._exit(3), fork=True).result()


def test_unforked_work_runs_when_asked_once() -> None:
    calls: list[int] = []

    def work() -> int:
        calls.append(1)
        return len(calls)

    pending = beside(work, fork=False)
    assert calls == []
    assert pending.result() == 1
    with pytest.raises(RuntimeError):
        pending.result()


def test_the_switch_turns_forking_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PROCESSES_ENV, "1")
    assert not can_fork()


@needs_fork
def test_metrics_and_gaps_answer_the_same_on_one_core_or_two(monkeypatch: pytest.MonkeyPatch) -> None:
    graph = nx.barabasi_albert_graph(1_200, 2, seed=9)
    projection = projection_of(list(graph.edges()), nodes=1_200)
    monkeypatch.setattr(metrics, "EXACT_LIMIT", 100)  # sampled, and so forked, at this size
    forked = compute_metrics(projection), find_gaps(projection)
    monkeypatch.setenv(PROCESSES_ENV, "1")
    assert (compute_metrics(projection), find_gaps(projection)) == forked
    assert forked[0].betweenness_sampled and forked[0].communities > 1
