"""What is missing from the network, each finding with the reason it is listed.

Sections: coverage of clusters and regions (sectors and kinds of member they lack), missing
bridges between communities, single points of failure, isolated or weakly tied stakeholders,
and ties resting on thin evidence. Each section lists its first ``limit`` findings, most
important first, and counts the rest; every pass is linear in the size of the graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from functools import partial
from itertools import islice

import numpy as np

from graph.analysis.beside import beside
from graph.analysis.cuts import find_cuts_numbered
from graph.analysis.metrics import SimpleGraph, communities, on_second_core, simple_graph
from graph.analysis.projection import CLUSTER_TIES, Projection, Tie
from graph.analysis.results import GapItem, GapReport, GapSection
from graph.bulk import paused_gc
from graph.model import Entity, EntityKind
from graph.store.base import TieSummary

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
DETAIL_LIMIT = 200  # ids listed in a finding's details; the reason gives the full count
RECENT_YEARS = 2
SECTION_ORDER = ("coverage", "bridges", "single_points_of_failure", "weak_ties", "thin_evidence")


def find_gaps(
    projection: Projection,
    *,
    sectors: Iterable[str] | None = None,
    today: date | None = None,
    limit: int = SECTION_LIMIT,
) -> GapReport:
    """The gap report of a view. ``sectors`` are the sectors every cluster should cover (default:
    every sector named in the view)."""
    with paused_gc():  # findings by the hundred thousand beside a large projection: graph.bulk
        return _find_gaps(projection, sectors, today or projection.filter.as_of or date.today(), limit)


def _find_gaps(projection: Projection, sectors: Iterable[str] | None, today: date, limit: int) -> GapReport:
    wanted = sorted(set(sectors) if sectors else {s for e in projection.entities.values() for s in e.sectors})
    simple = simple_graph(projection)
    # Leiden, the one step that takes seconds and needs nothing else, runs on a second core on
    # a large graph while this one makes the other sections (see graph.analysis.beside)
    grouping = beside(lambda: communities(projection, simple), fork=on_second_core(len(simple.ids)))
    partners: list[list[int]] = simple.graph.get_adjlist()
    member_kinds = ", ".join(k.value for k in MEMBER_KINDS)
    sections = {
        "coverage": _section(
            "coverage", "Coverage of clusters and regions",
            f"Kinds of member ({member_kinds}) and sectors ({', '.join(wanted) or 'none named'}) "
            "each cluster and region lacks.",
            _coverage(projection, wanted), limit),
        "single_points_of_failure": _section(
            "single_points_of_failure", "Single points of failure",
            "Stakeholders and ties whose loss would cut others off from the rest of the network, "
            "most cut off first.",
            _single_points(projection, simple, partners), limit),
        "weak_ties": _section(
            "weak_ties", "Isolated or weakly tied stakeholders",
            "Organisations with no tie, or only one, in this view.",
            _weakly_tied(projection, simple, partners), limit),
        "thin_evidence": _section(
            "thin_evidence", "Ties resting on thin evidence",
            f"Ties backed by one source only, or by no source from the last {RECENT_YEARS} years.",
            _thin_evidence(projection, today), limit),
    }  # fmt: skip
    sections["bridges"] = _section(
        "bridges",
        "Missing bridges between communities",
        "Groups of closely tied stakeholders (Leiden communities) with one tie or none between them.",
        _missing_bridges(projection, simple, grouping.result()),
        limit,
    )
    return GapReport(sections=[sections[key] for key in SECTION_ORDER])


Finding = Callable[[], GapItem]
"""A finding made only when listed: past a section's limit findings are counted, not built."""


def _section(key: str, title: str, explanation: str, findings: Iterator[Finding], limit: int) -> GapSection:
    listed = [make() for make in islice(findings, limit)]
    return GapSection(
        key=key, title=title, explanation=explanation, items=listed, omitted=sum(1 for _ in findings)
    )


