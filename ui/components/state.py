"""A page's state in the URL's query parameters, so that a copied link reproduces the view.

A widget keeps its value in ``st.session_state[key]``; on a page's first run that value is taken
from the URL (``?kinds=Company,University&as_of=2026-01-01``), and after the widgets have run the
page writes the current values back with :func:`write_url`. Lists are written comma-separated,
dates as ISO strings, and a value equal to its default is left out so links stay short.

>>> encode(["Company", "University"])
'Company,University'
>>> decode_list("Company,University")
['Company', 'University']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TypeVar

import streamlit as st

T = TypeVar("T")
UrlValue = str | int | float | bool | date | Iterable[str] | None


def encode(value: UrlValue) -> str | None:
    """The text of ``value`` in a URL, or None when it is empty."""
    if value is None or value == "" or value is False:
        return None
    if isinstance(value, bool):
        return "1"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value)
    items = [str(item) for item in value]
    return ",".join(items) if items else None


def decode_list(text: str) -> list[str]:
    return [part for part in (piece.strip() for piece in text.split(",")) if part]


def seed(key: str, param: str, parse: Callable[[str], T], default: T) -> None:
    """Give the widget ``key`` its value from the URL's ``param`` the first time the page runs.

    A value that does not parse (a hand-edited link) falls back to ``default`` rather than
    breaking the page.
    """
    if key in st.session_state:
        return
    raw = st.query_params.get(param)
    value = default
    if raw:
        try:
            value = parse(raw)
        except (ValueError, KeyError):
            value = default
    st.session_state[key] = value


def write_url(values: Mapping[str, UrlValue]) -> None:
    """Write ``values`` to the URL's query parameters; empty ones are removed."""
    for param, value in values.items():
        text = encode(value)
        if text is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != text:
            st.query_params[param] = text
