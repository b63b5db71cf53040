"""Boundary data for the map, shipped with the app (no tile server, no network); see README.md."""
