"""Money and dates as news writes them, found with spaCy's rule matcher and turned into values.

Money: ``$15 million``, ``US$15m``, ``15 million US dollars``, ``8.12 trillion won``,
``₩2bn``, ``KRW 8.12 trillion``, ``€12 million``, ``100 million euros``. Dates: ``January 29,
2026``, ``29 Jan 2026``, ``2026-01-29``, and weekdays (``on Tuesday``), which mean the last such
day on or before the article's date.

>>> from ingest.extract.nlp import pipeline
>>> [(m.amount, m.currency) for m in find_money(pipeline()("It will invest 8.12 trillion won."))]
[(8120000000000.0, 'KRW')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ingest.extract.nlp import pipeline

_NUMBER = r"^\d[\d,]*(\.\d+)?(bn|mn|m|tn|k)?$"
_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₩": "KRW",
    "c$": "CAD",
    "a$": "AUD",
}
_SYMBOLS |= {"s$": "SGD", "hk$": "HKD", "krw": "KRW", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY"}
_SYMBOLS |= {"cny": "CNY", "cad": "CAD", "aud": "AUD", "chf": "CHF", "sgd": "SGD"}
_WORDS = {"won": "KRW", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP"}
_WORDS |= {"yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "francs": "CHF"}
_QUALIFIED = {
    ("canadian", "dollars"): "CAD",
    ("australian", "dollars"): "AUD",
    ("singapore", "dollars"): "SGD",
}
_QUALIFIERS = ["us", "u.s.", "korean", "canadian", "australian", "singapore", "swiss", "american"]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "jan."),
            ("february", "feb", "feb."),
            ("march", "mar", "mar."),
            ("april", "apr", "apr."),
            ("may",),
            ("june", "jun", "jun."),
            ("july", "jul", "jul."),
            ("august", "aug", "aug."),
            ("september", "sep", "sep.", "sept", "sept."),
            ("october", "oct", "oct."),
            ("november", "nov", "nov."),
            ("december", "dec", "dec."),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number for number, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday"))
}
WEEKDAYS |= {"saturday": 5, "sunday": 6}


@dataclass(frozen=True)
class Money:
    start: int  # token offsets in the doc
    end: int
    amount: float
    currency: str


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: date
    precision: str  # "day" (a full date or a weekday) or "month"


@lru_cache(maxsize=1)
def _money_matcher() -> Matcher:
    matcher = Matcher(pipeline().vocab)
    number = {"TEXT": {"REGEX": _NUMBER}}
    scale = {"LOWER": {"IN": list(_SCALES)}, "OP": "?"}
    symbol = {"LOWER": {"IN": list(_SYMBOLS)}}
    word = {"LOWER": {"IN": list(_WORDS)}}
    qualifier = {"LOWER": {"IN": _QUALIFIERS}, "OP": "?"}
    matcher.add("SYMBOL_FIRST", [[symbol, number, scale]])
    matcher.add("WORD_AFTER", [[number, scale, qualifier, word]])
    return matcher


@lru_cache(maxsize=1)
def _date_matcher() -> Matcher:
    matcher = Matcher(pipeline().vocab)
    month = {"LOWER": {"IN": list(MONTHS)}}
    day = {"TEXT": {"REGEX": r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
    year = {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}
    comma = {"ORTH": ",", "OP": "?"}
    matcher.add("MONTH_DAY", [[month, day, comma, year], [month, day]])
    matcher.add("DAY_MONTH", [[day, month, year], [day, month]])
    matcher.add("MONTH_YEAR", [[month, year]])
    matcher.add("ISO", [[{"TEXT": {"REGEX": r"^(19|20)\d\d-\d\d-\d\d(T.*)?$"}}]])
    matcher.add("WEEKDAY", [[{"LOWER": {"IN": list(WEEKDAYS)}}]])
    return matcher


def find_money(span: Doc | Span) -> list[Money]:
    """Every amount of money in ``span``, longest matches, in order; offsets are the doc's."""
    doc = span if isinstance(span, Doc) else span.doc
    offset = 0 if isinstance(span, Doc) else span.start
    found: list[Money] = []
    matches = sorted(_money_matcher()(span), key=lambda m: (m[1], -m[2]))
    taken = -1
    for _, start, end in matches:
        if start < taken:
            continue
        tokens = [t.text for t in doc[offset + start : offset + end]]
        parsed = _parse_money(tokens)
        if parsed is not None:
            found.append(Money(offset + start, offset + end, *parsed))
            taken = end
    return found


