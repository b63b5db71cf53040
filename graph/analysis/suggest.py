"""Who a stakeholder could partner with, and why.

Each candidate (an organisation not yet tied to the stakeholder) is scored as

    score = adamic_adar + 0.5 x shared sectors + 0.3 x complementary sectors
            + 0.3 x same cluster + 0.2 x same region + 0.1 x same country

- Adamic-Adar sums 1/log(degree) over the partners both share: a shared partner with few ties
  says more than a hub everyone is tied to. Those shared partners are the brokers who could
  introduce them, best first.
- Shared sectors: both work in a sector (up to 3 counted). Complementary sectors: the candidate
  covers sectors the stakeholder lacks (up to 3).
- Same cluster: both are members of one cluster; region and country likewise.
A candidate needs at least one reason; the list is ranked by score, then name.
"""

from __future__ import annotations

import math
from collections import defaultdict

from graph.analysis.gaps import ORGANISATION_KINDS
from graph.analysis.projection import CLUSTER_TIES, Projection
from graph.analysis.results import Suggestion, SuggestionsAnswer
from graph.model import Entity, EntityKind


def suggest_partners(projection: Projection, entity_id: str, top: int = 10) -> SuggestionsAnswer:
    """Ranked partner suggestions for ``entity_id`` (raises KeyError when it is not in the view)."""
    me = projection.entities[entity_id]
    adjacency = projection.adjacency()
    partners = adjacency[entity_id]
    clusters = _clusters_of(projection)
    suggestions = []
    for other_id, other in projection.entities.items():
        if other_id == entity_id or other_id in partners or other.kind not in ORGANISATION_KINDS:
            continue
        if other.kind is EntityKind.CLUSTER:
            continue
        suggestion = _score(projection, adjacency, me, other, clusters)
        if suggestion is not None:
            suggestions.append(suggestion)
    suggestions.sort(key=lambda s: (-s.score, s.name))
    return SuggestionsAnswer(entity=entity_id, name=me.name, suggestions=suggestions[:top])


def _clusters_of(projection: Projection) -> dict[str, set[str]]:
    clusters: dict[str, set[str]] = defaultdict(set)
    for rel in projection.each_tie():
        target = projection.entities[rel.target]
        if rel.kind in CLUSTER_TIES and target.kind is EntityKind.CLUSTER:
            clusters[rel.source].add(rel.target)
    return clusters


def _score(
    projection: Projection,
    adjacency: dict[str, set[str]],
    me: Entity,
    other: Entity,
    clusters: dict[str, set[str]],
) -> Suggestion | None:
    reasons: list[str] = []
    shared = sorted(adjacency.get(me.id, set()) & adjacency.get(other.id, set()))
    degree = {n: len(adjacency[n]) for n in shared}
    adamic_adar = sum(1 / math.log(degree[n]) for n in shared if degree[n] > 1)
    brokers = sorted(shared, key=lambda n: (degree[n], n))
    if shared:
        names = ", ".join(projection.entities[n].name for n in brokers[:3])
        reasons.append(f"{len(shared)} shared partner{'s' if len(shared) != 1 else ''}: {names}")
    common_sectors = sorted(set(me.sectors) & set(other.sectors))
    complementary = sorted(set(other.sectors) - set(me.sectors))
    if common_sectors:
        reasons.append(f"both work in {', '.join(common_sectors)}")
    if complementary and me.sectors:
        reasons.append(f"brings sectors {me.name} lacks: {', '.join(complementary[:3])}")
    same_clusters = sorted(clusters.get(me.id, set()) & clusters.get(other.id, set()))
    if same_clusters:
        reasons.append(f"same cluster: {', '.join(projection.entities[c].name for c in same_clusters)}")
    same_region = bool(me.region and me.region == other.region)
    if same_region:
        reasons.append(f"same region: {me.region}")
    same_country = bool(me.country and me.country == other.country)
    if not reasons:
        return None
    if same_country:
        reasons.append(f"same country: {me.country}")
    score = (
        adamic_adar
        + 0.5 * min(len(common_sectors), 3)
        + 0.3 * (min(len(complementary), 3) if me.sectors else 0)
        + 0.3 * bool(same_clusters)
        + 0.2 * same_region
        + 0.1 * same_country
    )
    return Suggestion(
        id=other.id,
        name=other.name,
        kind=other.kind.value,
        score=round(score, 4),
        reasons=reasons,
        brokers=brokers,
    )
