"""Views the export tests write: one of hostile text built from plain models (no store needed),
and the seed data read from each store."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from graph.analysis.projection import build_projection
from graph.export.base import ExportView
from graph.export.view import ViewSpec, build_export_view, export_view
from graph.model import (
    Entity,
    EntityKind,
    Evidence,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Source,
)
from graph.store.base import GraphStore
from ingest.loader import ingest_paths

MADE_AT = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
ODD = "quotes \" and ' , backslash \\ and \\n, </script><script>alert(1)</script> ]]> & <b>, tab\tend"
LONG_QUOTE = (
    '과학기술정보통신부는 29일 "양자 전략"을 발표했다.\n'
    + "The ministry said: 'IonQ will invest' \\ more; "
    + "긴 인용문 " * 600
    + "\r\nlast line with emoji 😀 and </script>"
)


def odd_entities() -> list[Entity]:
    return [
        Entity(
            id="samsung-electronics",
            kind=EntityKind.COMPANY,
            name='삼성전자 "Samsung" \\ Electronics',
            aliases=["삼성", "</script><script>alert('x')</script>", "a; b"],
            country="KR",
            sectors=["semiconductors", "quantum_computing"],
            description="line one\nline two\r\nline three " + ODD,
            website="https://www.samsung.com/?a=1&b=2",
            lat=37.26,
            lon=127.03,
            attributes={"note": "=1+1", "targets": ["a;b", "c"], "count": 3, "ratio": 0.5, "flag": True},
        ),
        Entity(id="ionq", kind=EntityKind.COMPANY, name="IonQ", aliases=["아이온큐"], country="US"),
        Entity(id="msit", kind=EntityKind.GOVERNMENT_BODY, name="과학기술정보통신부", aliases=["MSIT"]),
        Entity(id="lonely", kind=EntityKind.PLACE, name="#N/A"),
    ]


def odd_sources() -> list[Source]:
    return [
        Source(
            id="article-1",
            title='한국 "양자" 전략 \\ strategy',
            publisher="Korea & Co",
            published=date(2026, 1, 29),
            url="https://example.org/a?x=1&y=</script>",
        ),
        Source(id="note-2", title="Members' note", kind="manual", visibility="consortium"),
    ]


def odd_relationships() -> list[Relationship]:
    return [
        Relationship(
            kind=RelationshipKind.SIGNED_MOU_WITH,
            source="msit",
            target="ionq",
            since=date(2026, 1, 29),
            amount=15_000_000.0,
            currency="USD",
            note="#N/A",
            evidence=[
                Evidence(source="article-1", quote=LONG_QUOTE, locator="line 28"),
                Evidence(source="note-2", locator='p. 3 \\ "annex"', extracted_by="extractor 1.0"),
            ],
        ),
        Relationship(
            kind=RelationshipKind.INVESTS_IN,
            source="samsung-electronics",
            target="ionq",
            status=RelationshipStatus.PLANNED,
            amount=1.5e20,
            currency="KRW",
            note=ODD,
            evidence=[Evidence(source="article-1", quote="=SUM(A1:A2) " + ODD)],
        ),
        Relationship(
            kind=RelationshipKind.MEMBER_OF,
            source="samsung-electronics",
            target="msit",
            evidence=[Evidence(source="article-1", quote="Samsung joined.")],
        ),
        Relationship(
            kind=RelationshipKind.PARTNERS_WITH,
            source="samsung-electronics",
            target="msit",
            since=date(2025, 5, 1),
            until=date(2026, 5, 1),
            status=RelationshipStatus.ENDED,
            evidence=[],
        ),
    ]


@pytest.fixture
def odd_view() -> ExportView:
    """Korean text, a 3,000-character quote, quotes, backslashes, newlines and ``</script>``."""
    projection = build_projection(odd_entities(), odd_relationships(), odd_sources())
    return export_view(projection, ViewSpec(), "memory://odd", made_at=MADE_AT)


@pytest.fixture
def seed_store(store: GraphStore, seed_dir: Path) -> GraphStore:
    assert ingest_paths(store, [seed_dir]).problems == []
    return store


@pytest.fixture
def seed_view(seed_store: GraphStore) -> ExportView:
    return build_export_view(seed_store, made_at=MADE_AT)
