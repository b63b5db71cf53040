"""Guided questions: what users ask most, answered without Cypher, on any store.

Each question is a pure function over a :class:`Projection` returning a :class:`QuestionAnswer`:
a table (columns and rows, the evidence of each tie included) and the stakeholders and ties to
draw, so the app shows a table and a graph and the command line could print the same rows.

>>> answer = ties_since(projection, RelationshipKind.SIGNED_MOU_WITH, date(2025, 1, 1))  # doctest: +SKIP
>>> [row["with"] for row in answer.rows]  # doctest: +SKIP
['IonQ']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, Field

from graph.analysis.projection import CLUSTER_TIES, Projection
from graph.model import EntityKind, Relationship, RelationshipKind

Cell = str | int | float | None

MONEY_KINDS = frozenset({RelationshipKind.FUNDS, RelationshipKind.INVESTS_IN})


class QuestionAnswer(BaseModel):
    """A question's answer: a table, and the part of the graph it is about."""

    question: str
    columns: list[str]
    rows: list[dict[str, Cell]]
    entities: list[str] = Field(default_factory=list, description="Ids of the stakeholders to draw.")
    relationships: list[str] = Field(default_factory=list, description="Keys of the ties to draw.")
    note: str | None = Field(default=None, description="Why the answer is empty, when it is.")


def _name(projection: Projection, entity_id: str) -> str:
    entity = projection.entities.get(entity_id)
    return entity.name if entity else entity_id


def _tie_row(projection: Projection, rel: Relationship) -> dict[str, Cell]:
    """The columns every tie shares: when, status, amount, and the evidence."""
    began = projection.first_reported(rel)
    sources = [
        projection.sources[ev.source].title if ev.source in projection.sources else ev.source
        for ev in rel.evidence
    ]
    quotes = [ev.quote for ev in rel.evidence if ev.quote]
    return {
        "since": began.isoformat() if began else None,
        "status": rel.status.value,
        "amount": f"{rel.amount:,.0f} {rel.currency or ''}".strip() if rel.amount is not None else None,
        "sources": "; ".join(dict.fromkeys(sources)) or None,
        "quote": quotes[0] if quotes else None,
    }


TIE_COLUMNS = ["since", "status", "amount", "sources", "quote"]


def ties_since(projection: Projection, kind: RelationshipKind, since: date) -> QuestionAnswer:
    """Every tie of ``kind`` that began on or after ``since`` (its date, else its first source's),
    newest first. Undated ties are left out: nothing says when they began."""
    found = [
        rel
        for rel in projection.relationships.values()
        if rel.kind is kind and (began := projection.first_reported(rel)) is not None and began >= since
    ]
    found.sort(key=lambda rel: (projection.first_reported(rel) or since, rel.key), reverse=True)
    rows = [
        {
            "stakeholder": _name(projection, rel.source),
            "with": _name(projection, rel.target),
            **_tie_row(projection, rel),
        }
        for rel in found
    ]
    return QuestionAnswer(
        question=f"All {kind.value} ties since {since.isoformat()}",
        columns=["stakeholder", "with", *TIE_COLUMNS],
        rows=rows,
        entities=sorted({end for rel in found for end in (rel.source, rel.target)}),
        relationships=[rel.key for rel in found],
        note=None if rows else f"no {kind.value} tie began on or after {since.isoformat()} in this view",
    )


def who_funds(projection: Projection, entity_id: str) -> QuestionAnswer:
    """Who funds or invests in ``entity_id``, and in what it funds or invests itself."""
    found = [
        rel
        for rel in projection.relationships.values()
        if rel.kind in MONEY_KINDS and entity_id in (rel.source, rel.target)
    ]
    found.sort(key=lambda rel: (rel.target != entity_id, rel.kind.value, rel.key))
    rows = [
        {
            "direction": "funds it" if rel.target == entity_id else "it funds",
            "stakeholder": _name(projection, rel.source if rel.target == entity_id else rel.target),
            "tie": rel.kind.value,
            **_tie_row(projection, rel),
        }
        for rel in found
    ]
    name = _name(projection, entity_id)
    return QuestionAnswer(
        question=f"Who funds {name}",
        columns=["direction", "stakeholder", "tie", *TIE_COLUMNS],
        rows=rows,
        entities=sorted({entity_id, *(end for rel in found for end in (rel.source, rel.target))}),
        relationships=[rel.key for rel in found],
        note=None if rows else f"no FUNDS or INVESTS_IN tie to or from {name} in this view",
    )


