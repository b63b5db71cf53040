"""Neo4j killed with SIGKILL in the middle of a multi-batch ingest, then restarted: the ingest
says how many batches committed, and running it again completes the load, with the same content
as a clean load (no duplicate, nothing lost)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest

from graph.errors import CkgError
from graph.neo4j_local import LocalNeo4j, ServerInfo
from graph.store.neo4j import Neo4jStore
from graph.store.sqlite import SqliteStore
from graph.synthetic import generate, write_csv
from tests.graph.store.content import content_digest

CKG = [str(Path(sys.executable).with_name("ckg"))]
ROOT = Path(__file__).resolve().parents[3]


def _ingest(info: ServerInfo, folder: Path) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "CKG_STORE": info.uri,
        "NEO4J_USERNAME": info.username,
        "NEO4J_PASSWORD": info.password,
        "CKG_NEO4J_BATCH_SIZE": "250",
    }
    return subprocess.Popen(
        [*CKG, "ingest", str(folder)], env=env, cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _relationships(info: ServerInfo) -> int:
    with neo4j.GraphDatabase.driver(info.uri, auth=(info.username, info.password)) as driver:
        records, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
        return int(records[0]["n"])


@pytest.mark.neo4j
def test_a_load_killed_midway_completes_when_run_again(
    tmp_path: Path, neo4j_unavailable: Callable[[str], None]
) -> None:
    folder = tmp_path / "consortium"
    write_csv(generate(2000, seed=11), folder)
    server = LocalNeo4j(tmp_path / "state")
    data_dir = tmp_path / "data"
    try:
        info = server.start(data_dir=data_dir, timeout=240)
    except CkgError as error:
        neo4j_unavailable(str(error))
        return
    try:
        ingest = _ingest(info, folder)
        deadline = time.monotonic() + 300
        while _relationships(info) == 0:  # entities are in; relationship batches are landing
            assert ingest.poll() is None, "the ingest ended before any relationship was written"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(info.pid, signal.SIGKILL)
        _, stderr = ingest.communicate(timeout=300)

        assert ingest.returncode != 0
        assert "batches committed" in stderr, stderr
        assert "run the same ingest again" in stderr
        assert "Traceback" not in stderr

        info = server.start(data_dir=data_dir, timeout=240)
        partial = _relationships(info)
        again = _ingest(info, folder)
        _, stderr = again.communicate(timeout=600)
        assert again.returncode == 0, stderr

        with SqliteStore(tmp_path / "clean.db") as clean:
            subprocess.run(
                [*CKG, "--store", clean.uri, "ingest", str(folder)], cwd=ROOT, check=True, capture_output=True
            )
            with Neo4jStore(info.uri, info.username, info.password) as recovered:
                assert 0 < partial < recovered.stats().relationships.total
                assert recovered.stats().model_dump(exclude={"store"}) == clean.stats().model_dump(
                    exclude={"store"}
                )
                assert content_digest(recovered) == content_digest(clean)
    finally:
        server.stop()
