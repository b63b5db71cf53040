"""Relationship ends may name an entity by id, name or alias (Korean included); this turns each
into exactly one id, from the entities being ingested and those already in the store."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

from graph.errors import AmbiguousError, NotFoundError
from graph.model import Entity, normalise_name
from graph.store.base import GraphStore


class NameResolver:
    """Resolves names in two store queries for a whole ingest, however many names it holds.

    >>> from graph.store.sqlite import SqliteStore
    >>> from graph.model import EntityKind
    >>> ionq = Entity(id="ionq", kind=EntityKind.COMPANY, name="IonQ", aliases=["아이온큐"])
    >>> resolver = NameResolver(SqliteStore(":memory:"), [ionq])
    >>> resolver.prefetch(["아이온큐"]); resolver.resolve("아이온큐")
    'ionq'
    """

    def __init__(self, store: GraphStore, entities: Iterable[Entity]) -> None:
        self._store = store
        self._ids: set[str] = set()
        self._names: dict[str, set[str]] = defaultdict(set)
        self._display: dict[str, str] = {}
        self._store_names: dict[str, set[str]] | None = None
        for entity in entities:
            self._ids.add(entity.id)
            self._display[entity.id] = f"{entity.name} ({entity.kind.value})"
            for name in entity.names():
                self._names[normalise_name(name)].add(entity.id)

    def prefetch(self, names: Iterable[str]) -> None:
        """Ask the store, once, about every name the files use that they do not define."""
        wanted = {name for name in names if name not in self._ids}
        self._ids |= self._store.existing_entity_ids(wanted)
        normalised = {normalise_name(name) for name in wanted}
        for name, ids in self._store.lookup_names(normalised).items():
            self._names[name] |= ids

    def resolve(self, name: str) -> str:
        """The id ``name`` stands for. An exact id wins over a name; otherwise the name must match
        one entity. Raises NotFoundError or AmbiguousError, naming the candidates."""
        if name in self._ids:
            return name
        ids = self._names.get(normalise_name(name), set())
        if len(ids) == 1:
            return next(iter(ids))
        if ids:
            listed = ", ".join(f"{i} = {self._display.get(i, i)}" for i in sorted(ids))
            raise AmbiguousError(f"{name!r} names {len(ids)} entities: {listed}; use the id")
        candidates = self._suggestion_index()
        close = difflib.get_close_matches(normalise_name(name), list(candidates), n=5, cutoff=0.6)
        suggested = dict.fromkeys(i for match in close for i in sorted(candidates[match]))
        listed = ", ".join(f"{i} = {self._display.get(i, i)}" for i in list(suggested)[:3])
        hint = f"; did you mean {listed}?" if listed else ""
        raise NotFoundError(f"no entity is called {name!r}{hint}")

    def _suggestion_index(self) -> dict[str, set[str]]:
        """Every name the files and the store know, read from the store once and only when a
        name fails, so "did you mean" also offers entities loaded earlier."""
        if self._store_names is None:
            self._store_names = defaultdict(set)
            for entry in self._store.entity_names():
                self._display.setdefault(entry.id, f"{entry.names[0]} ({entry.kind.value})")
                for known in (entry.id, *entry.names):
                    self._store_names[normalise_name(known)].add(entry.id)
        merged = defaultdict(set, {name: set(ids) for name, ids in self._store_names.items()})
        for name, ids in self._names.items():
            merged[name] |= ids
        return merged
