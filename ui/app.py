"""The Streamlit app: `ckg ui` runs this file. It only wires pages together; each page is a
module under ui/pages/ that reads the store through ui.session."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title="consortium-kg", page_icon=":material/hub:", layout="wide")
navigation = st.navigation(
    [st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", default=True)]
)
navigation.run()
