"""Fonts with Hangul glyphs for diagrams: NanumGothic, shipped by the koreanize-matplotlib
package, registered with matplotlib by file (its import side effects, which change matplotlib's
global settings, are not needed), with DejaVu Sans after it for any symbol Nanum lacks.

>>> FONT_FAMILY[0]
'NanumGothic'
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from matplotlib import font_manager

FONT_FAMILY = ["NanumGothic", "DejaVu Sans"]
_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")


def font_folder() -> Path:
    """Where koreanize-matplotlib keeps its fonts, found without importing it."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or spec.origin is None:
        raise RuntimeError("koreanize-matplotlib is not installed: it provides the Hangul font for diagrams")
    return Path(spec.origin).parent / "fonts"


@cache
def register_fonts() -> list[Path]:
    """Add the Hangul fonts to matplotlib's font list once per process; returns their files."""
    files = [font_folder() / name for name in _FILES]
    for file in files:
        font_manager.fontManager.addfont(str(file))
    return files


def font_files_for(text: str) -> dict[str, str]:
    """The font file matplotlib uses for each distinct character of ``text`` with our family list
    (its fallback takes, per character, the first font of the list that has a glyph for it)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    register_fonts()
    paths = [
        font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        for family in FONT_FAMILY
    ]
    cmaps = []
    for path in paths:
        with TTFont(path, fontNumber=0, lazy=True) as font:
            cmaps.append(set(font.getBestCmap()))
    chosen = {}
    for char in sorted(set(text)):
        chosen[char] = next((path for path, cmap in zip(paths, cmaps, strict=True) if ord(char) in cmap), "")
    return chosen
