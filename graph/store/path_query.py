"""A shortest-path question a store answers itself, without projecting the whole graph.

Both stores answer it with the same meaning as :func:`graph.analysis.paths.find_paths` over a
projection with the same filters: ties are undirected; a tie is usable at ``as_of`` when it
began on or before that date (its ``since``, else the first date a source reported it) and
had not ended by then.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from graph.model import RelationshipKind

DEFAULT_MAX_LENGTH = 12


class PathQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    kinds: frozenset[RelationshipKind] | None = None
    exclude: frozenset[str] = frozenset()
    include_ended: bool = True
    as_of: date | None = None
    max_length: int = Field(default=DEFAULT_MAX_LENGTH, ge=1, le=50)
    limit: int = Field(default=100, ge=1, description="At most this many paths are returned.")