def _parse_money(tokens: list[str]) -> tuple[float, str] | None:
    lowered = [t.lower() for t in tokens]
    currency = _SYMBOLS.get(lowered[0]) or _WORDS.get(lowered[-1])
    if len(lowered) >= 2 and (lowered[-2], lowered[-1]) in _QUALIFIED:
        currency = _QUALIFIED[(lowered[-2], lowered[-1])]
    number_index = 1 if lowered[0] in _SYMBOLS else 0
    value = _number(lowered[number_index])
    if currency is None or value is None:
        return None
    scale_word = lowered[number_index + 1] if number_index + 1 < len(lowered) else ""
    return float(value * Decimal(_SCALES.get(scale_word, 1))), currency


def _number(text: str) -> Decimal | None:
    # Decimal, so that 8.12 trillion is 8120000000000 and not 8119999999999.999
    match = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(bn|mn|m|tn|k)?", text)
    if match is None:
        return None
    value = Decimal(match.group(1).replace(",", ""))
    return value * Decimal(_SCALES[match.group(2)]) if match.group(2) else value


def find_dates(span: Doc | Span, reference: date | None) -> list[DateMention]:
    """Dates in ``span``. A date without a year takes the reference's (the year before, if that
    would put it after the reference); a weekday is the last such day on or before it."""
    doc = span if isinstance(span, Doc) else span.doc
    offset = 0 if isinstance(span, Doc) else span.start
    found: list[DateMention] = []
    taken = -1
    for match_id, start, end in sorted(_date_matcher()(span), key=lambda m: (m[1], -m[2])):
        if start < taken:
            continue
        label = doc.vocab.strings[match_id]
        parsed = _parse_date(label, [t.text for t in doc[offset + start : offset + end]], reference)
        if parsed is not None:
            found.append(DateMention(offset + start, offset + end, *parsed))
            taken = end
    return found


def _parse_date(label: str, tokens: list[str], reference: date | None) -> tuple[date, str] | None:
    lowered = [t.lower().rstrip(",") for t in tokens if t != ","]
    try:
        if label == "ISO":
            return date.fromisoformat(lowered[0][:10]), "day"
        if label == "WEEKDAY":
            if reference is None:
                return None
            back = (reference.weekday() - WEEKDAYS[lowered[0]]) % 7
            return reference - timedelta(days=back), "day"
        if label == "MONTH_YEAR":
            return date(int(lowered[1]), MONTHS[lowered[0]], 1), "month"
        month_word, day_word = (lowered[0], lowered[1]) if label == "MONTH_DAY" else (lowered[1], lowered[0])
        day = int(re.sub(r"\D", "", day_word))
        month = MONTHS[month_word]
        if len(lowered) == 3:
            return date(int(lowered[2]), month, day), "day"
        if reference is None:
            return None
        guess = date(reference.year, month, day)
        return (guess if guess <= reference else date(reference.year - 1, month, day)), "day"
    except ValueError:
        return None


def parse_date_text(text: str, reference: date | None = None) -> date | None:
    """The first full date in a piece of text (a byline, a page's metadata), or None.

    >>> parse_date_text("Rekha Prajapati | January 29, 2026 2:27 PM CST")
    datetime.date(2026, 1, 29)
    """
    iso = re.search(r"\b((?:19|20)\d\d-\d\d-\d\d)", text)
    if iso:
        try:
            return date.fromisoformat(iso.group(1))
        except ValueError:
            pass
    for mention in find_dates(pipeline().make_doc(text), reference):
        if mention.precision == "day":
            return mention.value
    return None
