"""Excel workbooks: the template `ckg template --xlsx` writes, filled in the way a person would
(date cells, numbers, Korean names), loads like the CSV tables, on both stores."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from graph.model import EntityKind, RelationshipKind
from graph.store.base import GraphStore
from ingest.loader import ingest_paths
from ingest.template import COLUMNS, write_csv_template, write_xlsx_template

CKG = str(Path(sys.executable).with_name("ckg"))


def fill(path: Path, rows: dict[str, list[dict[str, object]]]) -> None:
    """Type rows into a template under its headers, as a person filling it in would."""
    workbook = load_workbook(path)
    for table, records in rows.items():
        sheet = workbook[table]
        header = [cell.value for cell in sheet[1]]
        for number, record in enumerate(records, start=2):
            for column, value in record.items():
                sheet.cell(row=number, column=header.index(column) + 1, value=value)
    workbook.save(path)


PARTNERS: dict[str, list[dict[str, object]]] = {
    "sources": [
        {
            "id": "memo-1",
            "title": "협력 메모 (partnership memo)",
            "kind": "manual",
            "published": datetime(2026, 3, 2),
        }
    ],
    "entities": [
        {"id": "kt", "kind": "Company", "name": "KT Corporation", "aliases": "KT;케이티", "country": "kr"},
        {"id": "daejeon", "kind": "Place", "name": "Daejeon", "aliases": "대전", "lat": 36.35, "lon": 127.38},
        {"id": "xanadu", "kind": "Company", "name": "Xanadu", "sectors": "quantum computing; photonics"},
    ],
    "relationships": [
        {
            "kind": "INVESTS_IN",
            "source": "케이티",
            "target": "Xanadu",
            "since": datetime(2026, 3, 1),
            "amount": 20000000,
            "currency": "usd",
            "status": "announced",
            "evidence_source": "memo-1",
            "evidence_quote": "KT will invest $20 million in Xanadu.",
        },
        {
            "kind": "LOCATED_IN",
            "source": "kt",
            "target": "대전",
            "evidence_source": "memo-1",
            "evidence_locator": 4,
        },
    ],
}


def test_the_template_has_the_three_sheets_headers_and_drop_downs(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_xlsx_template(path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["sources", "entities", "relationships"]
    for table in workbook.sheetnames:
        assert tuple(cell.value for cell in workbook[table][1]) == COLUMNS[table]
        assert workbook[table].freeze_panes == "A2"
    lists = {
        (sheet.title, str(validation.sqref).split(":")[0]): validation.formula1
        for sheet in workbook.worksheets
        for validation in sheet.data_validations.dataValidation
    }
    assert lists[("entities", "B2")] == '"' + ",".join(kind.value for kind in EntityKind) + '"'
    assert lists[("relationships", "A2")] == '"' + ",".join(kind.value for kind in RelationshipKind) + '"'
    assert lists[("sources", "C2")] == '"news,government,press_release,dataset,manual,synthetic"'
    assert "Required." in workbook["entities"]["A1"].comment.text


def test_a_filled_in_workbook_loads_with_dates_numbers_and_korean_names(
    store: GraphStore, tmp_path: Path
) -> None:
    path = tmp_path / "partners.xlsx"
    write_xlsx_template(path)
    fill(path, PARTNERS)
    report = ingest_paths(store, [path])
    assert report.problems == []
    [unit] = report.units
    assert (unit.written, unit.rows) == (True, 6)
    [source] = list(store.sources())
    assert (source.title, source.published) == ("협력 메모 (partnership memo)", date(2026, 3, 2))
    kt = store.get_entity("kt")
    assert kt is not None and (kt.aliases, kt.country) == (["KT", "케이티"], "KR")
    xanadu = store.get_entity("xanadu")
    assert xanadu is not None and xanadu.sectors == ["quantum_computing", "photonics"]
    ties = {(r.kind, r.source, r.target): r for r in store.relationships()}
    investment = ties[(RelationshipKind.INVESTS_IN, "kt", "xanadu")]
    assert (investment.since, investment.amount, investment.currency) == (date(2026, 3, 1), 20e6, "USD")
    located = ties[(RelationshipKind.LOCATED_IN, "kt", "daejeon")]
    assert [(e.source, e.locator) for e in located.evidence] == [("memo-1", "4")]


def test_sheet_names_match_without_case_and_other_sheets_are_ignored(
    store: GraphStore, tmp_path: Path
) -> None:
    workbook = Workbook()
    workbook.active.title = "README"
    workbook["README"].append(["Fill in the Entities sheet."])
    sheet = workbook.create_sheet("Entities")
    sheet.append(["id", "kind", "name"])
    sheet.append([None, None, None])  # a blank row is not a record
    sheet.append(["kaist", "University", "KAIST"])
    workbook.save(tmp_path / "one.xlsx")
    report = ingest_paths(store, [tmp_path])
    assert report.problems == []
    assert [e.id for e in store.entities()] == ["kaist"]


def test_header_mistakes_are_named_by_sheet_row_and_column(store: GraphStore, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "entities"
    sheet.append(["id", "kind", "name", "name", None])
    sheet.append(["acme", "Company", "Acme", "Acme Corp", "stray"])
    workbook.save(tmp_path / "bad.xlsx")
    report = ingest_paths(store, [tmp_path / "bad.xlsx"])
    assert [str(p) for p in report.problems] == [
        f"{tmp_path}/bad.xlsx[entities]:1: name: column D repeats column C",
        f"{tmp_path}/bad.xlsx[entities]:2: E: a value in a column without a name",
    ]
    assert store.stats().entities.total == 0


def test_the_csv_template_has_the_same_columns(tmp_path: Path) -> None:
    written = write_csv_template(tmp_path / "tables")
    assert [p.name for p in written] == ["sources.csv", "entities.csv", "relationships.csv"]
    for path in written:
        assert tuple(path.read_text(encoding="utf-8").strip().split(",")) == COLUMNS[path.stem]


def test_ckg_template_then_ingest_the_workbook(store_uri: str, tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    made = subprocess.run(
        [CKG, "template", "--xlsx", str(path), "--json"], capture_output=True, text=True, check=False
    )
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout) == {"written": [str(path)]}
    fill(path, PARTNERS)
    loaded = subprocess.run(
        [CKG, "--store", store_uri, "ingest", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert loaded.returncode == 0, loaded.stderr
    [unit] = json.loads(loaded.stdout)["units"]
    assert (unit["name"], unit["written"], unit["rows"]) == (str(path), True, 6)
    assert unit["created"] == {"sources": 1, "entities": 3, "relationships": 2}
    usage = subprocess.run([CKG, "template"], capture_output=True, text=True, check=False)
    assert usage.returncode == 2
    assert "--xlsx FILE or --csv FOLDER" in usage.stderr
