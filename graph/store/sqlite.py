"""The embedded store: one SQLite file, no server. The default for a single user.

Columns hold what is searched or joined on; the rest of each model is kept as its JSON, so a
model round-trips exactly and new optional fields need no migration.

>>> from graph.model import Dataset
>>> with SqliteStore(":memory:") as store:
...     store.upsert(Dataset())
...     store.stats().entities.total
0
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from graph.bulk import paused_gc
from graph.errors import NotFoundError, StoreUnavailableError
from graph.model import (
    Dataset,
    Entity,
    EntityKind,
    EntityStatus,
    Evidence,
    Relationship,
    RelationshipKind,
    RelationshipStatus,
    Source,
    normalise_name,
)
from graph.store import sqlite_paths, sqlite_views
from graph.store.base import (
    Committed,
    DataHealth,
    EntityCounts,
    EntityNames,
    OnCommit,
    PathChooser,
    PlaceCount,
    RelationshipCounts,
    Stats,
    TieMonth,
    TieSummary,
    check_references,
    coalesce_relationships,
    in_order,
    subgraph_along,
)
from graph.store.gate import ReadGate, default_readers, gated
from graph.store.path_query import NO_PATH, Neighbourhood, PathQuery, PathSubgraph, collect_neighbourhood
from graph.store.trusted import trusted

SCHEMA_VERSION = 4
_REDATE = (
    "UPDATE relationships SET first_reported = (SELECT min(s.published) FROM evidence e "
    "JOIN sources s ON s.id = e.source_id WHERE e.relationship_key = relationships.key) "
    "WHERE key = ? AND since IS NULL"
)
"""An undated tie began when a source first reported it: its first report, from the sources of
its evidence."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    published TEXT,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_kind ON entities (kind);
CREATE TABLE IF NOT EXISTS entity_names (
    name TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (name, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_names_entity ON entity_names (entity_id);
CREATE TABLE IF NOT EXISTS relationships (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES entities (id),
    target_id TEXT NOT NULL REFERENCES entities (id),
    since TEXT,
    until TEXT,
    first_reported TEXT,  -- since, else the earliest date a cited source was published (for as-of)
    status TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS relationships_kind ON relationships (kind);
-- Covering indexes of each end (schema 4): a path search or a neighbourhood reads a stakeholder's
-- ties, with everything the filters test, from the index alone, never the rows (which hold JSON).
CREATE INDEX IF NOT EXISTS relationships_source_ends
    ON relationships (source_id, target_id, kind, status, first_reported, until, key);
CREATE INDEX IF NOT EXISTS relationships_target_ends
    ON relationships (target_id, source_id, kind, status, first_reported, until, key);
CREATE TABLE IF NOT EXISTS evidence (
    relationship_key TEXT NOT NULL REFERENCES relationships (key) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES sources (id),
    quote TEXT,
    locator TEXT,
    extracted_by TEXT NOT NULL,
    anchor TEXT NOT NULL,  -- the quote, else the locator: see graph.model.Evidence.anchor
    PRIMARY KEY (relationship_key, source_id, anchor)
);
CREATE INDEX IF NOT EXISTS evidence_source ON evidence (source_id);
"""

_MIGRATIONS = {
    # 3 -> 4: the single-column end indexes gave way to the covering ones in _SCHEMA
    3: "DROP INDEX IF EXISTS relationships_source; DROP INDEX IF EXISTS relationships_target;",
}
"""Statements that bring a store of schema N to N + 1, run in one transaction when it is opened
(``_SCHEMA`` has already created whatever is new by then)."""

_CHUNK = 500  # ids per IN (...) query, well under SQLite's variable limit
_MMAP_BYTES = 1 << 30  # reads map the file rather than copy its pages into each connection's cache
_CACHE_KIB = 64 * 1024  # page cache: the default 2 MiB spills a large load's index pages to disk
BUSY_TIMEOUT = 120.0
"""Seconds a write waits for another connection's write to the same file to finish before it
fails with "database is locked": with two ingests at once the second waits for the first, whose
one transaction takes seconds (a minute for a very large load). Readers never wait: WAL mode lets
them read the last committed state while a write is under way."""
_RELATIONSHIP_JSON = Relationship.__pydantic_serializer__.to_json  # model_dump_json less its wrapping
_NO_EVIDENCE = {"evidence"}  # evidence has a table of its own


# Every relationship's fields: the columns, and from its JSON the fields that have none.
_RELATIONSHIP_ROWS = """
SELECT key, kind, source_id, target_id, since, until, status,
       json_extract(data, '$.amount'), json_extract(data, '$.currency'), json_extract(data, '$.note')
FROM relationships ORDER BY key
"""


_day = lru_cache(maxsize=65_536)(date.fromisoformat)
"""A stored date read back: a large graph's ties share a few thousand dates, and a date is
immutable, so reading 500,000 ties parses each one once."""
# A stored kind or status read back by dict lookup: calling the enum took a tenth of the time of
# reading a large graph (its lookup goes through the enum machinery for every value).
_ENTITY_KINDS = {kind.value: kind for kind in EntityKind}
_ENTITY_STATUSES = {status.value: status for status in EntityStatus}
_RELATIONSHIP_KINDS = {kind.value: kind for kind in RelationshipKind}
_RELATIONSHIP_STATUSES = {status.value: status for status in RelationshipStatus}


def path_from_uri(uri: str) -> str:
    """``sqlite:///ckg.db`` is ``ckg.db`` in the working directory, ``sqlite:////srv/ckg.db``
    an absolute path, ``sqlite:///:memory:`` a database that lives as long as the store."""
    if not uri.startswith("sqlite:///"):
        raise StoreUnavailableError(f"not an SQLite store URI (want sqlite:///PATH): {uri}")
    path = uri.removeprefix("sqlite:///")
    if not path:
        raise StoreUnavailableError(f"no file in the store URI: {uri}")
    return path


class SqliteStore:
    """A :class:`graph.store.base.GraphStore` in one SQLite file (WAL mode, foreign keys on).

    Safe to share between threads: each thread reads and writes through a connection of its own
    (opened on its first use, closed by :meth:`close`), so one thread's transaction or unfinished
    read never mixes with another's, and readers run beside a writer (WAL). A ``:memory:`` store
    is one database per connection, so it keeps a single connection for every thread.
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        """Open the store in ``path``; with ``create=False`` a missing file is an error rather than a
        new empty store (so a mistyped path is not silently read as an empty graph)."""
        self._path = str(path)
        if not create and self._path != ":memory:" and not Path(self._path).is_file():
            raise StoreUnavailableError(
                f"no store at {self._path}: load data into it with `ckg ingest` first, or check --store"
            )
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False
        self._gate = ReadGate(default_readers(per_core=1))
        self._readers: list[sqlite3.Connection | None] = [None] * self._gate.permits
        try:
            if self._path != ":memory:":
                Path(self._path).parent.mkdir(parents=True, exist_ok=True)
            self._shared = self._connect() if self._path == ":memory:" else None
            first = self._db
            first.executescript(_SCHEMA)
            self._check_version(first)
        except sqlite3.DatabaseError as error:
            raise StoreUnavailableError(f"cannot open the SQLite store {self._path}: {error}") from error

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: durable but for the last commits
        db.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        db.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        with self._lock:
            self._connections.append(db)
        return db

    @property
    def read_gate(self) -> ReadGate:
        """The few threads at a time let into the short reads (see :mod:`graph.store.gate`)."""
        return self._gate

    @property
    def _db(self) -> sqlite3.Connection:
        """The connection of the read permit this thread holds, else this thread's own (the one
        shared connection of a ``:memory:`` store). A thread whose own connection is in a
        transaction keeps to it inside the gate too, so it reads what it is writing. Readers
        change threads (the app runs each page in a new one, a pool hands questions round), but
        the permits stay: their connections keep their prepared statements and cached pages."""
        if self._shared is not None:
            return self._shared
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        slot = self._gate.slot
        if slot is not None and (db is None or not db.in_transaction):
            return self._reader(slot)
        if db is None:
            if self._closed:
                raise StoreUnavailableError(f"the SQLite store {self._path} is closed")
            try:
                db = self._connect()
            except sqlite3.DatabaseError as error:
                raise StoreUnavailableError(f"cannot open the SQLite store {self._path}: {error}") from error
            self._local.db = db
        return db

    def _reader(self, slot: int) -> sqlite3.Connection:
        db = self._readers[slot]
        if db is None:
            if self._closed:
                raise StoreUnavailableError(f"the SQLite store {self._path} is closed")
            try:
                db = self._readers[slot] = self._connect()
            except sqlite3.DatabaseError as error:
                raise StoreUnavailableError(f"cannot open the SQLite store {self._path}: {error}") from error
        return db

    def _check_version(self, db: sqlite3.Connection) -> None:
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            return
        version = int(row[0])
        if version > SCHEMA_VERSION:
            raise StoreUnavailableError(
                f"{self._path} was written by a newer consortium-kg (schema {row[0]}); upgrade to read it"
            )
        if version < SCHEMA_VERSION and version not in _MIGRATIONS:
            raise StoreUnavailableError(
                f"{self._path} was written by an earlier development version (schema {row[0]}): "
                "ingest your data files into a new store file"
            )
        if version < SCHEMA_VERSION:
            db.execute("BEGIN IMMEDIATE")
            try:
                for step in range(version, SCHEMA_VERSION):
                    for statement in _MIGRATIONS[step].split(";"):
                        if statement.strip():
                            db.execute(statement)
                db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @property
    def uri(self) -> str:
        return f"sqlite:///{self._path}"

    # -- writing ---------------------------------------------------------------------------

    def upsert(self, dataset: Dataset, on_commit: OnCommit | None = None) -> None:
        with paused_gc():
            relationships = coalesce_relationships(dataset.relationships)
            dataset = Dataset.model_construct(  # validated models already: see coalesce
                sources=list({item.id: item for item in dataset.sources}.values()),
                entities=list({item.id: item for item in dataset.entities}.values()),
                relationships=list(relationships.values()),
            )
            self._db.execute("BEGIN IMMEDIATE")
            try:
                check_references(self, dataset)
                redated = self._redated(dataset.sources)
                self._write_sources(dataset.sources)
                self._write_entities(dataset.entities)
                self._write_relationships(relationships)
                self._redate_ties_citing(redated)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        if on_commit:
            rows = len(dataset.sources) + len(dataset.entities) + len(relationships)
            on_commit(Committed(batch=1, batches=1, rows=rows, what="the whole dataset"))

    def _redated(self, sources: Sequence[Source]) -> list[str]:
        """Ids of the stored sources whose date ``sources`` change."""
        given = {s.id: s.published.isoformat() if s.published else None for s in sources}
        stored = self._rows("SELECT id, published FROM sources WHERE id IN ({})", given)
        return sorted(source_id for source_id, published in stored if given[source_id] != published)

    def _redate_ties_citing(self, sources: list[str]) -> None:
        """An undated tie began when a source first reported it: a source re-dated re-dates the
        undated ties citing it (the rest are dated by the batch that writes them)."""
        citing = self._rows("SELECT DISTINCT relationship_key FROM evidence WHERE source_id IN ({})", sources)
        self._db.executemany(_REDATE, list(citing))

    def _write_sources(self, sources: Sequence[Source]) -> None:
        self._db.executemany(
            "INSERT INTO sources (id, kind, published, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, published = excluded.published, "
            "data = excluded.data",
            sorted(
                (s.id, s.kind.value, s.published.isoformat() if s.published else None, s.model_dump_json())
                for s in sources
            ),
        )

    def _write_entities(self, entities: Sequence[Entity]) -> None:
        self._db.executemany(
            "INSERT INTO entities (id, kind, name, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, data = excluded.data",
            sorted((e.id, e.kind.value, e.name, e.model_dump_json()) for e in entities),
        )
        self._db.executemany("DELETE FROM entity_names WHERE entity_id = ?", [(e.id,) for e in entities])
        self._db.executemany(
            "INSERT OR IGNORE INTO entity_names (name, entity_id) VALUES (?, ?)",
            sorted({(normalise_name(name), e.id) for e in entities for name in e.names()}),
        )

    def _write_relationships(self, relationships: dict[str, Relationship]) -> None:
        """Rows go in in key order, so each B-tree grows at its end rather than at random pages
        (a third faster for a large batch); evidence keeps its order within a relationship,
        which is the order it is read back in."""
        to_json = _RELATIONSHIP_JSON
        self._db.executemany(
            "INSERT INTO relationships (key, kind, source_id, target_id, since, until, status, data, "
            "first_reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET until = excluded.until, status = excluded.status, "
            "data = excluded.data",
            [
                (
                    key,
                    r.kind,  # a StrEnum binds as its value, without the enum's slow .value lookup
                    r.source,
                    r.target,
                    since,
                    r.until.isoformat() if r.until else None,
                    r.status,
                    to_json(r, exclude=_NO_EVIDENCE).decode(),
                    since,
                )
                for key in sorted(relationships)
                for r in [relationships[key]]
                for since in [r.since.isoformat() if r.since else None]
            ],
        )
        self._db.executemany(
            "INSERT INTO evidence (relationship_key, source_id, quote, locator, extracted_by, anchor) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (relationship_key, source_id, anchor) DO UPDATE SET quote = excluded.quote, "
            "locator = excluded.locator, extracted_by = excluded.extracted_by",
            [
                (key, e.source, e.quote, e.locator, e.extracted_by, e.anchor)
                for key in sorted(relationships)
                for e in relationships[key].evidence
            ],
        )
        # an undated tie's first report is known once its evidence is in
        self._db.executemany(_REDATE, [(key,) for key, r in relationships.items() if r.since is None])

    def clear(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for table in ("evidence", "relationships", "entity_names", "entities", "sources"):
                self._db.execute(f"DELETE FROM {table}")  # noqa: S608 - table names are literals above
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- reading ---------------------------------------------------------------------------

    @gated
    def stats(self) -> Stats:
        with self._one_moment():
            entity_kinds = dict(
                self._db.execute("SELECT kind, count(*) FROM entities GROUP BY kind ORDER BY kind")
            )
            rel_kinds = dict(
                self._db.execute("SELECT kind, count(*) FROM relationships GROUP BY kind ORDER BY kind")
            )
            # every evidence row names a relationship that exists (a foreign key, deletes
            # cascading), so the ties without evidence are those whose key no evidence row names:
            # counted on the evidence table's key, a third of the time of a lookup per tie
            cited = self._scalar("SELECT count(*) FROM (SELECT DISTINCT relationship_key FROM evidence)")
            without = sum(rel_kinds.values()) - cited
            sources = self._scalar("SELECT count(*) FROM sources")
            evidence = self._scalar("SELECT count(*) FROM evidence")
        return Stats(
            entities=EntityCounts(total=sum(entity_kinds.values()), by_kind=entity_kinds),
            relationships=RelationshipCounts(
                total=sum(rel_kinds.values()), by_kind=rel_kinds, without_evidence=without
            ),
            sources=sources,
            evidence=evidence,
            store=self.uri,
        )

    @contextmanager
    def _one_moment(self) -> Iterator[None]:
        """One read transaction (unless the caller holds one), so that several counts are of one
        moment even while an ingest commits."""
        own = not self._db.in_transaction
        if own:
            self._db.execute("BEGIN")
        try:
            yield
        finally:
            if own:
                self._db.execute("COMMIT")

    def _scalar(self, sql: str) -> int:
        value: int = self._db.execute(sql).fetchone()[0]
        return value

    def entities(self) -> Iterator[Entity]:
        loads, kinds, statuses = json.loads, _ENTITY_KINDS, _ENTITY_STATUSES
        for (data,) in self._db.execute("SELECT data FROM entities ORDER BY id"):
            values = loads(data)  # as written: see graph.store.trusted
            values["kind"] = kinds[values["kind"]]
            if "status" in values:
                values["status"] = statuses[values["status"]]
            yield trusted(Entity, values)

    def sources(self) -> Iterator[Source]:
        for (data,) in self._db.execute("SELECT data FROM sources ORDER BY id"):
            yield Source.model_validate_json(data)

    def relationships(self) -> Iterator[Relationship]:
        """Built from the rows as written (see :mod:`graph.store.trusted`): validating 500,000
        relationships and their evidence again was most of the time of reading them for a
        projection. Both queries run in key order and are merged as they go."""
        evidence_rows = self._db.execute(
            "SELECT relationship_key, source_id, quote, locator, extracted_by FROM evidence "
            "ORDER BY relationship_key, rowid"
        )
        pending = next(evidence_rows, None)
        kinds, statuses, day = _RELATIONSHIP_KINDS, _RELATIONSHIP_STATUSES, _day
        for key, kind, source, target, since, until, status, amount, currency, note in self._db.execute(
            _RELATIONSHIP_ROWS
        ):
            evidence: list[Evidence] = []
            while pending is not None and pending[0] <= key:
                if pending[0] == key:
                    evidence.append(
                        trusted(
                            Evidence,
                            {"source": pending[1], "quote": pending[2], "locator": pending[3],
                             "extracted_by": pending[4]},
                        )
                    )  # fmt: skip
                pending = next(evidence_rows, None)
            yield trusted(
                Relationship,
                {
                    "kind": kinds[kind],
                    "source": source,
                    "target": target,
                    "since": day(since) if since else None,
                    "until": day(until) if until else None,
                    "status": statuses[status],
                    "amount": amount,
                    "currency": currency,
                    "note": note,
                    "evidence": evidence,
                },
            )

    def tie_summaries(self) -> Iterator[TieSummary]:
        """From the columns and the evidence table's primary key, never the JSON: both queries in
        key order, merged as they go (see :meth:`relationships`)."""
        cited_rows = self._db.execute(
            "SELECT DISTINCT relationship_key, source_id FROM evidence ORDER BY relationship_key, source_id"
        )
        pending = next(cited_rows, None)
        kinds, statuses, day = _RELATIONSHIP_KINDS, _RELATIONSHIP_STATUSES, _day
        for key, kind, source, target, since, until, first, status in self._db.execute(
            "SELECT key, kind, source_id, target_id, since, until, first_reported, status "
            "FROM relationships ORDER BY key"
        ):
            cited: list[str] = []
            while pending is not None and pending[0] <= key:
                if pending[0] == key:
                    cited.append(pending[1])
                pending = next(cited_rows, None)
            yield TieSummary(
                key,
                kinds[kind],
                source,
                target,
                statuses[status],
                day(since) if since else None,
                day(until) if until else None,
                day(first) if first else None,
                tuple(cited),
            )

    @gated
    def get_entity(self, entity_id: str) -> Entity | None:
        row = self._db.execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return Entity.model_validate_json(row[0]) if row else None

    @gated
    def existing_entity_ids(self, ids: Iterable[str]) -> set[str]:
        return self._existing("SELECT id FROM entities WHERE id IN ({})", ids)

    @gated
    def existing_source_ids(self, ids: Iterable[str]) -> set[str]:
        return self._existing("SELECT id FROM sources WHERE id IN ({})", ids)

    @gated
    def shortest_paths(self, source: str, target: str, query: PathQuery) -> list[list[str]]:
        return sqlite_paths.shortest_paths(self._db, source, target, query)

    @gated
    def ties_between(self, pairs: Iterable[tuple[str, str]]) -> list[Relationship]:
        return self._with_evidence(sqlite_paths.ties_between(self._db, pairs))

    @gated
    def path_subgraph(
        self, source: str, target: str, query: PathQuery, choose: PathChooser | None = None
    ) -> PathSubgraph:
        paths = self.shortest_paths(source, target, query)
        if not paths:
            return NO_PATH
        if choose is not None and len(paths) > 1:
            pairs = {pair for nodes in paths for pair in pairwise(nodes)}
            paths = choose(paths, sqlite_paths.tie_summaries_between(self._db, pairs, query))
        return subgraph_along(self, paths)

    @gated
    def neighbourhood(self, entity_id: str, depth: int, query: PathQuery) -> Neighbourhood:
        row = self._db.execute("SELECT name, kind FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        return collect_neighbourhood(
            entity_id,
            row[0],
            EntityKind(row[1]),
            depth,
            query,
            lambda ring: sqlite_paths.neighbour_ties(self._db, ring, query),
        )

    @gated
    def search_entities(self, text: str, limit: int = 10) -> list[EntityNames]:
        ids = sqlite_views.search(self._db, text, limit)
        query = "SELECT id, kind, name, json_extract(data, '$.aliases') FROM entities WHERE id IN ({})"
        found = {
            entity_id: EntityNames(id=entity_id, kind=kind, names=[name, *json.loads(aliases or "[]")])
            for entity_id, kind, name, aliases in self._rows(query, ids)
        }
        return [found[entity_id] for entity_id in ids if entity_id in found]

    @gated
    def best_connected(
        self, limit: int, query: PathQuery, entity_kinds: frozenset[EntityKind] | None = None
    ) -> list[tuple[str, int]]:
        return sqlite_views.best_connected(self._db, limit, query, entity_kinds)

    @gated
    def ties_among(self, ids: Iterable[str]) -> list[Relationship]:
        return self._with_evidence(sqlite_views.ties_among(self._db, ids))

    @gated
    def ties_since(self, kind: RelationshipKind, since: date, limit: int) -> list[Relationship]:
        rows = self._db.execute(sqlite_views.TIES_SINCE, (kind.value, since.isoformat(), limit)).fetchall()
        return self._with_evidence(rows)

    @gated
    def groups_lacking(
        self, group_kind: EntityKind, member_kind: EntityKind, ties: frozenset[RelationshipKind]
    ) -> list[str]:
        return sqlite_views.groups_lacking(self._db, group_kind, member_kind, ties)

    @gated
    def place_counts(self) -> list[PlaceCount]:
        kinds, statement = _ENTITY_KINDS, sqlite_views.PLACE_COUNTS
        return in_order(
            PlaceCount(kinds[kind], country, region, cell_lat, cell_lon, count)
            for kind, country, region, cell_lat, cell_lon, count in self._db.execute(statement)
        )

    @gated
    def tie_months(self) -> list[TieMonth]:
        kinds, statuses = _RELATIONSHIP_KINDS, _RELATIONSHIP_STATUSES
        return in_order(
            TieMonth(month, kinds[kind], statuses[status], count)
            for month, kind, status, count in self._db.execute(sqlite_views.TIE_MONTHS)
        )

    @gated
    def data_health(self, newest: int = 10, names: int = 50) -> DataHealth:
        proposed = EntityStatus.PROPOSED.value
        with self._one_moment():
            rows = self._db.execute(sqlite_views.NEWEST_TIES, (newest,)).fetchall()
            return DataHealth(
                newest=self._with_evidence(rows),
                one_source=self._scalar(sqlite_views.ONE_SOURCE_COUNT),
                unconnected=self._scalar(sqlite_views.UNCONNECTED_COUNT),
                unconnected_names=[r[0] for r in self._db.execute(sqlite_views.UNCONNECTED_NAMES, (names,))],
                proposed=self._db.execute(sqlite_views.PROPOSED_COUNT, (proposed,)).fetchone()[0],
                proposed_names=[
                    r[0] for r in self._db.execute(sqlite_views.PROPOSED_NAMES, (proposed, names))
                ],
            )

    def _with_evidence(self, rows: list[tuple[str, str]]) -> list[Relationship]:
        """Relationships from their (key, JSON) rows, each with its evidence (kept in a table of
        its own), in the rows' order."""
        evidence = self._evidence_of(key for key, _ in rows)
        return [
            Relationship.model_validate_json(data).model_copy(update={"evidence": evidence.get(key, [])})
            for key, data in rows
        ]

    @gated
    def lookup_names(self, normalised_names: Iterable[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for chunk in _chunks(sorted(set(normalised_names))):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT name, entity_id FROM entity_names WHERE name IN ({marks})"  # noqa: S608
            for name, entity_id in self._db.execute(sql, chunk):
                found[name].add(entity_id)
        return dict(found)

    def _existing(self, template: str, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(set(ids))):
            sql = template.format(",".join("?" * len(chunk)))
            found.update(row[0] for row in self._db.execute(sql, chunk))
        return found

    # -- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        """Close every thread's connection; the store cannot be used after it."""
        self._closed = True
        with self._lock:
            connections, self._connections = self._connections, []
            self._readers = [None] * len(self._readers)
        for db in connections:
            db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reads for ingest reports and extraction ---------------------------------------------

    @gated
    def entities_by_ids(self, ids: Iterable[str]) -> dict[str, Entity]:
        rows = self._rows("SELECT data FROM entities WHERE id IN ({})", ids)
        return {entity.id: entity for entity in (Entity.model_validate_json(row[0]) for row in rows)}

    @gated
    def sources_by_ids(self, ids: Iterable[str]) -> dict[str, Source]:
        rows = self._rows("SELECT data FROM sources WHERE id IN ({})", ids)
        return {source.id: source for source in (Source.model_validate_json(row[0]) for row in rows)}

    def _evidence_of(self, keys: Iterable[str]) -> dict[str, list[Evidence]]:
        """The evidence of each relationship key, in the order it was written."""
        evidence: dict[str, list[Evidence]] = defaultdict(list)
        for key, source, quote, locator, extracted_by in self._rows(
            "SELECT relationship_key, source_id, quote, locator, extracted_by FROM evidence "
            "WHERE relationship_key IN ({}) ORDER BY rowid",
            keys,
        ):
            evidence[key].append(
                Evidence(source=source, quote=quote, locator=locator, extracted_by=extracted_by)
            )
        return evidence

    @gated
    def relationships_by_keys(self, keys: Iterable[str]) -> dict[str, Relationship]:
        rows = list(self._rows("SELECT key, data FROM relationships WHERE key IN ({})", sorted(set(keys))))
        return {relationship.key: relationship for relationship in self._with_evidence(rows)}

    def entity_names(self) -> Iterator[EntityNames]:
        query = "SELECT id, kind, name, json_extract(data, '$.aliases') FROM entities ORDER BY id"
        for entity_id, kind, name, aliases in self._db.execute(query):
            yield EntityNames(id=entity_id, kind=kind, names=[name, *json.loads(aliases or "[]")])

    def _rows(self, template: str, values: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``template`` (one ``IN ({})``) for ``values``, in chunks under SQLite's limit."""
        for chunk in _chunks(sorted(set(values))):
            sql = template.format(",".join("?" * len(chunk)))
            yield from self._db.execute(sql, chunk)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
