"""Diagrams: real files (Pillow, pypdf, an XML parser read them), the same file for the same view,
and Hangul labels drawn with glyphs, not boxes."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import numpy as np
import pytest
from lxml import etree  # type: ignore[import-untyped]
from PIL import Image
from pypdf import PdfReader

from graph.analysis.projection import build_projection
from graph.export import diagram
from graph.export.base import ExportView
from graph.export.diagram import figure_size, label_text, render, write_diagram
from graph.export.fonts import FONT_FAMILY, font_files_for
from graph.export.options import DrawOptions
from graph.export.view import ViewSpec, export_view
from graph.model import Entity, EntityKind, Relationship, RelationshipKind
from tests.graph.export.conftest import MADE_AT


def test_png_svg_pdf_are_real_files_with_title_legend_and_sources(
    seed_view: ExportView, tmp_path: Path
) -> None:
    options = DrawOptions(names="both", dpi=100)
    for fmt in ("png", "svg", "pdf"):
        write_diagram(seed_view, tmp_path / f"seed.{fmt}", fmt, options)
    with Image.open(tmp_path / "seed.png") as image:
        assert image.format == "PNG"
        width, height = figure_size(19)
        assert image.size == (int(width * 100), int(height * 100))
        pixels = np.asarray(image.convert("RGB"))
    assert (pixels < 250).any(axis=2).mean() > 0.02  # something is drawn
    svg = etree.parse(str(tmp_path / "seed.svg")).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "seed.pdf").pages)
    for expected in (
        "Consortium network: the whole graph",
        "Kinds",
        "Ties",
        "Sources:",
        "Made 2026-11-25",
        "GovernmentBody",
    ):
        assert expected in text


def test_the_same_view_gives_the_same_file(seed_view: ExportView, tmp_path: Path) -> None:
    options = DrawOptions(group="community", dpi=80)
    for fmt in ("png", "svg", "pdf"):
        write_diagram(seed_view, tmp_path / f"a.{fmt}", fmt, options)
        write_diagram(seed_view, tmp_path / f"b.{fmt}", fmt, options)
        assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes(), fmt


def test_hangul_labels_resolve_to_a_font_with_their_glyphs() -> None:
    files = font_files_for("삼성전자 아이온큐")
    hangul = {char: path for char, path in files.items() if char != " "}
    assert all(Path(path).name == "NanumGothic.ttf" for path in hangul.values()), files


def _render_png(view: ExportView, options: DrawOptions) -> tuple[np.ndarray, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with diagram.drawing_style():
            figure = render(view, options)
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", dpi=80)
    image = np.asarray(Image.open(buffer).convert("L"))
    return image, [str(w.message) for w in caught if "missing from font" in str(w.message)]


def test_seed_diagram_draws_hangul_glyphs_not_boxes(
    seed_view: ExportView, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the shipped font no glyph is missing; with DejaVu alone the same labels are boxes
    (matplotlib says so) and the picture differs."""
    options = DrawOptions(names="korean", labels="all")
    assert label_text(seed_view.projection.entities["samsung-electronics"], options) == "삼성전자"
    with_font, missing = _render_png(seed_view, options)
    assert missing == []
    monkeypatch.setitem(diagram._RC, "font.family", ["DejaVu Sans"])
    without_font, missing_without = _render_png(seed_view, options)
    assert any("HANGUL" in message for message in missing_without)
    assert with_font.shape == without_font.shape
    assert (with_font != without_font).mean() > 0.001
    assert FONT_FAMILY[0] == "NanumGothic"


def _synthetic(n: int) -> ExportView:
    kinds = list(EntityKind)
    entities = [
        Entity(id=f"e{i:04d}", kind=kinds[i % len(kinds)], name=f"Stakeholder {i} 기관") for i in range(n)
    ]
    relationships = [
        Relationship(
            kind=list(RelationshipKind)[i % 11], source=f"e{i:04d}", target=f"e{(i * 7 + 3) % n:04d}"
        )
        for i in range(n)
        if (i * 7 + 3) % n != i
    ]
    return export_view(
        build_projection(entities, relationships, []), ViewSpec(), "memory://synthetic", made_at=MADE_AT
    )


def test_300_stakeholders_keep_labels_apart(tmp_path: Path) -> None:
    view = _synthetic(300)
    with diagram.drawing_style():
        figure = render(view, DrawOptions())
        renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
        ax = figure.axes[0]
        boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text().startswith("Stakeholder")]
    assert 20 <= len(boxes) < 300  # many labelled, not all: the rest would collide
    for index, box in enumerate(boxes):
        for other in boxes[index + 1 :]:
            assert not box.overlaps(other)
    write_diagram(view, tmp_path / "big.png", "png", DrawOptions(dpi=60))
    assert Image.open(tmp_path / "big.png").size[0] > 1000
