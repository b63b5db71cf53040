"""Which formats there are, what each writes, and one entry point that writes any of them.

>>> write_export(view, "gexf", Path("korea.gexf"))  # doctest: +SKIP
>>> format_for_path(Path("korea.graphml"))
'graphml'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import BadInputError, Problem
from graph.export.base import ExportView, ProgressFn, no_progress
from graph.export.options import DrawOptions


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffixes: tuple[str, ...]
    folder: bool
    summary: str
    writer: str
    """``module:function`` of the writer, imported when used: the command line starts faster when
    it does not load matplotlib, lxml and openpyxl for a format it does not write."""

    def load(self) -> Callable[..., None]:
        module, function = self.writer.split(":")
        loaded: Callable[..., None] = getattr(importlib.import_module(f"graph.export.{module}"), function)
        return loaded


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat(
            "graphml",
            (".graphml",),
            False,
            "GraphML for yEd, Gephi, Cytoscape, networkx",
            "graphml:write_graphml",
        ),
        ExportFormat("gexf", (".gexf",), False, "GEXF 1.2 for Gephi, coloured by kind", "gexf:write_gexf"),
        ExportFormat(
            "json",
            (".json",),
            False,
            "node-link JSON (D3, networkx) with nested evidence",
            "jsonfmt:write_json",
        ),
        ExportFormat(
            "csv", (), True, "a folder: nodes.csv, edges.csv, evidence.csv, sources.csv", "tabular:write_csv"
        ),
        ExportFormat(
            "xlsx",
            (".xlsx",),
            False,
            "one workbook: entities, relationships, evidence, sources",
            "tabular:write_xlsx",
        ),
        ExportFormat(
            "cypher",
            (".cypher", ".cql"),
            False,
            "a Cypher script that recreates the view",
            "cypher_script:write_cypher",
        ),
        ExportFormat(
            "neo4j-admin",
            (),
            True,
            "a folder of CSV files for neo4j-admin database import",
            "neo4j_admin:write_neo4j_admin",
        ),
        ExportFormat("png", (".png",), False, "a network diagram (raster, --dpi)", "diagram:write_diagram"),
        ExportFormat("svg", (".svg",), False, "a network diagram (vector)", "diagram:write_diagram"),
        ExportFormat(
            "pdf", (".pdf",), False, "a network diagram (vector, for print)", "diagram:write_diagram"
        ),
        ExportFormat(
            "html",
            (".html", ".htm"),
            False,
            "an interactive network in one offline HTML file",
            "html:write_html",
        ),
    )
}
DIAGRAM_FORMATS = ("png", "svg", "pdf")


def format_for_path(path: Path) -> str | None:
    """The format a file name implies by its suffix, if any."""
    suffix = path.suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt.name
    return None


def check_target(fmt: ExportFormat, target: Path) -> None:
    """Refuse a target the format cannot be written to, before any work is done."""
    if fmt.folder and target.exists() and not target.is_dir():
        raise BadInputError([Problem(str(target), "", f"{fmt.name} writes a folder, and this is a file")])
    if not fmt.folder and target.is_dir():
        raise BadInputError([Problem(str(target), "", f"{fmt.name} writes a file, and this is a folder")])
    if not target.parent.exists():
        raise BadInputError([Problem(str(target), "", f"the folder {target.parent} does not exist")])


def write_export(
    view: ExportView,
    name: str,
    target: Path,
    *,
    progress: ProgressFn = no_progress,
    draw: DrawOptions | None = None,
) -> None:
    """Write ``view`` as format ``name`` to ``target`` (a file, or a folder for csv and neo4j-admin).

    ``draw`` says how png, svg, pdf and html draw the view (defaults when None).
    Raises BadInputError for an unknown format or a target of the wrong type.
    """
    fmt = FORMATS.get(name)
    if fmt is None:
        known = ", ".join(FORMATS)
        raise BadInputError([Problem("--format", "", f"{name!r} is not an export format ({known})")])
    check_target(fmt, target)
    writer = fmt.load()
    if fmt.name in DIAGRAM_FORMATS:
        writer(view, target, fmt.name, draw or DrawOptions(), progress)
    elif fmt.name == "html":
        writer(view, target, draw or DrawOptions(), progress)
    else:
        writer(view, target, progress)
