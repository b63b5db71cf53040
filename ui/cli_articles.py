"""`ckg template`: empty spreadsheets to fill in; the article commands join it in later slices."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ui.cli_context import JsonOption
from ui.cli_output import fail, print_json

err = Console(stderr=True, soft_wrap=True)


def template(
    xlsx: Annotated[
        Path | None,
        typer.Option("--xlsx", help="Write an Excel workbook with the three sheets and drop-down lists."),
    ] = None,
    csv_folder: Annotated[
        Path | None, typer.Option("--csv", help="Write the three CSV tables (header rows) in this folder.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Write an empty data template: sheets (or CSV tables) sources, entities and relationships,
    with the columns `ckg ingest` reads."""
    from ingest.template import write_csv_template, write_xlsx_template

    if xlsx is None and csv_folder is None:
        fail("say what to write: --xlsx FILE or --csv FOLDER", code=2)
    written: list[Path] = []
    if xlsx is not None:
        if xlsx.suffix.lower() != ".xlsx":
            fail(f"{xlsx}: an Excel workbook's name ends in .xlsx", code=2)
        write_xlsx_template(xlsx)
        written.append(xlsx)
    if csv_folder is not None:
        written += write_csv_template(csv_folder)
    if as_json:
        print_json({"written": [str(path) for path in written]})
    else:
        for path in written:
            err.print(f"wrote {path}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(template)
