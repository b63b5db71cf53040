"""Analysis: pure functions over a :class:`graph.analysis.projection.Projection`, returning the
pydantic models of :mod:`graph.analysis.results`. The CLI and the app call the same functions."""