def _coverage(projection: Projection, wanted: list[str]) -> Iterator[Finding]:
    groups: dict[str, list[Entity]] = defaultdict(list)
    labels: dict[str, str] = {}
    for cluster in (e for e in projection.entities.values() if e.kind is EntityKind.CLUSTER):
        labels[cluster.id] = f"cluster {cluster.name}"
        groups[cluster.id] = []
    for rel in projection.each_tie():
        if rel.target in labels and rel.kind in CLUSTER_TIES:
            groups[rel.target].append(projection.entities[rel.source])
    for entity in projection.entities.values():
        if entity.region and entity.kind in ORGANISATION_KINDS:
            key = f"region:{entity.region}"
            labels[key] = f"region {entity.region}"
            groups[key].append(entity)
    for key in sorted(groups):
        members = groups[key]
        kinds = {m.kind for m in members}
        missing_kinds = [k.value for k in MEMBER_KINDS if k not in kinds]
        covered = {s for m in members for s in m.sectors}
        missing_sectors = [s for s in wanted if s not in covered]
        if not (missing_kinds or missing_sectors):
            continue
        who = f"{len(members)} member{'s' if len(members) != 1 else ''}" if members else "no members recorded"
        reason = f"{labels[key]} has {who}"
        if missing_kinds:
            reason += f"; no {', '.join(missing_kinds)}"
        if missing_sectors:
            reason += f"; no one working in {', '.join(missing_sectors)}"
        is_region = key.startswith("region:")
        yield partial(
            GapItem,
            subjects=sorted(m.id for m in members)[:DETAIL_LIMIT] if is_region else [key],
            title=labels[key],
            reason=reason,
            details={
                "missing_kinds": missing_kinds,
                "missing_sectors": missing_sectors,
                "members": sorted(m.id for m in members)[:DETAIL_LIMIT],
            },
        )


def _missing_bridges(
    projection: Projection, simple: SimpleGraph, community: dict[str, int]
) -> Iterator[Finding]:
    members: dict[int, list[str]] = defaultdict(list)
    for node, number in community.items():
        members[number].append(node)
    large = sorted(n for n, group in members.items() if len(group) >= 3)
    between, example = _ties_between_communities(simple, community)
    for i, a in enumerate(large):
        for b in large[i + 1 :]:
            count = between.get((a, b), 0)
            if count > 1:
                continue
            tie = (
                f"only one tie between them ({_tie_title(projection, simple.ties[example[(a, b)]])})"
                if count
                else "no tie between them"
            )
            yield partial(
                GapItem,
                subjects=sorted(members[a])[:DETAIL_LIMIT] + sorted(members[b])[:DETAIL_LIMIT],
                title=f"community {a} and community {b}",
                reason=f"{tie}; community {a} ({len(members[a])}: {_names(projection, members[a])}) and "
                f"community {b} ({len(members[b])}: {_names(projection, members[b])})",
                details={
                    f"community_{a}": sorted(members[a])[:DETAIL_LIMIT],
                    f"community_{b}": sorted(members[b])[:DETAIL_LIMIT],
                },
            )


def _ties_between_communities(
    simple: SimpleGraph, community: dict[str, int]
) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], int]]:
    """For each pair of communities (lower number first) with a tie between them: how many ties,
    and the index in ``simple.ties`` of the first. Counted in numpy: a pass over 500,000 ties in
    Python took seconds."""
    membership = np.array([community[node] for node in simple.ids], dtype=np.int64)
    ends = membership[simple.ends]
    low, high = ends.min(axis=1), ends.max(axis=1)
    across = np.flatnonzero(low != high)
    size = int(membership.max(initial=0)) + 1
    codes, first, counts = np.unique(low[across] * size + high[across], return_index=True, return_counts=True)
    pairs = [divmod(int(code), size) for code in codes]
    return (
        {pair: int(count) for pair, count in zip(pairs, counts, strict=True)},
        {pair: int(across[at]) for pair, at in zip(pairs, first, strict=True)},
    )


def _single_points(
    projection: Projection, simple: SimpleGraph, partners: list[list[int]]
) -> Iterator[Finding]:
    ids = simple.ids
    points, bridges = find_cuts_numbered(ids, partners)
    partner_count = {node: len(partners[number]) for number, node in enumerate(ids)}
    for cut in sorted(points, key=lambda c: (-len(c.cut_off), c.at)):
        [node] = cut.at
        name = projection.entities[node].name
        many = "s" if len(cut.cut_off) != 1 else ""
        yield partial(
            GapItem,
            subjects=[node],
            title=name,
            reason=f"without {name}, {len(cut.cut_off)} stakeholder{many} would be cut off from the rest: "
            f"{_names(projection, cut.cut_off)}",
            details={"cut_off": cut.cut_off[:DETAIL_LIMIT]},
        )
    for cut in sorted(bridges, key=lambda c: (-len(c.cut_off), c.at)):
        a, b = cut.at
        if partner_count[a] == 1 or partner_count[b] == 1:
            continue  # a lone partner's only tie is listed under weak ties
        yield partial(_bridge_item, projection, simple, a, b, cut.cut_off)


