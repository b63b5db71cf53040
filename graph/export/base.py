"""What every writer takes: the view to write and where it came from, and a progress callback.

Writers never read a store: they get an :class:`ExportView` built once by
:func:`graph.export.view.build_export_view`, so every format of the same view holds the same
entities, relationships and provenance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.analysis.projection import Projection
from graph.export.provenance import Provenance

ProgressFn = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: how a writer reports how far it is (the CLI draws a bar)."""

PROGRESS_STEP = 500
"""Writers report progress every this many records: often enough for a bar, rarely enough to cost nothing."""


def no_progress(stage: str, done: int, total: int) -> None:
    """The default callback: exports from library code are silent."""


@dataclass(frozen=True)
class ExportView:
    """A projection of the chosen view, with the provenance every export records."""

    projection: Projection
    provenance: Provenance


class Ticker:
    """Counts records for one stage and calls ``progress`` every :data:`PROGRESS_STEP` and at the end.

    >>> ticks = []
    >>> ticker = Ticker(lambda s, d, t: ticks.append(d), "rows", 1200)
    >>> for _ in range(1200): ticker.tick()
    >>> ticker.done(); ticks
    [0, 500, 1000, 1200]
    """

    def __init__(self, progress: ProgressFn, stage: str, total: int) -> None:
        self._progress = progress
        self._stage = stage
        self._total = total
        self._count = 0
        progress(stage, 0, total)

    def tick(self) -> None:
        self._count += 1
        if self._count % PROGRESS_STEP == 0:
            self._progress(self._stage, self._count, self._total)

    def done(self) -> None:
        self._progress(self._stage, self._total, self._total)
