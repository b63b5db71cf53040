"""`ckg neo4j start | stop | status`: a local Neo4j Community server for development and tests,
fetched from Maven Central and run on the machine's Java, with no Docker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from ui.cli_context import JsonOption
from ui.cli_output import print_json

if TYPE_CHECKING:
    from graph.neo4j_local import LocalNeo4j, ServerInfo

neo4j_app = typer.Typer(
    help="Run a local Neo4j 5.26 Community server (no Docker needed).", no_args_is_help=True
)
_err = Console(stderr=True, soft_wrap=True)


StateDir = Annotated[
    Path | None,
    typer.Option(
        "--state-dir",
        help="Where this server's settings, logs and state live "
        "(default ~/.cache/consortium-kg/run/default); one server per state dir.",
    ),
]


def _server(state_dir: Path | None) -> LocalNeo4j:
    # imported here: the Neo4j driver takes seconds to import, and only these commands need it
    from graph.neo4j_local import LocalNeo4j

    return LocalNeo4j(state_dir) if state_dir else LocalNeo4j()


def _info_json(info: ServerInfo) -> dict[str, object]:
    return {
        "running": True,
        "uri": info.uri,
        "username": info.username,
        "password": info.password,
        "pid": info.pid,
        "data_dir": str(info.data_dir),
        "throwaway": info.throwaway,
        "version": info.version,
    }


@neo4j_app.command()
def start(
    data_dir: Annotated[
        Path | None,
        typer.Option("--data-dir", help="Keep the database in this folder (default: a throwaway one)."),
    ] = None,
    env_file: Annotated[
        Path | None, typer.Option("--env-file", help="Also write the NEO4J_* lines to this file (mode 600).")
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for Bolt to answer.")] = 180.0,
    state_dir: StateDir = None,
    as_json: JsonOption = False,
) -> None:
    """Start the server (fetched once from Maven Central), wait for Bolt, print its credentials."""
    from graph.neo4j_local import check_prerequisites

    check_prerequisites()
    server = _server(state_dir)
    info = server.start(data_dir=data_dir, timeout=timeout, progress=lambda message: _err.print(message))
    lines = info.env_lines()
    if env_file is not None:
        env_file.touch(mode=0o600, exist_ok=True)
        env_file.chmod(0o600)
        env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        # the password stays in the owner-only file, out of terminal scrollback and CI logs
        lines = [line for line in lines if not line.startswith("NEO4J_PASSWORD=")]
        lines.append(f"# NEO4J_PASSWORD is in {env_file} (readable by you only)")
    if as_json:
        print_json(_info_json(info))
    else:
        typer.echo("\n".join(lines))


@neo4j_app.command()
def stop(state_dir: StateDir = None, as_json: JsonOption = False) -> None:
    """Stop the server; a throwaway database is removed."""
    server = _server(state_dir)
    stopped = server.stop()
    if as_json:
        print_json({"stopped": stopped})
    else:
        typer.echo("stopped" if stopped else "no local Neo4j server was running")


@neo4j_app.command()
def status(state_dir: StateDir = None, as_json: JsonOption = False) -> None:
    """Whether the server runs, and where. Exits 1 when it does not."""
    server = _server(state_dir)
    info = server.status()
    if as_json:
        print_json(_info_json(info) if info else {"running": False})
    elif info:
        typer.echo(f"running (pid {info.pid}, Neo4j {info.version}, data in {info.data_dir})")
        typer.echo("\n".join(info.env_lines()))
    else:
        typer.echo("not running")
    if info is None:
        raise typer.Exit(1)
