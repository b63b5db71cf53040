"""Hypothesis strategies for hostile text: what a name, an alias, a quote or a search term may
hold when it comes from a spreadsheet, a scraped page or a user who means harm. Shared by the
fuzz tests of ingest, search, paths, exports and the command line."""

from __future__ import annotations

from typing import Literal

from hypothesis import strategies as st

from graph.model import normalise_name

FRAGMENTS = (
    "'",
    '"',
    "\\",
    "\\'",
    "`",
    "'}) MATCH (n) DETACH DELETE n //",
    '"}) CREATE (:Intruder) //',
    "Robert'); DROP TABLE entities; --",
    "1 OR 1=1; DELETE FROM relationships",
    "$id",
    "{id}",
    "<script>alert(1)</script>",
    "</script><script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<!-- -->",
    "]]>",
    "&amp;&lt;",
    "javascript:alert(1)",
    "${7*7} {{7*7}} %s %n",
    "[bold red]markup[/] [/]",
    ":thumbs_up:",
    "=SUM(A1:A2)",
    "\x00",
    "\x07",
    "\x1b[2J\x1b]0;title\x07",
    "\x1f",
    "\x7f",
    "\r\n",
    "\r",
    "\n",
    "\t",
    "\u2028\u2029",
    "\u202e",
    "\ufeff",
    "\ufffe",
    "한국어 이름",
    "😀",
)
"""Pieces of query, page, markup and terminal text, and the characters that break naive escaping."""

_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
_ANY_CHARACTER = st.characters(exclude_categories=_SURROGATES)  # every code point but lone surrogates

hostile_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(_ANY_CHARACTER, max_size=12)), min_size=1, max_size=8
).map("".join)
"""Short text mixing the fragments with arbitrary characters."""

long_text = st.builds(lambda piece, times: (piece * times)[:60_000], hostile_text, st.integers(200, 4_000))
"""Very long text (up to 60,000 characters), e.g. a whole page pasted into a quote."""

any_text = st.one_of(hostile_text, hostile_text, hostile_text, long_text)


def non_blank(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Text that stays non-empty when the model strips its surrounding white space (a name must
    say something), and that still says something in the form names are searched in."""
    return strategy.filter(lambda text: bool(text.strip() and normalise_name(text)))