def members_of(projection: Projection, cluster_id: str) -> QuestionAnswer:
    """Who is a member of, part of or located in ``cluster_id`` (a cluster, consortium, place)."""
    found = [
        rel
        for rel in projection.relationships.values()
        if rel.target == cluster_id and rel.kind in CLUSTER_TIES
    ]
    found.sort(key=lambda rel: (_name(projection, rel.source).casefold(), rel.key))
    rows = [
        {
            "member": _name(projection, rel.source),
            "kind": projection.entities[rel.source].kind.value if rel.source in projection.entities else None,
            "tie": rel.kind.value,
            **_tie_row(projection, rel),
        }
        for rel in found
    ]
    name = _name(projection, cluster_id)
    return QuestionAnswer(
        question=f"Members of {name}",
        columns=["member", "kind", "tie", *TIE_COLUMNS],
        rows=rows,
        entities=sorted({cluster_id, *(rel.source for rel in found)}),
        relationships=[rel.key for rel in found],
        note=None if rows else f"no one is recorded as a member of, part of or located in {name}",
    )


def clusters_without(
    projection: Projection, kind: EntityKind, among: Iterable[str] | None = None
) -> QuestionAnswer:
    """Clusters none of whose members is of ``kind`` (say, no university): where research and
    industry may not meet. ``among`` limits the answer to those clusters (a store's answer reads
    only them and their members, some of which may be clusters with members of their own)."""
    members: dict[str, list[str]] = defaultdict(list)
    ties: dict[str, list[str]] = defaultdict(list)
    for rel in projection.relationships.values():
        if (
            rel.kind in CLUSTER_TIES
            and rel.target in projection.entities
            and rel.source in projection.entities
        ):
            members[rel.target].append(rel.source)
            ties[rel.target].append(rel.key)
    considered = (
        projection.entities if among is None else [eid for eid in among if eid in projection.entities]
    )
    clusters = sorted(
        (eid for eid in considered if projection.entities[eid].kind is EntityKind.CLUSTER),
        key=lambda eid: _name(projection, eid).casefold(),
    )
    lacking = [c for c in clusters if not any(projection.entities[m].kind is kind for m in members[c])]
    rows: list[dict[str, Cell]] = [
        {
            "cluster": _name(projection, cluster),
            "members": len(members[cluster]),
            "member kinds": ", ".join(sorted({projection.entities[m].kind.value for m in members[cluster]}))
            or None,
            "members by name": ", ".join(sorted(_name(projection, m) for m in members[cluster])) or None,
        }
        for cluster in lacking
    ]
    return QuestionAnswer(
        question=f"Clusters with no {kind.value}",
        columns=["cluster", "members", "member kinds", "members by name"],
        rows=rows,
        entities=sorted({*lacking, *(m for c in lacking for m in members[c])}),
        relationships=[key for c in lacking for key in sorted(ties[c])],
        note=None if rows else f"every cluster in this view has a {kind.value} among its members",
    )


def connectors(projection: Projection, a: str, b: str) -> QuestionAnswer:
    """Who connects ``a``'s partners to ``b``'s: stakeholders (other than the two) tied both to
    one of ``a``'s partners and to one of ``b``'s, or partners of both. They are the people who
    could introduce the two networks to each other; most connected first."""
    name_a, name_b = _name(projection, a), _name(projection, b)
    partners_a, partners_b = set(projection.neighbours(a)), set(projection.neighbours(b))
    rows_by: dict[str, tuple[set[str], set[str]]] = {}
    for candidate in projection.graph.nodes:
        if candidate in (a, b):
            continue
        around = set(projection.neighbours(candidate))
        side_a = (around & partners_a) | ({candidate} & partners_a)
        side_b = (around & partners_b) | ({candidate} & partners_b)
        if side_a and side_b:
            rows_by[candidate] = (side_a, side_b)
    ranked = sorted(rows_by, key=lambda c: (-(len(rows_by[c][0]) + len(rows_by[c][1])), _name(projection, c)))
    rows: list[dict[str, Cell]] = []
    keys: set[str] = set()
    drawn = {a, b}
    for candidate in ranked:
        side_a, side_b = rows_by[candidate]
        rows.append(
            {
                "connector": _name(projection, candidate),
                "kind": projection.entities[candidate].kind.value,
                f"{_name(projection, a)}'s partners it reaches": ", ".join(
                    sorted(_name(projection, p) for p in side_a)
                ),
                f"{_name(projection, b)}'s partners it reaches": ", ".join(
                    sorted(_name(projection, p) for p in side_b)
                ),
            }
        )
        drawn |= {candidate, *side_a, *side_b}
        for end, partners in ((a, side_a), (b, side_b)):
            for partner in partners:
                keys |= {rel.key for rel in projection.ties(end, partner)}
                if partner != candidate:
                    keys |= {rel.key for rel in projection.ties(partner, candidate)}
    columns = ["connector", "kind", *(list(rows[0])[2:] if rows else [])]
    return QuestionAnswer(
        question=f"Who connects {name_a}'s partners to {name_b}'s",
        columns=columns,
        rows=rows,
        entities=sorted(drawn),
        relationships=sorted(keys),
        note=None if rows else f"no stakeholder is tied to both a partner of {name_a} and one of {name_b}",
    )
