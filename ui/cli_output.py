"""How the command line speaks: JSON on stdout for scripts, errors on stderr with an exit code."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn, Protocol

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

_err = Console(stderr=True, soft_wrap=True, emoji=False)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(text: object) -> str:
    """``text`` (a name, a quote, a message holding them) as markup that prints as itself: rich's
    ``[tags]`` escaped, and control characters, which a terminal would obey (an escape sequence in
    a name could rewrite the screen), written out as ``\\x1b``. Newlines and tabs stay.

    >>> print(shown("[bold]x[/] \x1b[2J"))
    \\[bold]x\\[/] \\x1b[2J
    """
    visible = _CONTROL.sub(lambda match: f"\\x{ord(match.group(0)):02x}", str(text))
    return escape(visible)


def print_json(value: Any) -> None:
    """JSON for scripts: UTF-8 as is (Korean stays readable), dates as ISO strings.

    A model is written by pydantic's own serialiser, straight from the model: the metrics of
    100,000 stakeholders took 12 s as dicts through :func:`json.dumps` (whose indenting encoder
    is pure Python), against well under a second this way, in the same shape.
    """
    if isinstance(value, BaseModel):
        sys.stdout.write(value.model_dump_json(indent=2, by_alias=True) + "\n")
        return
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``message`` as an error and exit: 1 for bad input or a failed check, 2 for wrong usage."""
    _err.print(f"[bold red]error:[/] {shown(message)}", highlight=False)
    raise SystemExit(code)


class ProgressUpdate(Protocol):
    def __call__(self, description: str, done: int | None = None, total: int | None = None) -> None: ...


@contextmanager
def progress_bar(label: str, *, show: bool) -> Iterator[ProgressUpdate]:
    """A progress bar on stderr that goes away when done (or, with ``show`` false, a callback
    that does nothing): long commands show they are working without cluttering the output."""
    with Progress(
        TextColumn(f"[bold]{label}[/] {{task.description}}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err,
        disable=not show,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def update(description: str, done: int | None = None, total: int | None = None) -> None:
            bar.update(task, description=description, completed=done, total=total)

        yield update
