"""Widgets the app's pages share: the sidebar, URL-bound state, the network drawing, evidence
and download buttons. Each module does one job; pages compose them."""
