"""Where each page lives, and how one page sends the user to another with its state.

Page paths are relative to ``ui/app.py``, as ``st.switch_page`` and ``st.page_link`` want them.
"""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

OVERVIEW = "views/overview.py"
NETWORK = "views/network.py"
PATHS = "views/paths.py"
GAPS = "views/gaps.py"
ASK = "views/ask.py"
PROFILE = "views/profile.py"
MAP = "views/map_timeline.py"


def go(page: str, **params: str | None) -> NoReturn:
    """Open ``page`` with ``params`` as its URL state (empty ones left out)."""
    st.switch_page(page, query_params={name: value for name, value in params.items() if value})


def link(page: str, label: str, icon: str | None = None, **params: str | None) -> None:
    """A link to ``page`` carrying ``params``: a real link, so it can be opened in a new tab."""
    st.page_link(
        page,
        label=label,
        icon=icon,
        query_params={name: value for name, value in params.items() if value},
    )
