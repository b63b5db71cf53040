"""Where an export came from: the store, the view (filters, neighbourhood, path), the time it was
made, and the sources its relationships cite.

Every format records it (GraphML/GEXF graph data and meta, a JSON key, an ``about`` sheet, a
comment block, a diagram's footer), so a file found months later still says what it shows and
on whose word.
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import metadata

from pydantic import BaseModel, Field

from graph.analysis.projection import GraphFilter, Projection
from graph.model import Source


class SourceRef(BaseModel):
    """A source cited by at least one relationship of the view."""

    id: str
    title: str
    kind: str
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    visibility: str
    relationships: int = Field(description="How many relationships of the view cite it.")


class Provenance(BaseModel):
    """What an export records about itself. The shape is part of the JSON export: add, never rename."""

    tool: str
    made_at: datetime
    store: str
    view: dict[str, object] = Field(description="The view options that differ from the whole graph.")
    description: str = Field(description="The view in words, e.g. 'within 2 ties of IonQ; as of 2026-01-01'.")
    entities: int
    relationships: int
    sources: list[SourceRef]

    def sources_line(self, limit: int = 3) -> str:
        """The sources as a diagram's footer names them: the most cited first, then a count.

        >>> p = Provenance(tool="t", made_at=datetime(2026, 1, 1), store="s", view={}, description="d",
        ...                entities=0, relationships=0, sources=[])
        >>> p.sources_line()
        'Sources: none cited'
        """
        if not self.sources:
            return "Sources: none cited"
        ranked = sorted(self.sources, key=lambda s: (-s.relationships, s.title))
        named = []
        for source in ranked[:limit]:
            detail = ", ".join(
                part
                for part in (source.publisher, source.published.isoformat() if source.published else "")
                if part
            )
            named.append(f"{source.title} ({detail})" if detail else source.title)
        more = len(ranked) - limit
        tail = f"; and {more} more" if more > 0 else ""
        return "Sources: " + "; ".join(named) + tail


def tool_version() -> str:
    try:
        return f"consortium-kg {metadata.version('consortium-kg')}"
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        return "consortium-kg"


def filter_options(view: GraphFilter) -> dict[str, object]:
    """The filter's non-default fields as plain JSON values, sorted for stable output."""
    options: dict[str, object] = {}
    if view.entity_kinds is not None:
        options["entity_kinds"] = sorted(kind.value for kind in view.entity_kinds)
    if view.relationship_kinds is not None:
        options["relationship_kinds"] = sorted(kind.value for kind in view.relationship_kinds)
    if view.statuses is not None:
        options["statuses"] = sorted(status.value for status in view.statuses)
    if not view.include_ended:
        options["include_ended"] = False
    if view.as_of is not None:
        options["as_of"] = view.as_of.isoformat()
    if view.sectors is not None:
        options["sectors"] = sorted(view.sectors)
    if view.cluster is not None:
        options["cluster"] = view.cluster
    if view.exclude:
        options["exclude"] = sorted(view.exclude)
    return options


def describe(options: dict[str, object], names: dict[str, str]) -> str:
    """The view in words, for titles and footers; ``names`` turns ids into names.

    >>> describe({"around": "ionq", "depth": 2, "as_of": "2026-01-01"}, {"ionq": "IonQ"})
    'within 2 ties of IonQ; as of 2026-01-01'
    """

    def name(entity_id: object) -> str:
        return names.get(str(entity_id), str(entity_id))

    def listed(key: str) -> str:
        value = options[key]
        return ", ".join(str(item) for item in value) if isinstance(value, list) else str(value)

    parts: list[str] = []
    if "path" in options:
        ends = options["path"]
        assert isinstance(ends, list)
        count = options.get("paths", 1)
        parts.append(
            f"{'best path' if count == 1 else f'{count} best paths'} from {name(ends[0])} to {name(ends[1])}"
        )
    if "around" in options:
        depth = options.get("depth", 1)
        parts.append(f"within {depth} tie{'s' if depth != 1 else ''} of {name(options['around'])}")
    labels = {
        "entity_kinds": "kinds",
        "relationship_kinds": "ties",
        "statuses": "status",
        "sectors": "sectors",
    }
    for key, label in labels.items():
        if key in options:
            parts.append(f"{label}: {listed(key)}")
    if "cluster" in options:
        parts.append(f"cluster {name(options['cluster'])}")
    if options.get("include_ended") is False:
        parts.append("without ended ties")
    if "as_of" in options:
        parts.append(f"as of {options['as_of']}")
    if "exclude" in options:
        excluded = options["exclude"]
        assert isinstance(excluded, list)
        parts.append("without " + ", ".join(name(item) for item in excluded))
    return "; ".join(parts) or "the whole graph"


def cited_sources(projection: Projection) -> list[SourceRef]:
    """The sources the view's relationships cite, by id, with how many relationships cite each."""
    counts: dict[str, int] = {}
    for relationship in projection.relationships.values():
        for source_id in {evidence.source for evidence in relationship.evidence}:
            counts[source_id] = counts.get(source_id, 0) + 1
    refs = []
    for source_id in sorted(counts):
        source: Source | None = projection.sources.get(source_id)
        if source is None:
            refs.append(
                SourceRef(
                    id=source_id,
                    title=source_id,
                    kind="unknown",
                    visibility="unknown",
                    relationships=counts[source_id],
                )
            )
            continue
        refs.append(
            SourceRef(
                id=source.id,
                title=source.title,
                kind=source.kind.value,
                publisher=source.publisher,
                author=source.author,
                url=source.url,
                published=source.published,
                visibility=source.visibility.value,
                relationships=counts[source_id],
            )
        )
    return refs
