"""Download buttons for exactly what a page shows: a diagram and the data behind it.

The files are written by the export package (``graph.export``: GraphML, GEXF, JSON, XLSX, CSV,
Cypher, and diagrams when their writer is there), from a projection of the drawn stakeholders
and ties, so a download never holds more or less than the screen. Files are made only when a
button is clicked (Streamlit's deferred download data), so an unused button costs nothing.
Without the export package the page still offers the view as JSON.
"""

from __future__ import annotations

import importlib.util
import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from graph.analysis.projection import Projection

# (format, button label, file suffix, MIME type); the folder formats are zipped
_OFFERED = (
    ("png", "PNG diagram", ".png", "image/png"),
    ("svg", "SVG diagram", ".svg", "image/svg+xml"),
    ("pdf", "PDF diagram", ".pdf", "application/pdf"),
    ("graphml", "GraphML", ".graphml", "application/xml"),
    ("gexf", "GEXF (Gephi)", ".gexf", "application/xml"),
    ("json", "JSON", ".json", "application/json"),
    ("xlsx", "Excel", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("csv", "CSV tables (zip)", ".zip", "application/zip"),
    ("cypher", "Cypher script", ".cypher", "text/plain"),
    ("html", "Offline HTML", ".html", "text/html"),
)


def available_formats() -> list[str]:
    """The formats the export package can write here: those whose writer module is installed."""
    try:
        from graph.export.formats import FORMATS
    except ImportError:
        return []
    names = []
    for name, fmt in FORMATS.items():
        writer = fmt.writer
        if isinstance(writer, str):  # "module:function", imported when the format is written
            if importlib.util.find_spec(f"graph.export.{writer.split(':')[0]}") is not None:
                names.append(name)
        elif writer is not None:
            names.append(name)
    return names


def export_bytes(projection: Projection, name: str, store_uri: str) -> bytes:
    """The file of format ``name`` for ``projection``; a folder format comes back as a zip."""
    from graph.export.formats import FORMATS, write_export
    from graph.export.view import ViewSpec, export_view

    view = export_view(projection, ViewSpec(filter=projection.filter), store_uri)
    with tempfile.TemporaryDirectory(prefix="ckg-export-") as folder:
        target = Path(folder) / f"view{FORMATS[name].suffixes[0] if FORMATS[name].suffixes else ''}"
        write_export(view, name, target)
        if not FORMATS[name].folder:
            return target.read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(target.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(target).as_posix())
        return buffer.getvalue()


def plain_json(projection: Projection) -> bytes:
    """The view as JSON from the models alone: what the page offers without the export package."""
    document = {
        "entities": [entity.model_dump(mode="json") for entity in projection.entities.values()],
        "relationships": [rel.model_dump(mode="json") for rel in projection.relationships.values()],
        "sources": [
            projection.sources[source].model_dump(mode="json")
            for source in sorted(
                {ev.source for rel in projection.relationships.values() for ev in rel.evidence}
            )
            if source in projection.sources
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def download_buttons(projection: Projection, *, key: str, stem: str, store_uri: str) -> None:
    """A row of download buttons for ``projection`` (already cut to what is shown)."""
    formats = available_formats()
    offered = [item for item in _OFFERED if item[0] in formats]
    if not offered:
        st.download_button(
            "JSON",
            data=partial(plain_json, projection),
            file_name=f"{stem}.json",
            mime="application/json",
            key=f"{key}_json",
            on_click="ignore",
            icon=":material/download:",
        )
        return
    columns = st.columns(min(len(offered), 6))
    for number, (name, label, suffix, mime) in enumerate(offered):
        maker: Callable[[], bytes] = partial(export_bytes, projection, name, store_uri)
        columns[number % len(columns)].download_button(
            label,
            data=maker,
            file_name=f"{stem}{suffix}",
            mime=mime,
            key=f"{key}_{name}",
            on_click="ignore",
            icon=":material/download:",
        )


def csv_download(label: str, table: pd.DataFrame, file_name: str) -> None:
    """A button that downloads ``table`` as a CSV file, as the page shows it (no index)."""
    st.download_button(
        label,
        table.to_csv(index=False),
        file_name=file_name,
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
