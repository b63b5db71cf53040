"""The Neo4j password never shows: not in what `ckg` prints (ingest, query, export, a failed
login, an unreachable server), not in the messages of the exceptions raised, not in any log
record (the driver's own debug log included), not in any exported file. The password is the
real one of the test server, so a leak anywhere would be caught."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from graph.errors import CkgError
from graph.export.formats import write_export
from graph.export.view import build_export_view
from graph.store.neo4j import Neo4jStore
from graph.store.neo4j_query import run_read_query
from ingest.loader import ingest_paths
from tests.graph.store.proxy import free_port
from ui.cli import main

pytestmark = pytest.mark.neo4j
CKG = str(Path(sys.executable).with_name("ckg"))
WRONG = "a-known-wrong-password-7d3a"
FAST_FORMATS = {
    "json": "view.json",
    "graphml": "view.graphml",
    "gexf": "view.gexf",
    "csv": "csv",
    "xlsx": "view.xlsx",
    "cypher": "view.cypher",
    "neo4j-admin": "admin",
    "html": "view.html",
    "svg": "view.svg",
}


def _file_texts(folder: Path) -> dict[Path, bytes]:
    """Every file under ``folder``, and every member of each workbook (zipped: unpacked here)."""
    contents: dict[Path, bytes] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        contents[path] = path.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    contents[path / member] = archive.read(member)
    return contents


def _error_text(error: BaseException) -> str:
    """Everything a traceback would show of ``error``, its causes included."""
    return "".join(traceback.format_exception(error)) + repr(error) + str(error.__cause__)


def test_the_password_never_shows(
    neo4j_credentials: tuple[str, str, str],
    seed_dir: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    uri, username, password = neo4j_credentials
    assert len(password) >= 8
    shown: list[str] = []  # every text a user or a log could see
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="neo4j")  # the driver logs every message it sends

    # the library: ingest, query, every fast export, and failures with the password in hand
    with Neo4jStore(uri, username, password) as store:
        store.clear()
        assert ingest_paths(store, [seed_dir]).problems == []
        shown.append(repr(run_read_query(store, "MATCH (e:Entity) RETURN e, e.name LIMIT 5")))
        view = build_export_view(store)
        exported = tmp_path / "exported"
        exported.mkdir()
        for fmt, name in FAST_FORMATS.items():
            write_export(view, fmt, exported / name)
    failures: list[Callable[[], object]] = [
        lambda: Neo4jStore(uri, username, WRONG),  # one wrong login here, one below: Neo4j locks at three
        lambda: Neo4jStore(f"bolt://127.0.0.1:{free_port()}", username, password),
        lambda: Neo4jStore(f"bolt://{username}:{password}@127.0.0.1:{free_port()}"),
    ]
    for fail in failures:
        with pytest.raises(CkgError) as raised:
            fail()
        shown.append(_error_text(raised.value))
    shown += [record.getMessage() for record in caplog.records] + [repr(r.args) for r in caplog.records]
    assert any("LOGON" in text or "HELLO" in text for text in shown), "the driver's debug log was not seen"

    # the command line, in this process (its output and logs) and as a process (its whole stderr)
    monkeypatch.setenv("NEO4J_USERNAME", username)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    neo4j_logger = logging.getLogger("neo4j")
    monkeypatch.setattr(neo4j_logger, "level", neo4j_logger.level)  # main() quiets it; undone after
    for args in (
        ["ingest", str(seed_dir), "--json"],
        ["query", "MATCH (e:Entity) RETURN e LIMIT 3", "--json"],
        ["export", "-o", str(tmp_path / "cli.json")],
        ["stats"],
    ):
        monkeypatch.setattr(sys, "argv", ["ckg", "--store", uri, *args])
        with pytest.raises(SystemExit) as exit_:
            main()
        assert exit_.value.code in (0, None), args
        shown += capsys.readouterr()
    env = {**os.environ, "NEO4J_USERNAME": username, "NEO4J_PASSWORD": WRONG}
    refused = subprocess.run(
        [CKG, "--store", uri, "stats"], capture_output=True, text=True, env=env, check=False
    )
    assert refused.returncode == 1 and "refused the login" in refused.stderr
    shown += [refused.stdout, refused.stderr]
    shown += [record.getMessage() for record in caplog.records]

    leaks = [text[:200] for text in shown if password in text or WRONG in text]
    assert leaks == []
    files = _file_texts(tmp_path)
    assert len(files) > len(FAST_FORMATS)
    assert [str(path) for path, data in files.items() if password.encode() in data] == []
