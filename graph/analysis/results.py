"""What analysis returns: pydantic models the CLI prints, the app shows and exports write.

Shapes named by users' scripts (``ckg path --json``) are a contract: add fields, never rename.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from graph.model import Relationship


class EvidenceRef(BaseModel):
    """One piece of evidence as a reader needs it: which source, what it says, where to find it."""

    source: str
    quote: str | None = None
    locator: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None


class Hop(BaseModel):
    """One step of a path: the tie between two consecutive stakeholders, with its evidence.

    ``source``/``target`` are the relationship's own ends (its direction), while ``from_``/``to``
    follow the walk, so a reader sees both who did what and which way the path goes.
    """

    from_: str = Field(serialization_alias="from")
    to: str
    kind: str
    source: str
    target: str
    since: date | None = None
    until: date | None = None
    status: str
    amount: float | None = None
    currency: str | None = None
    note: str | None = None
    cost: float
    evidence: list[EvidenceRef] = Field(default_factory=list)

    def when(self) -> str:
        """Its dates and status as the CLI and the app print them: "since 2025-03-01, active"."""
        since = f"since {self.since}" if self.since else ""
        until = f"until {self.until}" if self.until else ""
        return ", ".join(part for part in (since, until, self.status) if part)

    def money(self) -> str:
        """Its amount and currency with a leading space ("" when it has none)."""
        return f" {self.amount:,.0f} {self.currency or ''}".rstrip() if self.amount is not None else ""


class PathResult(BaseModel):
    length: int
    cost: float
    entities: list[str]
    names: list[str]
    hops: list[Hop]


class Reach(BaseModel):
    """What one end of a failed search can reach, so the user sees why there is no path."""

    entity: str
    name: str
    component_size: int
    sample: list[str] = Field(description="Some of the stakeholders it can reach, by name.")


class PathsAnswer(BaseModel):
    """`ckg path --json`: ``{"paths": [{"length", "hops": [{"kind", "source", "target", "since",
    "status", "evidence": [{"source", "quote"}]}]}]}`` plus the keys below."""

    source: str
    target: str
    paths: list[PathResult]
    reason: str | None = Field(default=None, description="Why no path was found, when none was.")
    reach: list[Reach] = Field(default_factory=list)


def hop_from(relationship: Relationship, walked_from: str, cost: float, evidence: list[EvidenceRef]) -> Hop:
    walked_to = relationship.target if relationship.source == walked_from else relationship.source
    return Hop(
        from_=walked_from,
        to=walked_to,
        kind=relationship.kind.value,
        source=relationship.source,
        target=relationship.target,
        since=relationship.since,
        until=relationship.until,
        status=relationship.status.value,
        amount=relationship.amount,
        currency=relationship.currency,
        note=relationship.note,
        cost=round(cost, 4),
        evidence=evidence,
    )


class Neighbour(BaseModel):
    id: str
    name: str
    kind: str
    depth: int
    via: list[str] = Field(description="The ties that reach it from the previous ring, as 'KIND with NAME'.")


class NeighbourhoodAnswer(BaseModel):
    """`ckg neighbours --json`: the rings around a stakeholder, each stakeholder once, nearest ring first."""

    entity: str
    name: str
    depth: int
    neighbours: list[Neighbour]
    by_kind: dict[str, list[str]] = Field(description="Neighbour ids by entity kind.")


class EntityMetrics(BaseModel):
    id: str
    name: str
    kind: str
    degree: int
    betweenness: float
    closeness: float
    pagerank: float
    community: int


class MetricsAnswer(BaseModel):
    """`ckg metrics --json`: one row per stakeholder, and the top brokers (highest betweenness)."""

    entities: list[EntityMetrics]
    brokers: list[str]
    communities: int
    betweenness_sampled: bool = Field(description="True when betweenness was estimated from a sample.")
    betweenness_samples: int | None = None


class GapItem(BaseModel):
    """One finding: what it is about, and why it is listed."""

    subjects: list[str] = Field(description="The ids the finding is about.")
    title: str
    reason: str
    details: dict[str, list[str]] = Field(default_factory=dict)


class GapSection(BaseModel):
    key: str
    title: str
    explanation: str
    items: list[GapItem]
    omitted: int = Field(default=0, description="Findings past the section's limit, not listed.")


class GapReport(BaseModel):
    """`ckg gaps --json`: sections coverage, bridges, single_points_of_failure, weak_ties, thin_evidence."""

    sections: list[GapSection]


class Suggestion(BaseModel):
    id: str
    name: str
    kind: str
    score: float
    reasons: list[str]
    brokers: list[str] = Field(default_factory=list, description="Shared partners who could introduce them.")


class SuggestionsAnswer(BaseModel):
    """`ckg suggest --json`: ranked candidates for a stakeholder, each with its reasons."""

    entity: str
    name: str
    suggestions: list[Suggestion]
