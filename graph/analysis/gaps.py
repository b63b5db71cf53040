"""What is missing from the network, each finding with the reason it is listed.

Sections: coverage of clusters and regions (sectors and kinds of member they lack), missing
bridges between communities, single points of failure, isolated or weakly tied stakeholders,
and ties resting on thin evidence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

import networkx as nx

from graph.analysis.metrics import communities, simple_graph
from graph.analysis.projection import CLUSTER_TIES, Projection
from graph.analysis.results import GapItem, GapReport, GapSection
from graph.model import Entity, EntityKind, Relationship

MEMBER_KINDS = (EntityKind.COMPANY, EntityKind.UNIVERSITY, EntityKind.RESEARCH_INSTITUTE)
"""The kinds of member a cluster or region needs for research to reach industry."""
ORGANISATION_KINDS = frozenset(
    {
        EntityKind.COMPANY,
        EntityKind.UNIVERSITY,
        EntityKind.RESEARCH_INSTITUTE,
        EntityKind.GOVERNMENT_BODY,
        EntityKind.CONSORTIUM,
        EntityKind.CLUSTER,
    }
)
SECTION_LIMIT = 50
RECENT_YEARS = 2


def find_gaps(
    projection: Projection,
    *,
    sectors: Iterable[str] | None = None,
    today: date | None = None,
    limit: int = SECTION_LIMIT,
) -> GapReport:
    """The gap report of a view. ``sectors`` are the sectors every cluster should cover (default:
    every sector named in the view)."""
    today = today or projection.filter.as_of or date.today()
    wanted = sorted(set(sectors) if sectors else {s for e in projection.entities.values() for s in e.sectors})
    sections = [
        _section(
            "coverage",
            "Coverage of clusters and regions",
            f"Kinds of member ({', '.join(k.value for k in MEMBER_KINDS)}) and sectors "
            f"({', '.join(wanted) or 'none named'}) each cluster and region lacks.",
            _coverage(projection, wanted),
            limit,
        ),
        _section(
            "bridges",
            "Missing bridges between communities",
            "Groups of closely tied stakeholders (Louvain communities) with one tie or none between them.",
            _missing_bridges(projection),
            limit,
        ),
        _section(
            "single_points_of_failure",
            "Single points of failure",
            "Stakeholders and ties whose loss would cut others off from the rest of the network.",
            _single_points(projection),
            limit,
        ),
        _section(
            "weak_ties",
            "Isolated or weakly tied stakeholders",
            "Organisations with no tie, or only one, in this view.",
            _weakly_tied(projection),
            limit,
        ),
        _section(
            "thin_evidence",
            "Ties resting on thin evidence",
            f"Ties backed by one source only, or by no source from the last {RECENT_YEARS} years.",
            _thin_evidence(projection, today),
            limit,
        ),
    ]
    return GapReport(sections=sections)


def _section(key: str, title: str, explanation: str, items: list[GapItem], limit: int) -> GapSection:
    return GapSection(
        key=key, title=title, explanation=explanation, items=items[:limit], omitted=max(0, len(items) - limit)
    )


def _coverage(projection: Projection, wanted: list[str]) -> list[GapItem]:
    groups: dict[str, list[Entity]] = defaultdict(list)
    labels: dict[str, str] = {}
    for cluster in (e for e in projection.entities.values() if e.kind is EntityKind.CLUSTER):
        labels[cluster.id] = f"cluster {cluster.name}"
        groups[cluster.id] = [
            projection.entities[r.source]
            for r in projection.relationships.values()
            if r.target == cluster.id and r.kind in CLUSTER_TIES
        ]
    for entity in projection.entities.values():
        if entity.region and entity.kind in ORGANISATION_KINDS:
            key = f"region:{entity.region}"
            labels[key] = f"region {entity.region}"
            groups[key].append(entity)
    items = []
    for key in sorted(groups):
        members = groups[key]
        kinds = {m.kind for m in members}
        missing_kinds = [k.value for k in MEMBER_KINDS if k not in kinds]
        missing_sectors = [s for s in wanted if not any(s in m.sectors for m in members)]
        if not (missing_kinds or missing_sectors):
            continue
        who = f"{len(members)} member{'s' if len(members) != 1 else ''}" if members else "no members recorded"
        reason = f"{labels[key]} has {who}"
        if missing_kinds:
            reason += f"; no {', '.join(missing_kinds)}"
        if missing_sectors:
            reason += f"; no one working in {', '.join(missing_sectors)}"
        items.append(
            GapItem(
                subjects=[key.removeprefix("region:")]
                if not key.startswith("region:")
                else [m.id for m in members],
                title=labels[key],
                reason=reason,
                details={
                    "missing_kinds": missing_kinds,
                    "missing_sectors": missing_sectors,
                    "members": sorted(m.id for m in members),
                },
            )
        )
    return items


def _missing_bridges(projection: Projection) -> list[GapItem]:
    community = communities(projection)
    members: dict[int, list[str]] = defaultdict(list)
    for node, number in community.items():
        members[number].append(node)
    large = sorted(n for n, group in members.items() if len(group) >= 3)
    between: Counter[tuple[int, int]] = Counter()
    example: dict[tuple[int, int], str] = {}
    for rel in projection.relationships.values():
        a, b = sorted((community[rel.source], community[rel.target]))
        if a != b:
            between[(a, b)] += 1
            example[(a, b)] = _tie_title(projection, rel)
    items = []
    for i, a in enumerate(large):
        for b in large[i + 1 :]:
            count = between[(a, b)]
            if count > 1:
                continue
            names_a = _names(projection, members[a])
            names_b = _names(projection, members[b])
            tie = f"only one tie between them ({example[(a, b)]})" if count else "no tie between them"
            items.append(
                GapItem(
                    subjects=sorted(members[a]) + sorted(members[b]),
                    title=f"community {a} and community {b}",
                    reason=f"{tie}; community {a} ({len(members[a])}: {names_a}) and community {b} "
                    f"({len(members[b])}: {names_b})",
                    details={f"community_{a}": sorted(members[a]), f"community_{b}": sorted(members[b])},
                )
            )
    return items


def _single_points(projection: Projection) -> list[GapItem]:
    graph = simple_graph(projection)
    items = []
    for node in sorted(nx.articulation_points(graph), key=lambda n: (-graph.degree(n), n)):
        rest = graph.subgraph(n for n in nx.node_connected_component(graph, node) if n != node)
        pieces = sorted(nx.connected_components(rest), key=len, reverse=True)
        cut_off = sorted(n for piece in pieces[1:] for n in piece)
        items.append(
            GapItem(
                subjects=[node],
                title=projection.entities[node].name,
                reason=f"without {projection.entities[node].name}, {len(cut_off)} stakeholder"
                f"{'s' if len(cut_off) != 1 else ''} would be cut off from the rest: "
                f"{_names(projection, cut_off)}",
                details={"cut_off": cut_off},
            )
        )
    for a, b in sorted(tuple(sorted(edge)) for edge in nx.bridges(graph)):
        if graph.degree(a) == 1 or graph.degree(b) == 1:
            continue  # a lone partner's only tie is listed under weak ties
        without = graph.copy()
        without.remove_edge(a, b)
        side = min(nx.node_connected_component(without, a), nx.node_connected_component(without, b), key=len)
        ties = ", ".join(sorted(t.kind.value for t in projection.ties(a, b)))
        items.append(
            GapItem(
                subjects=[a, b],
                title=f"{projection.entities[a].name} - {projection.entities[b].name}",
                reason=f"the only route between two parts of the network ({ties}); losing it cuts off "
                f"{len(side)}: {_names(projection, sorted(side))}",
                details={"cut_off": sorted(side)},
            )
        )
    return items


def _weakly_tied(projection: Projection) -> list[GapItem]:
    graph = simple_graph(projection)
    items = []
    for node in sorted(graph.nodes, key=lambda n: (graph.degree(n), n)):
        entity = projection.entities[node]
        if entity.kind not in ORGANISATION_KINDS or graph.degree(node) > 1:
            continue
        if graph.degree(node) == 0:
            reason = f"{entity.name} has no tie in this view"
        else:
            [partner] = list(graph.neighbors(node))
            ties = ", ".join(sorted(t.kind.value for t in projection.ties(node, partner)))
            reason = f"{entity.name} is tied only to {projection.entities[partner].name} ({ties})"
        items.append(GapItem(subjects=[node], title=entity.name, reason=reason))
    return items


def _thin_evidence(projection: Projection, today: date) -> list[GapItem]:
    recent = today - timedelta(days=round(365.25 * RECENT_YEARS))
    items = []
    for key in sorted(projection.relationships):
        rel = projection.relationships[key]
        cited = sorted({e.source for e in rel.evidence})
        dates = [p for s in cited if (src := projection.sources.get(s)) and (p := src.published)]
        problems = []
        if len(cited) <= 1:
            problems.append("no source" if not cited else f"one source only ({cited[0]})")
        if dates and max(dates) < recent:
            problems.append(f"newest source from {max(dates).isoformat()}")
        if problems:
            items.append(
                GapItem(
                    subjects=[rel.source, rel.target],
                    title=_tie_title(projection, rel),
                    reason="; ".join(problems),
                    details={"sources": cited, "key": [key]},
                )
            )
    return items


def _names(projection: Projection, ids: list[str], shown: int = 5) -> str:
    names = sorted(projection.entities[i].name for i in ids)
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _tie_title(projection: Projection, rel: Relationship) -> str:
    return f"{projection.entities[rel.source].name} {rel.kind.value} {projection.entities[rel.target].name}"
