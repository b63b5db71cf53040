"""The store contract. Two implementations (embedded SQLite, Neo4j) behave identically; one test
suite runs against both. Callers depend on :class:`GraphStore` only."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from types import TracebackType
from typing import NamedTuple, Protocol, Self, TypeVar, runtime_checkable

from pydantic import BaseModel, Field

from graph.errors import NotFoundError
from graph.model import (
    Dataset,
    Entity,
    EntityKind,
    Evidence,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Source,
)
from graph.store.gate import ReadGate
from graph.store.path_query import Neighbourhood, PathQuery, PathSubgraph


class EntityCounts(BaseModel):
    total: int
    by_kind: dict[str, int] = Field(default_factory=dict)


class RelationshipCounts(BaseModel):
    total: int
    by_kind: dict[str, int] = Field(default_factory=dict)
    without_evidence: int


class EntityNames(BaseModel):
    """One entity's names as written (name first, then aliases), for a gazetteer that finds them
    in text: extraction needs every name in the store, not a lookup of names it already has."""

    id: str
    kind: EntityKind
    names: list[str]


class Stats(BaseModel):
    """What `ckg stats --json` prints; the shape is a contract for users' scripts."""

    entities: EntityCounts
    relationships: RelationshipCounts
    sources: int
    evidence: int = Field(description="Evidence records over all relationships.")
    store: str = Field(description="The store these counts come from, without credentials.")


class DataHealth(BaseModel):
    """What the overview says about a graph's upkeep, counted by the store (never a projection):
    the newest ties with their evidence, ties resting on one source, stakeholders with no tie,
    and proposals waiting for review, each count with the first names in name order."""

    newest: list[Relationship]
    one_source: int
    unconnected: int
    unconnected_names: list[str]
    proposed: int
    proposed_names: list[str]


class TieSummary(NamedTuple):
    """A relationship less its evidence's text: what analyses of the whole graph read (its ends,
    kind, status, dates and the sources it cites). A store reads half a million of these in a few
    seconds, where building the full models with their evidence took a quarter of a minute
    (docs/BENCHMARKS.md, "Scale"); a tuple, because building a million pydantic models is the
    cost being avoided."""

    key: str
    kind: RelationshipKind
    source: str
    target: str
    status: RelationshipStatus
    since: date | None
    until: date | None
    first_reported: date | None
    """Its ``since``, else the earliest date a source it cites was published (what ``as_of`` tests)."""
    cited: tuple[str, ...]
    """The ids of the sources its evidence cites, each once, in order."""


def summarise(relationship: Relationship, published: dict[str, date]) -> TieSummary:
    """The summary of a full relationship; ``published``: the sources' dates, by id."""
    cited = tuple(sorted({e.source for e in relationship.evidence}))
    dates = [published[source] for source in cited if source in published]
    return TieSummary(
        key=relationship.key,
        kind=relationship.kind,
        source=relationship.source,
        target=relationship.target,
        status=relationship.status,
        since=relationship.since,
        until=relationship.until,
        first_reported=relationship.since or min(dates, default=None),
        cited=cited,
    )


class PlaceCount(NamedTuple):
    """How many stakeholders (``entities``) of ``kind`` are at one place: their country and region as given,
    and, for those with coordinates, the 0.1-degree cell they fall in (``cell_lat`` is
    ``floor(lat * 10)``, so -37.81 is in cell -379). What the map of a graph too large to read
    whole draws: one mark per place and kind."""

    kind: EntityKind
    country: str | None
    region: str | None
    cell_lat: int | None
    cell_lon: int | None
    entities: int


class TieMonth(NamedTuple):
    """How many ``ties`` of ``kind`` and ``status`` were first reported in ``month`` (``YYYY-MM``;
    ``None`` counts the undated): the timeline of a graph too large to read whole."""

    month: str | None
    kind: RelationshipKind
    status: RelationshipStatus
    ties: int


Row = TypeVar("Row", "PlaceCount", "TieMonth")


