"""Exports: a view of the graph written as a file that another tool reads.

One module per format family; each takes an :class:`graph.export.base.ExportView` (the
projection of the chosen view and the provenance of the export) and writes a file or a folder.
The CLI and the app call :func:`graph.export.formats.write_export`, which picks the module.
"""
