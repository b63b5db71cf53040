"""How much a tie is worth as a step on a path to someone: its cost (lower is better).

    cost = kind factor x status factor x age factor x sourcing factor

- kind: 1.0, but 2.0 for LOCATED_IN (sharing a place is a weak route to someone);
- status: active 1.0, announced 1.3, planned 1.6, ended 3.0;
- age: 1 + 0.1 per year since the tie began (its ``since``, else the first source's date),
  capped at 10 years (2.0); an undated tie counts as 5 years old (1.5);
- sourcing: no evidence 1.5, one source 1.0, two 0.8, three or more 0.7.

So a fresh, active, well-sourced partnership costs about 0.7, and a ten-year-old planned tie
resting on one source about 3.2. Paths ranked by ``hops`` use the cost only to break ties
between paths of the same length; paths ranked by ``weight`` minimise the summed cost.
"""

from __future__ import annotations

from datetime import date

from graph.analysis.projection import Projection
from graph.model import Relationship, RelationshipKind, RelationshipStatus
from graph.store.base import TieSummary

STATUS_FACTOR = {
    RelationshipStatus.ACTIVE: 1.0,
    RelationshipStatus.ANNOUNCED: 1.3,
    RelationshipStatus.PLANNED: 1.6,
    RelationshipStatus.ENDED: 3.0,
}
KIND_FACTOR = {RelationshipKind.LOCATED_IN: 2.0}
UNDATED_AGE_YEARS = 5.0


def tie_cost(relationship: Relationship, projection: Projection, today: date) -> float:
    """The cost of stepping along ``relationship`` (see the module docstring)."""
    sources = len({evidence.source for evidence in relationship.evidence})
    began = projection.first_reported(relationship)
    return _cost(relationship.kind, relationship.status, began, sources, today)


def summary_cost(tie: TieSummary, today: date) -> float:
    """:func:`tie_cost` of the tie ``tie`` summarises: the same number, from what a store reads
    without the evidence's text."""
    return _cost(tie.kind, tie.status, tie.first_reported, len(tie.cited), today)


def _cost(
    kind: RelationshipKind, status: RelationshipStatus, began: date | None, sources: int, today: date
) -> float:
    age = UNDATED_AGE_YEARS if began is None else max(0.0, (today - began).days / 365.25)
    sourcing = 1.5 if sources == 0 else {1: 1.0, 2: 0.8}.get(sources, 0.7)
    return KIND_FACTOR.get(kind, 1.0) * STATUS_FACTOR[status] * (1 + 0.1 * min(age, 10.0)) * sourcing
