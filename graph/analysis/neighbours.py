"""Partners, and partners of partners: the rings around one stakeholder."""

from __future__ import annotations

from collections import defaultdict

from graph.analysis.projection import Projection
from graph.analysis.results import Neighbour, NeighbourhoodAnswer


def neighbourhood(projection: Projection, entity_id: str, depth: int = 1) -> NeighbourhoodAnswer:
    """Everyone within ``depth`` ties of ``entity_id``, breadth first, with the ties that reach them.

    Raises KeyError when the entity is not in the view.
    """
    centre = projection.entities[entity_id]
    seen = {entity_id}
    ring = [entity_id]
    found: list[Neighbour] = []
    for level in range(1, depth + 1):
        reached: dict[str, list[str]] = defaultdict(list)
        for node in ring:
            for other in projection.neighbours(node):
                if other in seen:
                    continue
                for tie in projection.ties(node, other):
                    reached[other].append(f"{tie.kind.value} with {projection.entities[node].name}")
        for other in sorted(
            reached, key=lambda i: (projection.entities[i].kind.value, projection.entities[i].name)
        ):
            entity = projection.entities[other]
            found.append(
                Neighbour(
                    id=other,
                    name=entity.name,
                    kind=entity.kind.value,
                    depth=level,
                    via=sorted(reached[other]),
                )
            )
        seen |= set(reached)
        ring = sorted(reached)
        if not ring:
            break
    by_kind: dict[str, list[str]] = defaultdict(list)
    for neighbour in found:
        by_kind[neighbour.kind].append(neighbour.id)
    return NeighbourhoodAnswer(
        entity=entity_id,
        name=centre.name,
        depth=depth,
        neighbours=found,
        by_kind={kind: sorted(ids) for kind, ids in sorted(by_kind.items())},
    )
