"""The Neo4j store, over Bolt with the official driver: for shared deployments.

Every write runs as ``UNWIND $rows ... MERGE`` batches inside one managed write transaction per
``upsert`` call, so a dataset lands whole or not at all; every read runs in a managed read
transaction. Statements come from :mod:`graph.store.cypher`.

>>> store = Neo4jStore("bolt://127.0.0.1:7687", "neo4j", "secret")  # doctest: +SKIP
>>> store.stats().entities.total  # doctest: +SKIP
27
"""

from __future__ import annotations

import json
import os
import stat
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit, urlunsplit

import neo4j
from neo4j.exceptions import AuthError, DriverError, ServiceUnavailable, SessionExpired

from graph.bulk import paused_gc
from graph.errors import NotFoundError, StoreUnavailableError, UsageError
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
from graph.store import cypher, neo4j_paths
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
    coalesce,
    in_order,
)
from graph.store.gate import ReadGate, default_readers
from graph.store.path_query import (
    NO_PATH,
    Neighbourhood,
    NeighbourTie,
    PathQuery,
    PathSubgraph,
    collect_neighbourhood,
)

# Rows per UNWIND statement and per committed transaction of a large load: from the batch-size
# sweep in benchmarks/load_bench.py (docs/BENCHMARKS.md). CKG_NEO4J_BATCH_SIZE overrides it.
BATCH_SIZE = 5000
RETRY_SECONDS = 30.0
"""How long a read or write keeps retrying while the server cannot be reached (restarting, say), with
the driver's backoff, before it fails; CKG_NEO4J_RETRY_SECONDS overrides it."""
CLEAR_BATCH_NODES = 1000
"""Nodes ``clear`` deletes per transaction, with their ties: at about ten ties a node a batch stays
a few MB of transaction state, so clearing a graph of any size fits the server's heap."""
NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
UNREACHABLE = (ServiceUnavailable, SessionExpired)
"""What the driver raises when the server cannot be reached, once it has stopped retrying."""


_PLACE_FIELDS = ("country", "region", "cell_lat", "cell_lon", "entities")


