"""Money and dates as news writes them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.extract.amounts import find_dates, find_money, parse_date_text
from ingest.extract.nlp import pipeline

THURSDAY = date(2026, 1, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("invest 15 million US dollars over three years", [(15e6, "USD")]),
        ("approximately 8.12 trillion won for R&D", [(8.12e12, "KRW")]),
        ("US$15m", [(15e6, "USD")]),
        ("$2.5bn and ₩300 billion", [(2.5e9, "USD"), (3e11, "KRW")]),
        ("KRW 6.44 trillion", [(6.44e12, "KRW")]),
        ("€12 million or 12 million euros", [(12e6, "EUR"), (12e6, "EUR")]),
        ("1.5 billion won ($1.1 million)", [(1.5e9, "KRW"), (1.1e6, "USD")]),
        ("20 million Canadian dollars", [(20e6, "CAD")]),
        ("10,000 specialists and 2,000 businesses", []),
        ("KT won the contract", []),
    ],
)
def test_money(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(m.amount, m.currency) for m in find_money(pipeline()(text))] == expected


@given(
    whole=st.integers(min_value=1, max_value=999),
    cents=st.integers(min_value=0, max_value=99),
    scale=st.sampled_from([("million", 10**6), ("billion", 10**9), ("trillion", 10**12)]),
    currency=st.sampled_from([("won", "KRW"), ("US dollars", "USD"), ("euros", "EUR")]),
)
def test_any_amount_written_out_reads_back_exactly(
    whole: int, cents: int, scale: tuple[str, int], currency: tuple[str, str]
) -> None:
    text = f"It will invest {whole}.{cents:02d} {scale[0]} {currency[0]} in the cluster."
    [money] = find_money(pipeline()(text))
    assert (money.amount, money.currency) == ((whole * 100 + cents) * scale[1] // 100, currency[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("announced Thursday", date(2026, 1, 29)),
        ("on Tuesday", date(2026, 1, 27)),
        ("January 29, 2026 2:27 PM CST", date(2026, 1, 29)),
        ("29 Jan 2026", date(2026, 1, 29)),
        ("on March 4", date(2025, 3, 4)),  # a month after the article's is last year's
        ("2026-04-15T09:00:00+09:00", date(2026, 4, 15)),
    ],
)
def test_dates_against_the_article_date(text: str, expected: date) -> None:
    assert parse_date_text(text, THURSDAY) == expected


def test_a_month_alone_is_not_a_day() -> None:
    [mention] = find_dates(pipeline()("in March 2025"), THURSDAY)
    assert (mention.value, mention.precision) == (date(2025, 3, 1), "month")
    assert parse_date_text("in March 2025") is None
