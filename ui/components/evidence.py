"""How the app shows why a tie is believed: the quoted sentence and the source it comes from.

Every page that shows a relationship (a path's hop, a profile's tie, a question's row) renders
its evidence here, so a reader always sees the same thing: the quote, then the source's title
(linked when it has an address), its date and where in it the quote is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import streamlit as st

from graph.analysis.paths import evidence_of
from graph.analysis.projection import Projection
from graph.analysis.results import EvidenceRef
from graph.model import Relationship

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def escape(text: str) -> str:
    """``text`` with Markdown's special characters escaped, so data never turns into markup.

    >>> escape("R&D [draft] *2026*")
    'R&D \\\\[draft\\\\] \\\\*2026\\\\*'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def citation(ref: EvidenceRef) -> str:
    """The source of one piece of evidence as a Markdown line: title (linked), date, locator."""
    title = escape(ref.title or ref.source)
    named = f"[{title}]({ref.url})" if ref.url else title
    details = [str(ref.published) if ref.published else "", escape(ref.locator or "")]
    extra = ", ".join(part for part in details if part)
    return f"{named}{f' ({extra})' if extra else ''}"


def show_evidence(refs: list[EvidenceRef]) -> None:
    """Each quote as a block quote followed by its citation; a tie without evidence says so."""
    if not refs:
        st.caption(":orange[No evidence recorded for this tie.]")
        return
    for ref in refs:
        quote = f"> {escape(ref.quote)}\n>\n" if ref.quote else ""
        st.markdown(f"{quote}> — {citation(ref)}")


def show_relationship_evidence(projection: Projection, relationship: Relationship) -> None:
    show_evidence(evidence_of(projection, relationship))


def tie_title(projection: Projection, relationship: Relationship) -> str:
    """One line for a tie: who, what, whom, and when."""
    ends = (relationship.source, relationship.target)
    return tie_line(
        {eid: projection.entities[eid].name for eid in ends if eid in projection.entities}, relationship
    )


def tie_line(name: Mapping[str, str], relationship: Relationship) -> str:
    """:func:`tie_title` with the ends' names given (a page that has no projection)."""
    when = []
    if relationship.since:
        when.append(f"since {relationship.since}")
    if relationship.until:
        when.append(f"until {relationship.until}")
    when.append(relationship.status.value)
    money = (
        f" {relationship.amount:,.0f} {relationship.currency or ''}".rstrip()
        if relationship.amount is not None
        else ""
    )
    return (
        f"{name.get(relationship.source, relationship.source)} · {relationship.kind.value}{money} · "
        f"{name.get(relationship.target, relationship.target)} ({', '.join(when)})"
    )
