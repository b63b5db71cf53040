"""Stakeholder pickers for a large graph: a box to type a name, alias or Korean name in, and a
short select box of what the store finds for it, instead of a select box listing every
stakeholder (100,000 options, sorted and sent to the browser for each box).

The chosen id lives in ``st.session_state[key]`` as a plain select box's would, so a page seeds
it from the URL and writes it back the same way; the typed text is ``key + "_search"``.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.session import entity_labels, search_entities

MATCHES = 12
"""Matches offered for what was typed."""
SEARCH_HELP = "Type part of a name, an alias or a Korean name, then choose from the matches."


def known_id(entity_id: str) -> str | None:
    """``entity_id`` when the store holds it, else None: for seeding a picker from the URL."""
    return entity_id if entity_id in entity_labels([entity_id]) else None


def _options(current: list[str], text: str) -> tuple[list[str], dict[str, str]]:
    """The ids to offer (those chosen already first, then the matches) and their labels."""
    matches = search_entities(text, MATCHES) if text.strip() else []
    labels = entity_labels(current)
    labels.update((m.id, f"{m.names[0]} · {m.kind.value}") for m in matches if m.id not in labels)
    return list(dict.fromkeys([*current, *(m.id for m in matches)])), labels


def _no_match(container: Any, text: str, found: int) -> None:
    if text.strip() and not found:
        container.caption(f"No stakeholder is called “{text.strip()}”.")


def pick_one(
    label: str, key: str, *, container: Any = st, placeholder: str = "a stakeholder", help: str | None = None
) -> str | None:
    """One stakeholder, or None: a search box and a select box of its matches."""
    current = st.session_state.get(key)
    text = container.text_input(
        label, key=f"{key}_search", placeholder="search: name, alias or Korean name", help=help or SEARCH_HELP
    )
    options, labels = _options([current] if current else [], text)
    _no_match(container, text, len(options) - (1 if current else 0))
    chosen: str | None = container.selectbox(
        f"{label} (matches)",
        options,
        key=key,
        index=None,
        placeholder=placeholder if options else "type above to search",
        format_func=lambda eid: labels.get(eid, eid),
        label_visibility="collapsed",
    )
    return chosen


def pick_many(label: str, key: str, *, container: Any = st, placeholder: str = "nobody") -> list[str]:
    """Several stakeholders: a search box, and a multiselect holding those chosen and the matches."""
    current: list[str] = list(st.session_state.get(key) or [])
    text = container.text_input(
        f"{label}: search",
        key=f"{key}_search",
        placeholder="search: name, alias or Korean name",
        help=SEARCH_HELP,
    )
    options, labels = _options(current, text)
    _no_match(container, text, len(options) - len(current))
    chosen: list[str] = container.multiselect(
        label, options, key=key, placeholder=placeholder, format_func=lambda eid: labels.get(eid, eid)
    )
    return chosen