def _bridge_item(projection: Projection, simple: SimpleGraph, a: str, b: str, cut_off: list[str]) -> GapItem:
    """A bridge's finding, worded only when listed (thousands are counted at 100,000 stakeholders)."""
    return GapItem(
        subjects=[a, b],
        title=f"{projection.entities[a].name} - {projection.entities[b].name}",
        reason=f"the only route between two parts of the network ({_kinds_between(simple, a, b)}); losing "
        f"it cuts off {len(cut_off)}: {_names(projection, cut_off)}",
        details={"cut_off": cut_off[:DETAIL_LIMIT]},
    )


def _weakly_tied(projection: Projection, simple: SimpleGraph, partners: list[list[int]]) -> Iterator[Finding]:
    ids = simple.ids
    for number in sorted(range(len(ids)), key=lambda n: (len(partners[n]), ids[n])):
        node, entity = ids[number], projection.entities[ids[number]]
        if len(partners[number]) > 1:
            return  # sorted by number of partners: nobody further on is weakly tied
        if entity.kind not in ORGANISATION_KINDS:
            continue
        if not partners[number]:
            yield partial(
                GapItem, subjects=[node], title=entity.name, reason=f"{entity.name} has no tie in this view"
            )
        else:
            yield partial(_lone_item, projection, simple, node, ids[partners[number][0]])


def _lone_item(projection: Projection, simple: SimpleGraph, node: str, partner: str) -> GapItem:
    """A stakeholder tied to one partner only, worded only when listed."""
    name = projection.entities[node].name
    ties = _kinds_between(simple, node, partner)
    return GapItem(
        subjects=[node],
        title=name,
        reason=f"{name} is tied only to {projection.entities[partner].name} ({ties})",
    )


def _kinds_between(simple: SimpleGraph, a: str, b: str) -> str:
    return ", ".join(sorted(tie.kind.value for tie in simple.ties_between(a, b)))


def _thin_evidence(projection: Projection, today: date) -> Iterator[Finding]:
    recent = today - timedelta(days=round(365.25 * RECENT_YEARS))
    published = {sid: source.published for sid, source in projection.sources.items() if source.published}
    summaries = projection.summaries
    for key in sorted(summaries):
        tie = summaries[key]
        cited = tie.cited
        if len(cited) <= 1:  # thin whatever its date: the date is looked up only if it is listed
            yield partial(_thin_item, projection, tie, published, recent)
            continue
        newest = max((published[s] for s in cited if s in published), default=None)
        if newest is not None and newest < recent:
            yield partial(_thin_item, projection, tie, published, recent)


def _thin_item(projection: Projection, tie: TieSummary, published: dict[str, date], recent: date) -> GapItem:
    """A thin-evidence finding, worded only when listed (most ties of a large graph are counted)."""
    cited = tie.cited
    newest = max((published[s] for s in cited if s in published), default=None)
    problems = []
    if len(cited) <= 1:
        problems.append("no source" if not cited else f"one source only ({cited[0]})")
    if newest is not None and newest < recent:
        problems.append(f"newest source from {newest.isoformat()}")
    return GapItem(
        subjects=[tie.source, tie.target],
        title=_tie_title(projection, tie),
        reason="; ".join(problems),
        details={"sources": list(cited), "key": [tie.key]},
    )


def _names(projection: Projection, ids: Iterable[str], shown: int = 5) -> str:
    chosen = sorted(ids)
    names = sorted(projection.entities[i].name for i in chosen[: shown * 20])
    more = f" and {len(chosen) - shown} more" if len(chosen) > shown else ""
    return ", ".join(names[:shown]) + more


def _tie_title(projection: Projection, rel: Tie) -> str:
    return f"{projection.entities[rel.source].name} {rel.kind.value} {projection.entities[rel.target].name}"
