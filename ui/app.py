"""The Streamlit app: `ckg ui` runs this file. It only wires pages together; each page is a
module under ui/views/ that reads the store through ui.session, and the sidebar is shared."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.components.sidebar import render_sidebar

# The pages. Not `pages/`: Streamlit treats a folder of that name beside the main script as a
# legacy multipage app, and its reruns then skip this file (and the sidebar) altogether.
VIEWS = Path(__file__).parent / "views"

# A local icon: with none, the favicon follows each page's Material icon, which the browser
# fetches from a font server, and the app must make no request outside itself.
st.set_page_config(
    page_title="consortium-kg", page_icon=str(Path(__file__).with_name("icon.png")), layout="wide"
)
navigation = st.navigation(
    [
        st.Page(VIEWS / "overview.py", title="Overview", icon=":material/dashboard:", default=True),
        st.Page(VIEWS / "network.py", title="Network", icon=":material/hub:"),
        st.Page(VIEWS / "paths.py", title="Paths", icon=":material/route:"),
        st.Page(VIEWS / "gaps.py", title="Gaps and suggestions", icon=":material/troubleshoot:"),
        st.Page(VIEWS / "ask.py", title="Ask", icon=":material/help:"),
        st.Page(VIEWS / "profile.py", title="Stakeholder profile", icon=":material/badge:"),
        st.Page(VIEWS / "map_timeline.py", title="Map and timeline", icon=":material/map:"),
    ]
)
render_sidebar()
navigation.run()