class Neo4jStore:
    """A :class:`graph.store.base.GraphStore` on a Neo4j 5 server."""

    def __init__(
        self,
        uri: str,
        username: str | None = None,
        password: str | None = None,
        database: str | None = None,
        batch_size: int | None = None,
        retry_seconds: float | None = None,
    ) -> None:
        self.batch_size = batch_size or _batch_size_from_environment()
        self._gate = ReadGate(default_readers(per_core=2))  # threads let into reads at once: graph.store.gate
        retry = retry_seconds if retry_seconds is not None else _retry_seconds_from_environment()
        parts = urlsplit(uri)
        if parts.scheme not in NEO4J_SCHEMES:
            raise StoreUnavailableError(f"not a Neo4j URI (want one of {', '.join(NEO4J_SCHEMES)}): {uri}")
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        self._uri = urlunsplit((parts.scheme, netloc, parts.path, "", ""))
        if parts.password is not None:
            # a password on the command line is visible to every user of the machine (`ps`)
            raise UsageError(
                f"put no password in the store URI: use {self._uri} "
                "with NEO4J_PASSWORD or NEO4J_PASSWORD_FILE"
            )
        username = username or parts.username or os.environ.get("NEO4J_USERNAME", "neo4j")
        password = password or os.environ.get("NEO4J_PASSWORD") or _password_from_file()
        self._database = database or os.environ.get("NEO4J_DATABASE") or None
        if password is None:
            raise StoreUnavailableError(
                f"no password for {self._uri}: set NEO4J_PASSWORD or NEO4J_PASSWORD_FILE "
                "(and NEO4J_USERNAME if not 'neo4j')"
            )
        try:
            # Server notifications (e.g. "property does not exist yet" on an empty database) are
            # advice for query authors; our queries are fixed, so they would only be noise.
            self._driver = neo4j.GraphDatabase.driver(
                self._uri,
                auth=(username, password),
                notifications_min_severity="OFF",
                max_transaction_retry_time=retry,
            )
            self._driver.verify_connectivity()
        except AuthError as error:
            raise StoreUnavailableError(
                f"Neo4j at {self._uri} refused the login of {username!r}: check NEO4J_USERNAME/NEO4J_PASSWORD"
            ) from error
        except (ServiceUnavailable, DriverError, OSError, ValueError) as error:
            raise StoreUnavailableError(
                f"cannot reach Neo4j at {self._uri}: {_one_line(error)}. Start one with `ckg neo4j start` "
                "or `docker compose up neo4j`."
            ) from error
        self._ensure_schema()

    @property
    def uri(self) -> str:
        return self._uri + (f" (database {self._database})" if self._database else "")

    @property
    def read_gate(self) -> ReadGate:
        """The few threads at a time let into reads (see :mod:`graph.store.gate`)."""
        return self._gate

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self._database)

    def read_session(self) -> neo4j.Session:
        """A session in read access mode, for Cypher the store did not write (a user's query):
        the server refuses any write in it, and a cluster routes it to a secondary."""
        return self._driver.session(database=self._database, default_access_mode=neo4j.READ_ACCESS)

    def _ensure_schema(self) -> None:
        # Schema commands run on their own (auto-commit), not in a managed transaction with others.
        with self.reachable(), self._session() as session:
            for statement in cypher.schema_statements():
                session.run(statement).consume()

    @contextmanager
    def reachable(self) -> Iterator[None]:
        """Work with the server inside this block: once the driver has spent its retries on a
        server that cannot be reached, the user gets one plain line, not the driver's exception."""
        try:
            yield
        except UNREACHABLE as error:
            raise StoreUnavailableError(
                f"cannot reach Neo4j at {self.uri}: {_one_line(error)}. It may be restarting: try again "
                "in a moment."
            ) from error

    # -- writing ---------------------------------------------------------------------------

    def upsert(self, dataset: Dataset, on_commit: OnCommit | None = None) -> None:
        dataset = coalesce(dataset)
        check_references(self, dataset)
        published = self._publication_dates(dataset)
        with paused_gc():  # building the rows of a large load: see graph.bulk
            transactions = _transactions(_steps(dataset, published, self.batch_size), self.batch_size)
        with self._session() as session:
            for number, steps in enumerate(transactions, start=1):
                try:
                    session.execute_write(_write_steps, steps)
                except DriverError as error:
                    raise StoreUnavailableError(
                        _interrupted(self._uri, error, number - 1, transactions)
                    ) from error
                if on_commit:
                    on_commit(
                        Committed(
                            batch=number,
                            batches=len(transactions),
                            rows=sum(len(step.rows) for step in steps),
                            what=", ".join(dict.fromkeys(step.what for step in steps)),
                        )
                    )

    def _publication_dates(self, dataset: Dataset) -> dict[str, date | None]:
        """When each source cited by ``dataset`` was published: from the dataset, else the store."""
        published = {source.id: source.published for source in dataset.sources}
        cited = {e.source for r in dataset.relationships for e in r.evidence} - published.keys()
        published |= {source.id: source.published for source in self.sources_by_ids(cited).values()}
        return published

    def clear(self) -> None:
        with self.reachable(), self._session() as session:
            while session.execute_write(_delete_batch) > 0:
                pass

    # -- reading ---------------------------------------------------------------------------

    def _read(self, query: str, **parameters: Any) -> list[dict[str, Any]]:
        return self._read_all([(query, parameters)])[0]

    def _read_all(self, queries: Sequence[tuple[str, dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        """The rows of each query, all in one managed read transaction: the driver retries it with
        backoff while the server cannot be reached (a restart, a dropped connection) for up to
        ``retry_seconds``, then this raises StoreUnavailableError saying so."""

        def work(tx: neo4j.ManagedTransaction) -> list[list[dict[str, Any]]]:
            return [_rows(tx.run(query, parameters)) for query, parameters in queries]

        with self._gate, self.reachable(), self._session() as session:
            return session.execute_read(work)

    def stats(self) -> Stats:
        entity_rows, rel_rows, source_rows = self._read_all(  # one transaction: counts of one moment
            [
                (cypher.COUNT_ENTITIES_BY_KIND, {}),
                (cypher.COUNT_RELATIONSHIPS_BY_KIND, {}),
                (cypher.COUNT_SOURCES, {}),
            ]
        )
        entity_kinds = {row["kind"]: row["n"] for row in entity_rows}
        return Stats(
            entities=EntityCounts(total=sum(entity_kinds.values()), by_kind=entity_kinds),
            relationships=RelationshipCounts(
                total=sum(row["n"] for row in rel_rows),
                by_kind={row["kind"]: row["n"] for row in rel_rows},
                without_evidence=sum(row["without_evidence"] for row in rel_rows),
            ),
            sources=source_rows[0]["n"],
            evidence=sum(row["evidence"] for row in rel_rows),
            store=self.uri,
        )

    def entities(self) -> Iterator[Entity]:
        for row in self._read(cypher.ALL_ENTITIES):
            yield _entity_from_node(row["props"])

    def sources(self) -> Iterator[Source]:
        for row in self._read(cypher.ALL_SOURCES):
            yield Source.model_validate(_native(row["props"]))

    def relationships(self) -> Iterator[Relationship]:
        for row in self._read(cypher.ALL_RELATIONSHIPS):
            yield _relationship_from_edge(row["kind"], row["source"], row["target"], row["props"])

    def tie_summaries(self) -> Iterator[TieSummary]:
        kinds = {kind.value: kind for kind in RelationshipKind}
        statuses = {status.value: status for status in RelationshipStatus}
        for row in self._read(cypher.TIE_SUMMARIES):
            since, until, first = row["since"], row["until"], row["first_reported"]
            yield TieSummary(
                row["key"],
                kinds[row["kind"]],
                row["source"],
                row["target"],
                statuses[row["status"]],
                since.to_native() if since is not None else None,
                until.to_native() if until is not None else None,
                first.to_native() if first is not None else None,
                tuple(sorted(set(row["cited"] or ()))),
            )

    def get_entity(self, entity_id: str) -> Entity | None:
        rows = self._read(cypher.ENTITY_BY_ID, id=entity_id)
        return _entity_from_node(rows[0]["props"]) if rows else None

    def existing_entity_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        return set(self._read(cypher.EXISTING_ENTITY_IDS, ids=wanted)[0]["ids"]) if wanted else set()

    def existing_source_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        return set(self._read(cypher.EXISTING_SOURCE_IDS, ids=wanted)[0]["ids"]) if wanted else set()

    def shortest_paths(self, source: str, target: str, query: PathQuery) -> list[list[str]]:
        if source == target or {source, target} & query.exclude:
            return []
        statement = neo4j_paths.shortest_paths_statement(query)
        rows = self._read(statement, **neo4j_paths.shortest_paths_parameters(source, target, query))
        return sorted(row["ids"] for row in rows)

    def path_subgraph(
        self, source: str, target: str, query: PathQuery, choose: PathChooser | None = None
    ) -> PathSubgraph:
        if source == target or {source, target} & query.exclude:
            return NO_PATH
        statement = neo4j_paths.path_subgraph_statement(query)
        rows = self._read(statement, **neo4j_paths.shortest_paths_parameters(source, target, query))
        if not rows or not rows[0]["paths"]:
            return NO_PATH
        row = rows[0]
        ties = (_relationship_from_edge(t["kind"], t["source"], t["target"], t["props"]) for t in row["ties"])
        entities = (_entity_from_node(props) for props in row["entities"])
        sources = (Source.model_validate(_native(props)) for props in row["sources"])
        return PathSubgraph(
            paths=sorted(row["paths"]),
            relationships=sorted(ties, key=lambda relationship: relationship.key),
            entities={entity.id: entity for entity in entities},
            sources={s.id: s for s in sources},
        )

    def ties_between(self, pairs: Iterable[tuple[str, str]]) -> list[Relationship]:
        wanted = sorted({tuple(pair) for pair in pairs})
        rows = self._read(neo4j_paths.TIES_BETWEEN, pairs=wanted) if wanted else []
        found = (_relationship_from_edge(r["kind"], r["source"], r["target"], r["props"]) for r in rows)
        return sorted(found, key=lambda relationship: relationship.key)

    def neighbourhood(self, entity_id: str, depth: int, query: PathQuery) -> Neighbourhood:
        parameters = neo4j_paths.filter_parameters(query, id=entity_id)
        rows = self._read(neo4j_paths.neighbourhood_statement(query, depth), **parameters)
        if not rows:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        centre = rows[0]
        rings = iter(centre["rings"])  # read by the one statement, in the order they are asked for

        def ties_of(ring: set[str]) -> list[NeighbourTie]:
            return [
                NeighbourTie(
                    r["near"], r["far"], r["kind"], r["key"], r["name"], EntityKind(r["entity_kind"])
                )
                for r in next(rings, [])
                if r["near"] in ring
            ]

        return collect_neighbourhood(
            entity_id, centre["name"], EntityKind(centre["kind"]), depth, query, ties_of
        )

    def search_entities(self, text: str, limit: int = 10) -> list[EntityNames]:
        wanted = normalise_name(text)
        if not wanted or limit < 1:
            return []
        ids = [row["id"] for row in self._read(neo4j_paths.SEARCH_ENTITIES, text=wanted, limit=limit)]
        rows = self._read(cypher.ENTITY_NAMES_BY_IDS, ids=ids) if ids else []
        found = {row["id"]: EntityNames(id=row["id"], kind=row["kind"], names=row["names"]) for row in rows}
        return [found[entity_id] for entity_id in ids if entity_id in found]

    def best_connected(
        self, limit: int, query: PathQuery, entity_kinds: frozenset[EntityKind] | None = None
    ) -> list[tuple[str, int]]:
        parameters = neo4j_paths.filter_parameters(query, limit=limit)
        if entity_kinds is not None:
            parameters["entity_kinds"] = sorted(kind.value for kind in entity_kinds)
        statement = neo4j_paths.best_connected_statement(query, entity_kinds is not None)
        return [(row["id"], row["ties"]) for row in self._read(statement, **parameters)]

    def ties_among(self, ids: Iterable[str]) -> list[Relationship]:
        wanted = sorted(set(ids))
        rows = self._read(neo4j_paths.TIES_AMONG, ids=wanted) if wanted else []
        found = (_relationship_from_edge(r["kind"], r["source"], r["target"], r["props"]) for r in rows)
        return sorted(found, key=lambda relationship: relationship.key)

    def ties_since(self, kind: RelationshipKind, since: date, limit: int) -> list[Relationship]:
        rows = self._read(cypher.ties_since(kind), since=since, limit=limit)
        return [_relationship_from_edge(r["kind"], r["source"], r["target"], r["props"]) for r in rows]

    def groups_lacking(
        self, group_kind: EntityKind, member_kind: EntityKind, ties: frozenset[RelationshipKind]
    ) -> list[str]:
        rows = self._read(
            cypher.groups_lacking(ties), group_kind=group_kind.value, member_kind=member_kind.value
        )
        return [row["id"] for row in rows]

    def place_counts(self) -> list[PlaceCount]:
        return in_order(
            PlaceCount(EntityKind(row["kind"]), *(row[f] for f in _PLACE_FIELDS))
            for row in self._read(cypher.PLACE_COUNTS)
        )

    def tie_months(self) -> list[TieMonth]:
        return in_order(
            TieMonth(
                row["month"], RelationshipKind(row["kind"]), RelationshipStatus(row["status"]), row["ties"]
            )
            for row in self._read(cypher.TIE_MONTHS)
        )

    def data_health(self, newest: int = 10, names: int = 50) -> DataHealth:
        proposed = EntityStatus.PROPOSED.value
        ties, one_source, unconnected, unconnected_names, proposals, proposed_names = self._read_all(
            [
                (cypher.NEWEST_TIES, {"limit": newest}),
                (cypher.ONE_SOURCE_COUNT, {}),
                (cypher.UNCONNECTED_COUNT, {}),
                (cypher.UNCONNECTED_NAMES, {"limit": names}),
                (cypher.STATUS_COUNT, {"status": proposed}),
                (cypher.STATUS_NAMES, {"status": proposed, "limit": names}),
            ]
        )
        return DataHealth(
            newest=[_relationship_from_edge(r["kind"], r["source"], r["target"], r["props"]) for r in ties],
            one_source=one_source[0]["n"],
            unconnected=unconnected[0]["n"],
            unconnected_names=[row["name"] for row in unconnected_names],
            proposed=proposals[0]["n"],
            proposed_names=[row["name"] for row in proposed_names],
        )

    def lookup_names(self, normalised_names: Iterable[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        names = sorted(set(normalised_names))
        if names:
            for row in self._read(cypher.LOOKUP_NAMES, names=names):
                found[row["name"]].add(row["id"])
        return dict(found)

    # -- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        self._driver.close()

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

    def entities_by_ids(self, ids: Iterable[str]) -> dict[str, Entity]:
        wanted = sorted(set(ids))
        rows = self._read(cypher.ENTITIES_BY_IDS, ids=wanted) if wanted else []
        return {entity.id: entity for entity in (_entity_from_node(row["props"]) for row in rows)}

    def sources_by_ids(self, ids: Iterable[str]) -> dict[str, Source]:
        wanted = sorted(set(ids))
        rows = self._read(cypher.SOURCES_BY_IDS, ids=wanted) if wanted else []
        return {s.id: s for s in (Source.model_validate(_native(row["props"])) for row in rows)}

    def relationships_by_keys(self, keys: Iterable[str]) -> dict[str, Relationship]:
        by_kind: dict[RelationshipKind, list[str]] = defaultdict(list)
        for key in sorted(set(keys)):
            kind = key.split("|", 1)[0]
            if kind in RelationshipKind.__members__:
                by_kind[RelationshipKind(kind)].append(key)
        found: dict[str, Relationship] = {}
        for kind, wanted in by_kind.items():
            for row in self._read(cypher.relationships_by_keys(kind), keys=wanted):
                relationship = _relationship_from_edge(
                    row["kind"], row["source"], row["target"], row["props"]
                )
                found[relationship.key] = relationship
        return found

    def entity_names(self) -> Iterator[EntityNames]:
        for row in self._read(cypher.ENTITY_NAMES):
            yield EntityNames(id=row["id"], kind=row["kind"], names=row["names"])


def _rows(result: neo4j.Result) -> list[dict[str, Any]]:
    """A result's records as dicts of the values the driver decoded. Our statements return plain
    values (no nodes or relationships, only their properties), so ``Record.data()``, which walks
    every value again to turn graph types into dicts, would only cost time: a third of a path
    question's client time, with the ties of a few hundred hops."""
    keys = result.keys()
    return [dict(zip(keys, record, strict=True)) for record in result]


def _batch_size_from_environment() -> int:
    value = os.environ.get("CKG_NEO4J_BATCH_SIZE", "")
    if not value:
        return BATCH_SIZE
    if not value.isdigit() or int(value) < 1:
        raise UsageError(f"CKG_NEO4J_BATCH_SIZE must be a whole number above 0, not {value!r}")
    return int(value)


def _retry_seconds_from_environment() -> float:
    value = os.environ.get("CKG_NEO4J_RETRY_SECONDS", "")
    if not value:
        return RETRY_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise UsageError(f"CKG_NEO4J_RETRY_SECONDS must be a number of seconds, 0 or more, not {value!r}")
    return seconds


def _one_line(error: Exception) -> str:
    """The driver's message on one line (it spreads some over several)."""
    return " ".join(str(error).split()).rstrip(".")


def _password_from_file() -> str | None:
    """The password in ``$NEO4J_PASSWORD_FILE``, which only its owner may read (as for ssh keys)."""
    name = os.environ.get("NEO4J_PASSWORD_FILE")
    if not name:
        return None
    path = Path(name).expanduser()
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise StoreUnavailableError(
                f"NEO4J_PASSWORD_FILE {path} can be read by others: `chmod 600 {path}` first"
            )
        return path.read_text(encoding="utf-8").strip() or None
    except OSError as error:
        raise StoreUnavailableError(f"cannot read NEO4J_PASSWORD_FILE {path}: {error.strerror}") from error


# -- transaction functions (the driver may retry them, so they only depend on their arguments) --


@dataclass(frozen=True)
class _Step:
    """One statement over at most a batch of rows; relationship steps also know their kind."""

    statement: str
    rows: Sequence[dict[str, Any]]
    what: str
    kind: RelationshipKind | None = None


def _steps(dataset: Dataset, published: dict[str, date | None], batch_size: int) -> list[_Step]:
    """The statements writing ``dataset``, in an order where every step's references are written
    by an earlier one: sources, then entities, then relationships."""
    steps = [
        _Step(cypher.UPSERT_SOURCES, batch, "sources")
        for batch in _batches([_source_row(s) for s in dataset.sources], batch_size)
    ]
    by_entity_kind: dict[EntityKind, list[dict[str, Any]]] = defaultdict(list)
    for entity in dataset.entities:
        by_entity_kind[entity.kind].append(_entity_row(entity))
    for entity_kind, rows in by_entity_kind.items():
        statement = cypher.upsert_entities(entity_kind)
        steps += [
            _Step(statement, batch, f"{entity_kind.value} entities") for batch in _batches(rows, batch_size)
        ]
    by_rel_kind: dict[RelationshipKind, list[dict[str, Any]]] = defaultdict(list)
    for relationship in dataset.relationships:
        by_rel_kind[relationship.kind].append(_relationship_row(relationship, published))
    for rel_kind, rows in by_rel_kind.items():
        statement = cypher.upsert_relationships(rel_kind)
        steps += [
            _Step(statement, batch, f"{rel_kind.value} relationships", rel_kind)
            for batch in _batches(rows, batch_size)
        ]
    return steps


def _transactions(steps: list[_Step], batch_size: int) -> list[list[_Step]]:
    """Consecutive steps grouped into transactions of about ``batch_size`` rows: a small dataset
    is one transaction (it lands whole or not at all), a large one commits batch by batch."""
    transactions: list[list[_Step]] = []
    rows = 0
    for step in steps:
        if not transactions or rows + len(step.rows) > batch_size:
            transactions.append([])
            rows = 0
        transactions[-1].append(step)
        rows += len(step.rows)
    return transactions


def _interrupted(uri: str, error: DriverError, committed: int, transactions: list[list[_Step]]) -> str:
    """Say how far a load got when the server stopped answering, and how to finish it."""
    if committed == 0:
        return (
            f"Neo4j at {uri} stopped answering before the write committed ({_one_line(error)}); "
            "nothing was written."
        )
    done = [step for steps in transactions[:committed] for step in steps]
    written = ", ".join(dict.fromkeys(step.what for step in done))
    return (
        f"Neo4j at {uri} stopped answering during the write ({_one_line(error)}): {committed} of "
        f"{len(transactions)} batches committed ({sum(len(s.rows) for s in done)} records: {written}; "
        "the batch it was writing is all or nothing). "
        "Every batch is idempotent: run the same ingest again to complete the load."
    )


def _write_steps(tx: neo4j.ManagedTransaction, steps: list[_Step]) -> None:
    for step in steps:
        if step.kind is None:
            tx.run(step.statement, rows=step.rows).consume()
            continue
        result = tx.run(step.statement, rows=step.rows, separator=cypher.EVIDENCE_ID_SEPARATOR)
        written = result.single(strict=True)["written"]
        if written != len(step.rows):
            raise NotFoundError(f"{len(step.rows) - written} {step.what} name a missing entity")


def _delete_batch(tx: neo4j.ManagedTransaction) -> int:
    deleted: int = tx.run(cypher.CLEAR_BATCH, limit=CLEAR_BATCH_NODES).single(strict=True)["deleted"]
    return deleted


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


# -- model <-> property maps -------------------------------------------------------------------


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def _source_row(source: Source) -> dict[str, Any]:
    return _without_none(source.model_dump(mode="python"))


def _entity_row(entity: Entity) -> dict[str, Any]:
    row = _without_none(entity.model_dump(mode="python", exclude={"attributes"}))
    row["names_norm"] = sorted({normalise_name(name) for name in entity.names()})
    if entity.attributes:
        row["attributes_json"] = json.dumps(entity.attributes, ensure_ascii=False, sort_keys=True)
    return row


def _relationship_row(relationship: Relationship, published: dict[str, date | None]) -> dict[str, Any]:
    props = relationship.model_dump(mode="python", exclude={"kind", "source", "target", "evidence"})
    return {
        "key": relationship.key,
        "source": relationship.source,
        "target": relationship.target,
        "props": props,  # None values remove a property: a corrected fact drops a stale field
        "evidence_sources": [e.source for e in relationship.evidence],
        "evidence_quotes": [e.quote or "" for e in relationship.evidence],
        "evidence_locators": [e.locator or "" for e in relationship.evidence],
        "evidence_extracted_by": [e.extracted_by for e in relationship.evidence],
        "evidence_ids": [e.source + cypher.EVIDENCE_ID_SEPARATOR + e.anchor for e in relationship.evidence],
        "sources_first": min(
            (day for e in relationship.evidence if (day := published.get(e.source)) is not None), default=None
        ),
    }


def _native(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j temporal values back to Python ones."""
    return {
        key: value.to_native() if isinstance(value, neo4j.time.Date) else value
        for key, value in props.items()
    }


def _entity_from_node(props: dict[str, Any]) -> Entity:
    values = _native(props)
    values.pop("names_norm", None)
    attributes = values.pop("attributes_json", None)
    if attributes:
        values["attributes"] = json.loads(attributes)
    return Entity.model_validate(values)


def _relationship_from_edge(kind: str, source: str, target: str, props: dict[str, Any]) -> Relationship:
    values = _native(props)
    evidence = [
        Evidence(source=src, quote=quote or None, locator=locator or None, extracted_by=by)
        for src, quote, locator, by in zip(
            values.pop("evidence_sources", []),
            values.pop("evidence_quotes", []),
            values.pop("evidence_locators", []),
            values.pop("evidence_extracted_by", []),
            strict=True,
        )
    ]
    values.pop("key", None)
    values.pop("first_reported", None)  # derived for as-of searches, not part of the model
    values.pop("sources_first", None)
    return Relationship.model_validate(
        {**values, "kind": kind, "source": source, "target": target, "evidence": evidence}
    )
