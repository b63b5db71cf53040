"""Partners, and partners of partners: the rings around one stakeholder.

Two ways to the same answer: :func:`neighbourhood` over a projection already in memory (the app
holds one), and :func:`neighbourhood_in_store`, which asks the store for the ties ring by ring
(for the command line, where projecting a large graph for one stakeholder's rings would cost
seconds and memory).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from graph.analysis.projection import Projection
from graph.analysis.results import Neighbour, NeighbourhoodAnswer
from graph.model import EntityKind
from graph.store.base import GraphStore
from graph.store.gate import gated
from graph.store.path_query import PathQuery
from graph.store.trusted import trusted


def neighbourhood(projection: Projection, entity_id: str, depth: int = 1) -> NeighbourhoodAnswer:
    """Everyone within ``depth`` ties of ``entity_id``, breadth first, with the ties that reach them.

    Raises KeyError when the entity is not in the view.
    """
    centre = projection.entities[entity_id]
    seen = {entity_id}
    ring = [entity_id]
    rings: list[list[tuple[str, str, str]]] = []
    for _ in range(depth):
        ties = [
            (node, other, tie.kind.value)
            for node in ring
            for other in projection.neighbours(node)
            if other not in seen
            for tie in projection.ties(node, other)
        ]
        if not ties:
            break
        rings.append(ties)
        reached = {other for _, other, _ in ties}
        seen |= reached
        ring = sorted(reached)
    entities = {
        eid: (projection.entities[eid].name, projection.entities[eid].kind)
        for eid in {entity_id} | {other for ties in rings for _, other, _ in ties}
    }
    return _answer(entity_id, centre.name, depth, rings, entities)


@gated  # the answer's work too, not only its reads
def neighbourhood_in_store(
    store: GraphStore, entity_id: str, depth: int = 1, query: PathQuery | None = None
) -> NeighbourhoodAnswer:
    """The answer of :func:`neighbourhood` over the projection of the same filters, read by the
    store itself ring by ring (:meth:`graph.store.base.GraphStore.neighbourhood`).

    Raises NotFoundError when the store has no such entity.
    """
    found = store.neighbourhood(entity_id, depth, query or PathQuery())
    entities = {found.centre: (found.name, found.kind)}
    for ties in found.rings:
        entities.update((tie.far, (tie.name, tie.entity_kind)) for tie in ties)
    rings = [[(tie.near, tie.far, tie.kind) for tie in ties] for ties in found.rings]
    return _answer(entity_id, found.name, depth, rings, entities)


def _answer(
    entity_id: str,
    name: str,
    depth: int,
    rings: Iterable[list[tuple[str, str, str]]],
    entities: dict[str, tuple[str, EntityKind]],
) -> NeighbourhoodAnswer:
    """The answer from the ties crossed outward at each ring: (nearer end, farther end, kind)."""
    found: list[Neighbour] = []
    for level, ties in enumerate(rings, start=1):
        reached: dict[str, list[str]] = defaultdict(list)
        for node, other, kind in ties:
            reached[other].append(f"{kind} with {entities[node][0]}")
        for other in sorted(reached, key=lambda i: (entities[i][1].value, entities[i][0], i)):
            other_name, kind = entities[other]
            # values of the fields' own types, from what the store wrote: built, not validated
            # again (a fifth of a 2-hop question's time on the 100,000-entity graph)
            values = {
                "id": other,
                "name": other_name,
                "kind": kind.value,
                "depth": level,
                "via": sorted(reached[other]),
            }
            found.append(trusted(Neighbour, values))
    by_kind: dict[str, list[str]] = defaultdict(list)
    for neighbour in found:
        by_kind[neighbour.kind].append(neighbour.id)
    return NeighbourhoodAnswer(
        entity=entity_id,
        name=name,
        depth=depth,
        neighbours=found,
        by_kind={kind: sorted(ids) for kind, ids in sorted(by_kind.items())},
    )
