"""`ckg export` as users run it: a real process on both stores, each format read back."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

CKG = str(Path(sys.executable).with_name("ckg"))


def ckg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CKG, *args], capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture
def seeded(store_uri: str, seed_dir: Path) -> str:
    loaded = ckg("--store", store_uri, "ingest", str(seed_dir))
    assert loaded.returncode == 0, loaded.stderr
    return store_uri


def test_data_formats_from_the_command_line(seeded: str, tmp_path: Path) -> None:
    written = {}
    for fmt, name in [
        ("graphml", "g.graphml"),
        ("gexf", "g.gexf"),
        ("json", "g.json"),
        ("xlsx", "g.xlsx"),
        ("cypher", "g.cypher"),
        ("csv", "tables"),
        ("neo4j-admin", "import"),
    ]:
        done = ckg("--store", seeded, "export", "--format", fmt, "-o", str(tmp_path / name), "--json")
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert (report["format"], report["entities"], report["relationships"]) == (fmt, 19, 29)
        assert report["provenance"]["store"] == seeded
        written[fmt] = report
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == 19
    gexf = nx.read_gexf(tmp_path / "g.gexf")  # a mutual (symmetric) tie reads as two directed edges
    assert len({data["id"] for _, _, data in gexf.edges(data=True)}) == 29
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(nx.node_link_graph(data, edges="edges").edges) == 29
    assert load_workbook(tmp_path / "g.xlsx")["entities"].max_row == 20
    with (tmp_path / "tables" / "edges.csv").open(encoding="utf-8-sig") as handle:
        assert len(list(csv.DictReader(handle))) == 29
    assert len(written["neo4j-admin"]["files"]) == 6


def test_view_options_choose_what_goes_in(seeded: str, tmp_path: Path) -> None:
    def export(*options: str) -> dict[str, object]:
        target = tmp_path / "view.json"
        done = ckg("--store", seeded, "export", "-o", str(target), *options)
        assert done.returncode == 0, done.stderr
        loaded: dict[str, object] = json.loads(target.read_text(encoding="utf-8"))
        return loaded

    def ids(data: dict[str, object]) -> set[str]:
        nodes = data["nodes"]
        assert isinstance(nodes, list)
        return {node["id"] for node in nodes}

    path = export("--path", "LG전자", "아이온큐")
    assert ids(path) == {"lg-electronics", "south-korea", "ionq"}
    graph = path["graph"]
    assert isinstance(graph, dict)
    assert graph["provenance"]["description"] == "best path from LG Electronics to IonQ"

    around = export("--around", "SK Telecom", "--depth", "1")
    assert ids(around) == {"sk-telecom", "quantum-technology-consultative-body", "south-korea"}

    companies = export("--kind", "Company", "--kind", "place")
    assert ids(companies) == {
        "ionq",
        "lg-electronics",
        "samsung-electronics",
        "sk-telecom",
        "south-korea",
        "united-states",
    }
    mou = export("--via", "SIGNED_MOU_WITH")
    assert len(mou["edges"]) == 1  # type: ignore[arg-type]
    planned = export("--status", "planned", "--as-of", "2026-06-30")
    assert all(edge["status"] == "planned" for edge in planned["edges"])  # type: ignore[attr-defined]
    assert planned["graph"]["provenance"]["view"] == {"as_of": "2026-06-30", "statuses": ["planned"]}  # type: ignore[index]


def test_bad_options_exit_with_a_message(seeded: str, tmp_path: Path) -> None:
    unknown_suffix = ckg("--store", seeded, "export", "-o", str(tmp_path / "x.foo"))
    assert unknown_suffix.returncode == 2
    assert "cannot tell the format" in unknown_suffix.stderr
    bad_kind = ckg("--store", seeded, "export", "-o", str(tmp_path / "x.json"), "--kind", "Friend")
    assert bad_kind.returncode == 1
    assert "'Friend' is not one of" in bad_kind.stderr
    nobody = ckg("--store", seeded, "export", "-o", str(tmp_path / "x.json"), "--around", "Nobody Inc")
    assert (nobody.returncode, nobody.stderr.strip()) == (1, "error: no stakeholder is called 'Nobody Inc'")
    no_path = ckg(
        "--store",
        seeded,
        "export",
        "-o",
        str(tmp_path / "x.json"),
        "--path",
        "LG전자",
        "IonQ",
        "--via",
        "MEMBER_OF",
    )
    assert no_path.returncode == 1
    assert "no path from lg-electronics to ionq" in no_path.stderr
    both = ckg(
        "--store", seeded, "export", "-o", str(tmp_path / "x.json"), "--around", "IonQ", "--path", "a", "b"
    )
    assert both.returncode == 2
    assert not (tmp_path / "x.json").exists()


def test_diagrams_and_html_from_the_command_line(seeded: str, tmp_path: Path) -> None:
    from PIL import Image
    from pypdf import PdfReader

    png = ckg("--store", seeded, "export", "-o", str(tmp_path / "d.png"), "--dpi", "72", "--names", "both",
              "--group", "community", "--title", "한국 양자 네트워크")  # fmt: skip
    assert png.returncode == 0, png.stderr
    assert Image.open(tmp_path / "d.png").format == "PNG"
    pdf = ckg("--store", seeded, "export", "-f", "pdf", "-o", str(tmp_path / "d.pdf"), "--around", "IonQ")
    assert pdf.returncode == 0, pdf.stderr
    assert "within 1 tie of IonQ" in PdfReader(tmp_path / "d.pdf").pages[0].extract_text()
    svg = ckg("--store", seeded, "export", "-o", str(tmp_path / "d.svg"), "--size-by", "betweenness")
    assert svg.returncode == 0, svg.stderr
    page = ckg("--store", seeded, "export", "-o", str(tmp_path / "d.html"), "--json")
    assert page.returncode == 0, page.stderr
    assert json.loads(page.stdout)["bytes"] > 300_000
    bad = ckg("--store", seeded, "export", "-o", str(tmp_path / "e.png"), "--size-by", "height")
    assert bad.returncode == 2
