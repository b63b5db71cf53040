"""A shortest-path question a store answers itself, without projecting the whole graph.

Both stores answer it with the same meaning as :func:`graph.analysis.paths.find_paths` over a
projection with the same filters: ties are undirected; a tie is usable at ``as_of`` when it
began on or before that date (its ``since``, else the first date a source reported it) and
had not ended by then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from graph.model import Entity, EntityKind, Relationship, RelationshipKind, Source

DEFAULT_MAX_LENGTH = 12


class PathQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    kinds: frozenset[RelationshipKind] | None = None
    exclude: frozenset[str] = frozenset()
    include_ended: bool = True
    as_of: date | None = None
    max_length: int = Field(default=DEFAULT_MAX_LENGTH, ge=1, le=50)
    limit: int = Field(default=100, ge=1, description="At most this many paths are returned.")


@dataclass(frozen=True)
class PathSubgraph:
    """Every shortest path between two stakeholders with all their answer reads: the ties between
    consecutive stakeholders of any path (every kind, either way round, with evidence, ordered by
    key), the paths' stakeholders by id and the sources those ties cite by id. ``paths`` are
    sorted, as :meth:`graph.store.base.GraphStore.shortest_paths` returns them; with no path,
    everything is empty."""

    paths: list[list[str]]
    relationships: list[Relationship]
    entities: dict[str, Entity]
    sources: dict[str, Source]


NO_PATH = PathSubgraph(paths=[], relationships=[], entities={}, sources={})


class NeighbourTie(NamedTuple):
    """One tie of a neighbourhood as a store reads it: from ``near`` (nearer the centre) to
    ``far``, with the far end's name and kind, so the answer needs no second read of entities."""

    near: str
    far: str
    kind: str
    key: str
    name: str
    entity_kind: EntityKind


@dataclass(frozen=True)
class Neighbourhood:
    """The stakeholders within ``len(rings)`` ties of ``centre``, as a store answers it.

    ``rings[i]`` holds every usable tie from a stakeholder ``i`` ties away to one ``i + 1`` away
    (parallel ties included): exactly the ties a breadth-first search over the projection with
    the same filters crosses outward, so :func:`graph.analysis.neighbours.neighbourhood_in_store`
    gives the projection's answer.
    """

    centre: str
    name: str
    kind: EntityKind
    rings: list[list[NeighbourTie]]


def collect_neighbourhood(
    centre: str,
    name: str,
    kind: EntityKind,
    depth: int,
    query: PathQuery,
    ties_of: Callable[[set[str]], Iterable[NeighbourTie]],
) -> Neighbourhood:
    """Ring by ring: ``ties_of(ring)`` reads the usable ties of a ring in one store query (or a
    few), and the ties to stakeholders already reached are dropped here. ``query.exclude``
    leaves stakeholders out; its ``max_length`` and ``limit`` do not apply."""
    seen = {centre}
    ring = {centre}
    rings: list[list[NeighbourTie]] = []
    for _ in range(depth):
        outward = sorted(
            (tie for tie in ties_of(ring) if tie.far not in seen and tie.far not in query.exclude),
            key=lambda tie: (tie.near, tie.far, tie.key),
        )
        if not outward:
            break
        rings.append(outward)
        ring = {tie.far for tie in outward}
        seen |= ring
    return Neighbourhood(centre=centre, name=name, kind=kind, rings=rings)
