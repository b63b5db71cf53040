"""What every `ckg` command shares: the store chosen by ``--store`` or ``CKG_STORE``, and the
``--json`` option. Command modules (ui/cli_*.py) import from here, never from each other."""

from __future__ import annotations

from typing import Annotated

import typer

from graph.store import GraphStore, open_store, resolve_store_uri

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]


class _Chosen:
    store_uri: str | None = None


def choose_store(uri: str | None) -> None:
    """Called once by the top-level callback with the value of ``--store``."""
    _Chosen.store_uri = uri


def chosen_store_uri() -> str:
    return resolve_store_uri(_Chosen.store_uri)


def open_chosen_store(*, create: bool = False) -> GraphStore:
    """The store this invocation works on; use it as a context manager so it is closed. Only
    commands that write pass ``create=True``: a reader given a mistyped path gets an error, not
    a new empty store."""
    return open_store(_Chosen.store_uri, create=create)