def in_order(rows: Iterable[Row]) -> list[Row]:
    """``rows`` sorted field by field with ``None`` before any value, as every store returns
    :class:`PlaceCount` and :class:`TieMonth` rows (the stores' own orders put nulls apart)."""
    return sorted(rows, key=lambda row: tuple((value is not None, value) for value in row))


PathChooser = Callable[[list[list[str]], list[TieSummary]], list[list[str]]]
"""Of a search's shortest paths, those to read whole, given the usable ties along them."""


@dataclass(frozen=True)
class Committed:
    """One committed write transaction of an ``upsert``, for progress and for saying, after a
    crash, how far a load got. ``rows`` counts the records it wrote."""

    batch: int
    batches: int
    rows: int
    what: str


OnCommit = Callable[[Committed], None]


@runtime_checkable
class GraphStore(Protocol):
    """A graph of entities, relationships and their sources.

    ``upsert`` is the only write path besides ``clear``. The embedded store writes one call in
    one transaction, so a dataset lands whole or not at all; Neo4j does too for a dataset of up
    to one batch, and commits larger ones batch by batch (one huge transaction would hold the
    whole load in the server's memory). Every batch is idempotent, so after a crash the same
    upsert, run again, completes the load. Writes merge on identity (entity ``id``, relationship
    ``key``, source ``id``): upserting the same dataset twice changes nothing, a changed field
    updates in place, and a relationship's evidence from a new source is added beside the old.
    """

    @property
    def uri(self) -> str:
        """Where the store lives, safe to print (no credentials)."""
        ...

    @property
    def read_gate(self) -> ReadGate:
        """How many threads read at once (:mod:`graph.store.gate`). Each read method takes a
        permit; a question that reads and then works on what it read holds one throughout
        (``with store.read_gate:``), so threads past the permits wait their turn instead of
        sharing the interpreter with the ones inside."""
        ...

    def upsert(self, dataset: Dataset, on_commit: OnCommit | None = None) -> None:
        """Write sources, entities and relationships; ``on_commit`` hears of each commit.

        Raises NotFoundError (and writes nothing) when a relationship names an entity, or
        evidence names a source, that is neither in ``dataset`` nor in the store.
        """
        ...

    def stats(self) -> Stats: ...

    def clear(self) -> None:
        """Remove everything."""
        ...

    def entities(self) -> Iterator[Entity]: ...

    def relationships(self) -> Iterator[Relationship]:
        """Every relationship with its evidence, ordered by key."""
        ...

    def tie_summaries(self) -> Iterator[TieSummary]:
        """Every relationship as a :class:`TieSummary`, ordered by key: :meth:`relationships` for
        the analyses that never read a quote."""
        ...

    def sources(self) -> Iterator[Source]: ...

    def get_entity(self, entity_id: str) -> Entity | None: ...

    def existing_entity_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` the store holds: how ingest checks references without reading all."""
        ...

    def existing_source_ids(self, ids: Iterable[str]) -> set[str]: ...

    def lookup_names(self, normalised_names: Iterable[str]) -> dict[str, set[str]]:
        """Map each normalised name (see ``graph.model.normalise_name``) to the ids of the
        entities whose id, name or an alias has that form. Names that match nothing are absent."""
        ...

    def shortest_paths(self, source: str, target: str, query: PathQuery) -> list[list[str]]:
        """Every shortest path between two entity ids (up to ``query.limit``), searched by the
        store itself: see :mod:`graph.store.path_query` for the meaning of the filters."""
        ...

    def ties_between(self, pairs: Iterable[tuple[str, str]]) -> list[Relationship]:
        """Every relationship between each pair of entity ids, either way round, with evidence,
        ordered by key: read in one query for all the pairs (the hops of a set of paths)."""
        ...

    def path_subgraph(
        self, source: str, target: str, query: PathQuery, choose: PathChooser | None = None
    ) -> PathSubgraph:
        """:meth:`shortest_paths` with everything a path answer reads besides: the
        :meth:`ties_between` their consecutive stakeholders, those stakeholders and the sources
        the ties cite (see :class:`graph.store.path_query.PathSubgraph`). Neo4j answers it in
        one statement, so a path question is one round trip to the server.

        ``choose``, given every shortest path and the usable ties along them as summaries,
        names the paths worth reading whole (the cheapest few): the embedded store then reads
        only those (a search can find dozens, and reading their ties whole was most of a path
        question's time). Neo4j, whose one statement costs less than a second round trip,
        reads them all."""
        ...

    def neighbourhood(self, entity_id: str, depth: int, query: PathQuery) -> Neighbourhood:
        """The stakeholders within ``depth`` usable ties of ``entity_id`` and the ties that reach
        them, read by the store ring by ring (one query per ring; Neo4j asks for every ring in one
        statement), never the whole graph. The
        tie filters of ``query`` (kinds, ended ties, as-of date, left-out stakeholders) mean what
        they mean for :meth:`shortest_paths`. Raises NotFoundError for an unknown id."""
        ...

    def search_entities(self, text: str, limit: int = 10) -> list[EntityNames]:
        """At most ``limit`` entities with an id, name or alias containing ``text`` (both
        normalised: see ``graph.model.normalise_name``): those with one that starts with it
        first, ordered by that name, then the others by the first name containing it, each then
        by id. Reads names only, for a picker that searches as the user types."""
        ...

    def best_connected(
        self, limit: int, query: PathQuery, entity_kinds: frozenset[EntityKind] | None = None
    ) -> list[tuple[str, int]]:
        """(id, ties) of the ``limit`` entities with the most usable ties, most first, then by id.
        The tie filters of ``query`` mean what they mean for :meth:`shortest_paths` (each
        parallel tie counts); ``query.exclude`` and ``entity_kinds`` say who may be ranked.
        Entities with no usable tie are never ranked. Counted by the store, never projected."""
        ...

    def ties_among(self, ids: Iterable[str]) -> list[Relationship]:
        """Every relationship with both ends among ``ids``, with evidence, ordered by key: the
        ties of a bounded set of stakeholders (a drawing), in one query."""
        ...

    def ties_since(self, kind: RelationshipKind, since: date, limit: int) -> list[Relationship]:
        """At most ``limit`` ties of ``kind`` first reported on or after ``since`` (see
        :class:`TieSummary`), with evidence, newest first, then by key from the last: the
        guided question "all MOUs since 2025" on a graph too large to read whole. Undated
        ties are never among them."""
        ...

    def groups_lacking(
        self, group_kind: EntityKind, member_kind: EntityKind, ties: frozenset[RelationshipKind]
    ) -> list[str]:
        """Ids, in order, of the entities of ``group_kind`` into which no tie of ``ties`` (of any
        status) comes from an entity of ``member_kind``: clusters with no university among their
        members, say. Answered by the store, never projected."""
        ...

    def place_counts(self) -> list[PlaceCount]:
        """The stakeholders counted by kind and place (see :class:`PlaceCount`), in order."""
        ...

    def tie_months(self) -> list[TieMonth]:
        """The ties counted by the month they were first reported, kind and status (see
        :class:`TieMonth`), in order, the undated first."""
        ...

    def data_health(self, newest: int = 10, names: int = 50) -> DataHealth:
        """The ``newest`` ties (latest ``first_reported`` first, undated last, then by key from
        the last), and the counts of ties citing one source only, of stakeholders with no tie and
        of proposed stakeholders, with the first ``names`` names of the last two: the overview
        of a graph too large to read whole."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def entities_by_ids(self, ids: Iterable[str]) -> dict[str, Entity]:
        """The stored entities among ``ids``, by id: how ingest tells created from updated."""
        ...

    def sources_by_ids(self, ids: Iterable[str]) -> dict[str, Source]: ...

    def relationships_by_keys(self, keys: Iterable[str]) -> dict[str, Relationship]:
        """The stored relationships among ``keys`` (see ``Relationship.key``), with evidence."""
        ...

    def entity_names(self) -> Iterator[EntityNames]:
        """Every entity's id, kind and names as written, ordered by id; no other fields are read."""
        ...


def merge_evidence(old: list[Evidence], new: list[Evidence]) -> list[Evidence]:
    """One evidence record per (source, anchor): a record seen again replaces the old one where
    it stands (its locator corrected, say), others are appended.

    >>> a = Evidence(source="s1", quote="IonQ signed.", locator="p. 1")
    >>> b = Evidence(source="s1", quote="IonQ signed.", locator="p. 2")
    >>> [e.locator for e in merge_evidence([a], [b])]
    ['p. 2']
    """
    by_anchor = {(item.source, item.anchor): item for item in old}
    for item in new:
        by_anchor[(item.source, item.anchor)] = item
    return list(by_anchor.values())


def coalesce(dataset: Dataset) -> Dataset:
    """The dataset with one record per identity, as a store writes it: a later record of the same
    entity, source or relationship wins, and a relationship's evidence is merged across its
    records (a CSV file gives one row per piece of evidence)."""
    return Dataset.model_construct(  # its records are validated models already
        sources=list({item.id: item for item in dataset.sources}.values()),
        entities=list({item.id: item for item in dataset.entities}.values()),
        relationships=list(coalesce_relationships(dataset.relationships).values()),
    )


def coalesce_relationships(relationships: Iterable[Relationship]) -> dict[str, Relationship]:
    """The relationships of :func:`coalesce` by key, in first-seen order: a store writing many
    needs their keys, and working each out again costs as much as the merge."""
    merged: dict[str, Relationship] = {}
    for rel in relationships:
        key = rel.key
        earlier = merged.get(key)
        evidence = rel.evidence
        if earlier is None and (
            len(evidence) < 2 or len({(e.source, e.anchor) for e in evidence}) == len(evidence)
        ):
            merged[key] = rel  # the common case: nothing to merge, nothing to copy
            continue
        evidence = merge_evidence(earlier.evidence if earlier else [], evidence)
        merged[key] = rel.model_copy(update={"evidence": evidence})
    return merged


def check_references(store: GraphStore, dataset: Dataset) -> None:
    """Raise NotFoundError naming every relationship end and evidence source that is neither in
    ``dataset`` nor already in ``store``: a store never holds a dangling reference."""
    wanted_entities = {end for rel in dataset.relationships for end in (rel.source, rel.target)}
    missing_entities = wanted_entities - {e.id for e in dataset.entities}
    missing_entities -= store.existing_entity_ids(missing_entities)
    wanted_sources = {ev.source for rel in dataset.relationships for ev in rel.evidence}
    missing_sources = wanted_sources - {s.id for s in dataset.sources}
    missing_sources -= store.existing_source_ids(missing_sources)
    parts: list[str] = []
    if missing_entities:
        parts.append("unknown entities: " + ", ".join(sorted(missing_entities)))
    if missing_sources:
        parts.append("unknown sources: " + ", ".join(sorted(missing_sources)))
    if parts:
        raise NotFoundError("; ".join(parts))


def subgraph_along(store: GraphStore, paths: list[list[str]]) -> PathSubgraph:
    """``paths`` with what a path answer reads along them, asked of the store in three reads: the
    ties between consecutive stakeholders, the stakeholders and the sources the ties cite. (A
    store that can do it in one, as Neo4j does for :meth:`GraphStore.path_subgraph`, does.)"""
    relationships = store.ties_between({pair for nodes in paths for pair in pairwise(nodes)})
    return PathSubgraph(
        paths=paths,
        relationships=relationships,
        entities=store.entities_by_ids({node for nodes in paths for node in nodes}),
        sources=store.sources_by_ids({e.source for r in relationships for e in r.evidence}),
    )
