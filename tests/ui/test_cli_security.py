"""What the command line exposes: the app listens on loopback unless told otherwise, and no
command takes a password as an argument (a command line is visible to every user of the machine
through ``ps``): credentials come from the environment or a file only its owner reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import ui.cli
from ui.cli import LOOPBACK, app, main, streamlit_command

SECRET_WORDS = ["password", "passwd", "secret", "token", "credential", "auth"]


def _address(command: list[str]) -> str:
    assert command.count("--server.address") == 1
    return command[command.index("--server.address") + 1]


def test_the_app_binds_to_loopback_by_default() -> None:
    assert LOOPBACK == "127.0.0.1"
    assert _address(streamlit_command()) == "127.0.0.1"
    assert _address(streamlit_command(host="0.0.0.0")) == "0.0.0.0"
    command = streamlit_command(port=8600, headless=False)
    assert command[command.index("--server.port") + 1] == "8600"
    assert command[command.index("--server.headless") + 1] == "false"
    assert command[command.index("--browser.gatherUsageStats") + 1] == "false"
    assert command[2:5] == ["streamlit", "run", str(Path(ui.cli.__file__).with_name("app.py"))]


def test_ckg_ui_runs_streamlit_on_loopback_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[tuple[list[str], dict[str, str]]] = []

    def call(command: list[str], env: dict[str, str]) -> int:  # instead of starting the server
        started.append((command, env))
        return 0

    monkeypatch.setattr(subprocess, "call", call)
    store = f"sqlite:///{tmp_path}/ckg.db"
    runner = CliRunner()
    assert runner.invoke(app, ["--store", store, "ui"]).exit_code == 0
    assert runner.invoke(app, ["--store", store, "ui", "--host", "0.0.0.0", "--port", "8600"]).exit_code == 0
    (default, default_env), (chosen, _) = started
    assert _address(default) == "127.0.0.1" and default == streamlit_command()
    assert default_env["CKG_STORE"] == store
    assert _address(chosen) == "0.0.0.0" and chosen[chosen.index("--server.port") + 1] == "8600"


def _commands(command: Any, path: str = "ckg") -> list[tuple[str, Any]]:
    """Every command and subcommand of the click command typer builds (its own copy of click:
    found by what it has, not by class)."""
    found = [(path, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += _commands(sub, f"{path} {name}")
    return found


def test_no_command_takes_a_password_as_an_argument() -> None:
    commands = _commands(typer.main.get_command(app))
    assert {"ckg ingest", "ckg query", "ckg export", "ckg ui", "ckg neo4j start"} <= {
        path for path, _ in commands
    }
    assert sum(len(command.params) for _, command in commands) > 40  # the options were all seen
    offending = [
        f"{path}: {' / '.join(parameter.opts)}"
        for path, command in commands
        for parameter in command.params
        if any(
            word in name.lower() for name in [parameter.name or "", *parameter.opts] for word in SECRET_WORDS
        )
    ]
    assert offending == []


def test_a_password_in_the_store_uri_is_refused_and_not_repeated(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        sys, "argv", ["ckg", "--store", "bolt://neo4j:a-known-password-4e1f@127.0.0.1:7687", "stats"]
    )
    with pytest.raises(SystemExit) as exit_:
        main()
    out, err = capsys.readouterr()
    assert (exit_.value.code, out) == (2, "")
    assert "put no password in the store URI: use bolt://127.0.0.1:7687" in err
    assert "a-known-password-4e1f" not in err
