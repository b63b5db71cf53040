"""How a picture of the view is drawn: the options the diagram and HTML writers share, and the
CLI and the app fill in.

>>> DrawOptions(size_by="betweenness", group="community").seed
42
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SizeBy = Literal["degree", "betweenness", "pagerank", "closeness", "none"]
GroupBy = Literal["none", "community", "cluster"]
LabelMode = Literal["auto", "all", "none"]
NameMode = Literal["name", "korean", "both"]
Layout = Literal["spring", "kamada-kawai", "graphviz"]


class DrawOptions(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str | None = Field(default=None, description="The diagram's title; default: the view in words.")
    dpi: int = Field(default=200, ge=50, le=1200, description="Dots per inch of a PNG.")
    size_by: SizeBy = Field(default="degree", description="The metric a node's size shows.")
    group: GroupBy = Field(
        default="none", description="Place communities (Louvain) or clusters (and their members) together."
    )
    labels: LabelMode = Field(
        default="auto", description="auto: as many as fit without overlapping, largest first."
    )
    names: NameMode = Field(
        default="name", description="Label with the name, the Korean alias (when there is one), or both."
    )
    layout: Layout = Field(default="spring", description="graphviz needs Graphviz's sfdp on the PATH.")
    seed: int = Field(
        default=42, description="The layout's seed: the same view and seed give the same picture."
    )
