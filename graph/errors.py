"""The project's exceptions. Raised anywhere, turned into messages and exit codes only at the edges
(the CLI and the UI), so library callers can catch precisely what they expect."""

from __future__ import annotations

from dataclasses import dataclass


class CkgError(Exception):
    """Base of every error this project raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the format allows.

    >>> str(Problem("data/a.yaml", "relationships[2].kind", "not a relationship kind", line=14))
    'data/a.yaml:14: relationships[2].kind: not a relationship kind'
    """

    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class BadInputError(CkgError):
    """Input that cannot be loaded. Carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the input"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in problems))


class UsageError(CkgError):
    """A command used wrongly (an unknown store scheme, say): exit code 2, like other usage errors."""


class NotFoundError(CkgError):
    """A name or id that matches nothing."""


class AmbiguousError(CkgError):
    """A name that matches more than one entity; the message lists the candidates."""


class StoreUnavailableError(CkgError):
    """The store cannot be reached or opened: a down server, wrong credentials, a bad URI."""


class ServerError(CkgError):
    """The local Neo4j server cannot be fetched, started or stopped."""
