"""`ckg`: the command line. A thin layer: parse, call graph/ and ingest/, print.

Text for people by default, ``--json`` for scripts; errors go to stderr; exit 0 on success, 1 on
bad input or a failed check, 2 on wrong usage. The store comes from ``--store`` or ``CKG_STORE``.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import CkgError, UsageError
from graph.schema import dataset_json_schema
from graph.store import STORE_ENV, Stats
from graph.store.base import Committed
from ingest.loader import IngestReport, ingest_paths
from ui import cli_analysis, cli_articles, cli_ask, cli_export, cli_query
from ui.cli_context import JsonOption, choose_store, chosen_store_uri, open_chosen_store
from ui.cli_neo4j import neo4j_app
from ui.cli_output import fail, print_json, progress_bar

app = typer.Typer(
    name="ckg",
    help="consortium-kg: a knowledge graph of a stakeholder consortium, with evidence on every tie.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(neo4j_app, name="neo4j")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


@app.callback()
def main_options(
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            envvar=STORE_ENV,
            help="Where the graph lives: sqlite:///PATH (default sqlite:///ckg.db) or neo4j://HOST:PORT, "
            "bolt://..., neo4j+s://... (credentials from NEO4J_USERNAME / NEO4J_PASSWORD).",
        ),
    ] = None,
) -> None:
    choose_store(store)


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Data files (.yaml, .yml, .json, .xlsx) or folders of them and of CSV tables."),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate and resolve only; write nothing.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Load data files into the store. A file with any problem writes nothing; every problem is listed.
    The report gives each file's rows read and its records created, updated and unchanged."""
    with open_chosen_store(create=True) as store:
        with progress_bar("ingest", show=not as_json and err.is_terminal) as progress:

            def committed(batch: Committed) -> None:
                if batch.batches > 1:
                    progress(f"committed batch {batch.batch} of {batch.batches} ({batch.what})")

            report = ingest_paths(store, paths, progress, dry_run=dry_run, on_commit=committed)
        stats = store.stats()
    if as_json:
        print_json(_report_json(report, stats, dry_run))
    else:
        _print_report(report, stats, dry_run)
    if report.problems:
        raise typer.Exit(1)


def _report_json(report: IngestReport, stats: Stats, dry_run: bool) -> dict[str, object]:
    return {**report.as_json(), "dry_run": dry_run, "stats": stats.model_dump()}


def _print_report(report: IngestReport, stats: Stats, dry_run: bool) -> None:
    for unit in report.units:
        if unit.dataset is not None:
            out.print(unit.summary(dry_run), markup=False, highlight=False)
    if report.problems:
        err.print(f"[red]{len(report.problems)} problem(s); files with problems were not written:[/]")
        for problem in report.problems:
            err.print(f"  {problem}", markup=False, highlight=False)
    out.print(
        f"store {stats.store}: {stats.entities.total} entities, {stats.relationships.total} relationships, "
        f"{stats.sources} sources"
    )


@app.command()
def stats(as_json: JsonOption = False) -> None:
    """Counts of entities and relationships by kind, sources, and relationships without evidence."""
    with open_chosen_store() as store:
        result = store.stats()
    if as_json:
        print_json(result.model_dump())
        return
    table = Table(title=f"store {result.store}", show_header=True)
    table.add_column("what")
    table.add_column("kind")
    table.add_column("count", justify="right")
    for kind, count in result.entities.by_kind.items():
        table.add_row("entities", kind, str(count))
    table.add_row("[bold]entities[/]", "all", f"[bold]{result.entities.total}[/]")
    for kind, count in result.relationships.by_kind.items():
        table.add_row("relationships", kind, str(count))
    table.add_row("[bold]relationships[/]", "all", f"[bold]{result.relationships.total}[/]")
    table.add_row("relationships", "without evidence", str(result.relationships.without_evidence))
    table.add_row("sources", "", str(result.sources))
    table.add_row("evidence", "", str(result.evidence))
    out.print(table)


@app.command()
def clear(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; empty the store.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Empty the chosen store: every entity, relationship and source."""
    uri = chosen_store_uri()
    if not yes:
        if not sys.stdin.isatty():
            fail("refusing to clear without --yes (standard input is not a terminal)", code=2)
        typer.confirm(f"Remove everything from {uri}?", abort=True)
    with open_chosen_store() as store:
        before = store.stats()
        store.clear()
    if as_json:
        print_json({"cleared": True, "store": before.store, "removed": before.model_dump()})
    else:
        out.print(
            f"cleared {before.store}: removed {before.entities.total} entities, "
            f"{before.relationships.total} relationships, {before.sources} sources"
        )


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file, else stdout.")
    ] = None,
) -> None:
    """The JSON Schema of data files, generated from the model, for editors to validate and complete."""
    text = json.dumps(dataset_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror}")
    err.print(f"wrote {output}")


LOOPBACK = "127.0.0.1"
"""Where the app listens unless told otherwise: this machine only. ``--host 0.0.0.0`` opens it
to the network, which its data (members' notes, deals under negotiation) may not be meant for."""


def streamlit_command(host: str = LOOPBACK, port: int = 8501, headless: bool = True) -> list[str]:
    """The command line that runs the app: ``streamlit run ui/app.py`` bound to ``host``."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(Path(__file__).with_name("app.py")),
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.headless",
        str(headless).lower(),
        "--browser.gatherUsageStats",
        "false",
    ]


@app.command()
def ui(
    host: Annotated[
        str, typer.Option(help="Address to listen on (this machine only by default; 0.0.0.0 for all).")
    ] = LOOPBACK,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    headless: Annotated[bool, typer.Option(help="Do not open a browser.")] = True,
) -> None:
    """Open the Streamlit app on the chosen store."""
    env = {**os.environ, STORE_ENV: chosen_store_uri()}
    command = streamlit_command(host, port, headless)
    err.print(f"consortium-kg on {env[STORE_ENV]}: http://{host}:{port}", markup=False)
    raise typer.Exit(subprocess.call(command, env=env))  # noqa: S603 - fixed argv, no shell


for command_module in (cli_articles, cli_analysis, cli_ask, cli_export, cli_query):
    command_module.register(app)


def main() -> None:
    """Entry point of the ``ckg`` script: our errors become messages and exit codes here only."""
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)  # we report store failures ourselves, once
    try:
        app()
    except UsageError as error:
        fail(str(error), code=2)
    except CkgError as error:
        fail(str(error))
    except KeyboardInterrupt:
        fail("interrupted", code=130)
