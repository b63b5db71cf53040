"""The neo4j-admin import files: typed headers, lists split on U+001F, and a real
``neo4j-admin database import full`` whose database then reads like the Neo4j store's."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest

from graph.errors import CkgError
from graph.export.base import ExportView
from graph.export.cypher_script import read_statements
from graph.export.neo4j_admin import ARRAY_DELIMITER, import_arguments, write_neo4j_admin
from graph.neo4j_local import LocalNeo4j, check_prerequisites
from graph.store.neo4j import Neo4jStore


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_files_have_typed_headers_and_split_lists(odd_view: ExportView, tmp_path: Path) -> None:
    folder = tmp_path / "import"
    write_neo4j_admin(odd_view, folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "after-import.cypher",
        "entities.csv",
        "import.sh",
        "provenance.json",
        "relationships.csv",
        "sources.csv",
    ]
    entities = {row["id:ID(Entity)"]: row for row in _rows(folder / "entities.csv")}
    samsung = entities["samsung-electronics"]
    assert samsung[":LABEL"].split(ARRAY_DELIMITER) == ["Entity", "Company"]
    assert (
        samsung["aliases:string[]"].split(ARRAY_DELIMITER)
        == odd_view.projection.entities["samsung-electronics"].aliases
    )
    relationships = _rows(folder / "relationships.csv")
    assert {row[":TYPE"] for row in relationships} == {
        "SIGNED_MOU_WITH",
        "INVESTS_IN",
        "MEMBER_OF",
        "PARTNERS_WITH",
    }
    assert "since:date" in relationships[0]
    script = (folder / "import.sh").read_text(encoding="utf-8")
    assert "--array-delimiter=U+001F" in script and "--multiline-fields=true" in script
    assert os.access(folder / "import.sh", os.X_OK)


@pytest.mark.neo4j
def test_neo4j_admin_import_gives_the_same_graph(
    odd_view: ExportView, tmp_path: Path, neo4j_unavailable: Callable[[str], None]
) -> None:
    try:
        check_prerequisites()
        lib = LocalNeo4j(tmp_path / "state").ensure_jars()
    except CkgError as error:
        neo4j_unavailable(str(error))
    java = shutil.which("java")
    assert java is not None
    folder = tmp_path / "import"
    write_neo4j_admin(odd_view, folder)
    home, data = tmp_path / "home", tmp_path / "data"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text(
        f"server.directories.data={data}\n"
        f"server.directories.transaction.logs.root={data / 'transactions'}\n"
        f"server.directories.logs={tmp_path / 'logs'}\n"
        "server.memory.pagecache.size=64m\n",
        encoding="utf-8",
    )
    environment = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    done = subprocess.run(
        [java, "-Xmx512m", "-cp", f"{lib}/*", "org.neo4j.cli.AdminTool", *import_arguments(folder)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,  # neo4j-admin writes its import.report into the working directory
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    server = LocalNeo4j(tmp_path / "state")
    info = server.start(data_dir=data, timeout=240)
    try:
        with neo4j.GraphDatabase.driver(info.uri, auth=(info.username, info.password)) as driver:
            with driver.session() as session:  # auto-commit, as cypher-shell runs them: they batch
                for statement in read_statements((folder / "after-import.cypher").open(encoding="utf-8")):
                    session.run(statement).consume()
            dated, _, _ = driver.execute_query(
                "MATCH ()-[r]->() RETURN count(r.first_reported) AS set, "
                "count(CASE WHEN r.since IS NOT NULL AND r.first_reported <> r.since THEN 1 END) AS wrong"
            )
            assert dated[0]["set"] > 0 and dated[0]["wrong"] == 0  # as-of searches read these dates
        with Neo4jStore(info.uri, info.username, info.password) as imported:
            projection = odd_view.projection
            assert {e.id: e for e in imported.entities()} == projection.entities
            assert {r.key: r for r in imported.relationships()} == projection.relationships
            assert {s.id: s for s in imported.sources()} == projection.sources
            assert imported.lookup_names(["아이온큐"]) == {"아이온큐": {"ionq"}}
    finally:
        server.stop()
