"""`ckg` read commands when Neo4j cannot be reached: nothing listens on the port, or something
does but drops every connection (a server starting or stopping). Each exits 1 with one plain
line saying Neo4j cannot be reached and how to start one, never a traceback, never the password.

The commands run in this process through the same entry point as the ``ckg`` script (a process
costs seconds of imports each); one runs as a real process, to see its whole stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.graph.store.proxy import HangUp, free_port
from ui.cli import main

CKG = str(Path(sys.executable).with_name("ckg"))
PASSWORD = "a-known-password-4e1f"
READS = {
    "stats": ["stats"],
    "path": ["path", "ionq", "lg-electronics"],
    "neighbours": ["neighbours", "ionq"],
    "query": ["query", "MATCH (e:Entity) RETURN e.name"],
    "export": ["export", "-o", "{tmp}/view.json"],
}


@pytest.fixture(autouse=True)
def _credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", PASSWORD)
    monkeypatch.delenv("CKG_STORE", raising=False)


def _ckg(
    port: int,
    args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    argv = ["ckg", "--store", f"bolt://127.0.0.1:{port}", *(a.format(tmp=tmp_path) for a in args)]
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exit_:
        main()
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def _assert_plain_failure(code: int, out: str, err: str, port: int) -> None:
    assert (code, out) == (1, "")
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: cannot reach Neo4j at bolt://127.0.0.1:{port}: ")
    assert "ckg neo4j start" in lines[0]
    assert "Traceback" not in err
    assert PASSWORD not in err


@pytest.mark.parametrize("command", READS)
def test_reads_on_a_closed_port_say_neo4j_cannot_be_reached(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    _assert_plain_failure(*_ckg(port, READS[command], tmp_path, monkeypatch, capsys), port)
    assert not (tmp_path / "view.json").exists()


@pytest.mark.parametrize("command", ["stats", "query", "export"])
def test_reads_on_a_port_that_drops_connections_say_neo4j_cannot_be_reached(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with HangUp() as server:
        _assert_plain_failure(*_ckg(server.port, READS[command], tmp_path, monkeypatch, capsys), server.port)


def test_the_ckg_process_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    port = free_port()
    result = subprocess.run(
        [CKG, "--store", f"bolt://127.0.0.1:{port}", "path", "ionq", "lg-electronics"],
        capture_output=True, text=True, env=dict(os.environ), timeout=120, check=False,
    )  # fmt: skip
    _assert_plain_failure(result.returncode, result.stdout, result.stderr, port)
