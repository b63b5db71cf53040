"""How the command line speaks: JSON on stdout for scripts, errors on stderr with an exit code."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from rich.console import Console

_err = Console(stderr=True, soft_wrap=True)


def print_json(value: Any) -> None:
    """JSON for scripts: UTF-8 as is (Korean stays readable), dates as ISO strings."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``message`` as an error and exit: 1 for bad input or a failed check, 2 for wrong usage."""
    _err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise SystemExit(code)
