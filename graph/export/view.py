"""The part of the graph an export shows: filters, then optionally a neighbourhood or a path.

The filters are a :class:`GraphFilter` (kinds, sectors, cluster, status, as-of); ``around`` keeps
the stakeholders within ``depth`` ties of one entity and every tie among them (its ego network);
``path`` keeps the ``paths`` best paths between two entities and the ties each hop walks, as
``ckg path`` shows them.

>>> spec = ViewSpec(around="ionq", depth=2)  # doctest: +SKIP
>>> view = build_export_view(store, spec)  # doctest: +SKIP
>>> view.provenance.description  # doctest: +SKIP
'within 2 ties of IonQ'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field, model_validator

from graph.analysis.neighbours import neighbourhood
from graph.analysis.paths import find_paths
from graph.analysis.projection import GraphFilter, Projection, project
from graph.errors import BadInputError, NotFoundError, Problem
from graph.export.base import ExportView
from graph.export.provenance import Provenance, cited_sources, describe, filter_options, tool_version
from graph.model import RelationshipKind, relationship_key
from graph.store.base import GraphStore


class ViewSpec(BaseModel):
    """Which part of the graph to export; the defaults are the whole graph."""

    model_config = ConfigDict(frozen=True)

    filter: GraphFilter = Field(default_factory=GraphFilter)
    around: str | None = Field(default=None, description="An entity id: keep its neighbourhood.")
    depth: int = Field(default=1, ge=1, le=6)
    path: tuple[str, str] | None = Field(
        default=None, description="Two entity ids: keep the paths between them."
    )
    paths: int = Field(default=1, ge=1, le=50, description="How many best paths ``path`` keeps.")

    @model_validator(mode="after")
    def _one_focus(self) -> ViewSpec:
        if self.around is not None and self.path is not None:
            raise ValueError("choose --around or --path, not both")
        return self

    def options(self) -> dict[str, object]:
        """The spec's non-default options as JSON values: what the provenance records."""
        options = filter_options(self.filter)
        if self.around is not None:
            options["around"] = self.around
            options["depth"] = self.depth
        if self.path is not None:
            options["path"] = list(self.path)
            options["paths"] = self.paths
        return options


def build_export_view(
    store: GraphStore, spec: ViewSpec | None = None, *, made_at: datetime | None = None
) -> ExportView:
    """Read the store once and return the view with its provenance.

    Raises NotFoundError when ``around`` or an end of ``path`` is not in the filtered view, or
    when no path joins the two ends (the message says why).
    """
    spec = spec or ViewSpec()
    projection = narrow(project(store, spec.filter), spec)
    return export_view(projection, spec, store.uri, made_at=made_at)


def export_view(
    projection: Projection, spec: ViewSpec, store_uri: str, *, made_at: datetime | None = None
) -> ExportView:
    """The export view of an already narrowed projection (what the app and tests build directly)."""
    options = spec.options()
    names = {eid: entity.name for eid, entity in projection.entities.items()}
    provenance = Provenance(
        tool=tool_version(),
        made_at=(made_at or datetime.now(UTC)).replace(microsecond=0),
        store=store_uri,
        view=options,
        description=describe(options, names),
        entities=len(projection.entities),
        relationships=len(projection.relationships),
        sources=cited_sources(projection),
    )
    return ExportView(projection, provenance)


def narrow(projection: Projection, spec: ViewSpec) -> Projection:
    """The part of ``projection`` that ``spec.around`` or ``spec.path`` picks (all of it otherwise)."""
    if spec.around is not None:
        centre = spec.around
        if centre not in projection.entities:
            raise NotFoundError(f"{centre} is not in this view (filtered out, or not in the store)")
        rings = neighbourhood(projection, centre, spec.depth)
        kept = {centre, *(neighbour.id for neighbour in rings.neighbours)}
        keys = [
            key for key, rel in projection.relationships.items() if rel.source in kept and rel.target in kept
        ]
        return restrict(projection, kept, keys)
    if spec.path is not None:
        source, target = spec.path
        answer = find_paths(projection, source, target, k=spec.paths)
        if not answer.paths:
            raise NotFoundError(f"no path from {source} to {target}: {answer.reason}")
        kept = {entity for found in answer.paths for entity in found.entities}
        keys = [
            relationship_key(RelationshipKind(hop.kind), hop.source, hop.target, hop.since)
            for found in answer.paths
            for hop in found.hops
        ]
        return restrict(projection, kept, keys)
    return projection


def restrict(
    projection: Projection, entity_ids: Iterable[str], relationship_keys: Iterable[str]
) -> Projection:
    """A projection of the given entities and relationships, keeping the filter and the sources.

    The graph is built here rather than by ``build_projection`` so that the filter is not applied
    twice (a cluster filter would drop a path's stakeholders whose membership tie is not on it).
    """
    kept_ids = sorted(set(entity_ids))
    unknown = [eid for eid in kept_ids if eid not in projection.entities]
    if unknown:
        raise BadInputError([Problem("view", "entities", f"not in the view: {', '.join(unknown)}")])
    relationships = {key: projection.relationships[key] for key in sorted(set(relationship_keys))}
    graph = nx.MultiGraph()
    graph.add_nodes_from(kept_ids)
    for key, rel in relationships.items():
        graph.add_edge(rel.source, rel.target, key=key, kind=rel.kind.value)
    return Projection(
        entities={eid: projection.entities[eid] for eid in kept_ids},
        relationships=relationships,
        sources=projection.sources,
        graph=graph,
        filter=projection.filter,
    )
