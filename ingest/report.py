"""What an ingest did, unit by unit: rows read, records created, updated and unchanged, problems.

Counting compares each record with what the store holds (and with what earlier units of the
same ingest wrote), the way the store will merge it: an entity or source replaces the stored
one, a relationship keeps its stored evidence and adds the new. So re-ingesting a file reports
everything unchanged, and ``--dry-run`` reports what a real run would do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.errors import Problem
from graph.model import Dataset, Entity, Relationship, Source
from graph.store.base import GraphStore, coalesce_relationships, merge_evidence

SECTIONS = ("sources", "entities", "relationships")


@dataclass
class Changes:
    """How many records of one section a unit creates, updates and leaves as they were."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, before: object | None, after: object) -> None:
        if before is None:
            self.created += 1
        elif before == after:
            self.unchanged += 1
        else:
            self.updated += 1


@dataclass
class UnitResult:
    name: str
    problems: list[Problem] = field(default_factory=list)
    dataset: Dataset | None = None
    written: bool = False
    rows: int = 0
    changes: dict[str, Changes] = field(default_factory=lambda: {s: Changes() for s in SECTIONS})

    def as_json(self) -> dict[str, Any]:
        data = self.dataset
        return {
            "name": self.name,
            "written": self.written,
            "rows": self.rows,
            "sources": len(data.sources) if data else 0,
            "entities": len(data.entities) if data else 0,
            "relationships": len(data.relationships) if data else 0,
            **{what: {s: getattr(self.changes[s], what) for s in SECTIONS} for what in _WHAT},
            "problems": [
                {"file": p.file, "line": p.line, "field": p.field, "message": p.message}
                for p in self.problems
            ],
        }

    def summary(self, dry_run: bool) -> str:
        """One line for people, e.g. ``loaded a.yaml: 12 rows; entities 3 created, 1 updated ...``."""
        verb = "checked" if dry_run else ("loaded" if self.written else "not written")
        parts = []
        for section in ("entities", "relationships", "sources"):
            counts = self.changes[section]
            parts.append(
                f"{section} {counts.created} created, {counts.updated} updated, {counts.unchanged} unchanged"
            )
        would = " (would be)" if dry_run else ""
        return f"{verb} {self.name}: {self.rows} rows read; {'; '.join(parts)}{would}"


_WHAT = ("created", "updated", "unchanged")


@dataclass
class IngestReport:
    units: list[UnitResult]
    dry_run: bool = False

    @property
    def problems(self) -> list[Problem]:
        return [problem for unit in self.units for problem in unit.problems]

    @property
    def written(self) -> list[UnitResult]:
        return [unit for unit in self.units if unit.written]

    def totals(self) -> dict[str, Any]:
        """Rows and changes over every unit, the shape of one unit's counts."""
        result: dict[str, Any] = {"rows": sum(unit.rows for unit in self.units)}
        for what in _WHAT:
            result[what] = {s: sum(getattr(u.changes[s], what) for u in self.units) for s in SECTIONS}
        return result

    def as_json(self) -> dict[str, Any]:
        """What ``ckg ingest --json`` prints, without the store's ``stats``."""
        return {
            "dry_run": self.dry_run,
            "units": [unit.as_json() for unit in self.units],
            "problems": len(self.problems),
            **self.totals(),
        }


class ChangeCounter:
    """Counts a unit's changes against the store and the units counted before it."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._sources: dict[str, Source] = {}
        self._entities: dict[str, Entity] = {}
        self._relationships: dict[str, Relationship] = {}

    def count(self, unit: UnitResult) -> Dataset | None:
        """Fill ``unit.changes`` from ``unit.dataset``, then remember its records as written.

        Returns the dataset with one record per identity (see ``graph.store.base.coalesce``),
        which is what a store writes: the caller may hand it on rather than merge again.
        """
        if unit.dataset is None:
            return None
        sources = {source.id: source for source in unit.dataset.sources}
        self._tally(unit.changes["sources"], sources, self._sources, self._store.sources_by_ids)
        entities = {entity.id: entity for entity in unit.dataset.entities}
        self._tally(unit.changes["entities"], entities, self._entities, self._store.entities_by_ids)
        relationships = coalesce_relationships(unit.dataset.relationships)
        before = self._before(self._relationships, self._store.relationships_by_keys, list(relationships))
        changes = unit.changes["relationships"]
        for key, rel in relationships.items():
            stored = before.get(key)
            after = rel
            if stored is not None:
                after = rel.model_copy(update={"evidence": merge_evidence(stored.evidence, rel.evidence)})
            changes.add(stored, after)
            self._relationships[key] = after
        return Dataset.model_construct(
            sources=list(sources.values()),
            entities=list(entities.values()),
            relationships=list(relationships.values()),
        )

    def _tally(self, changes: Changes, records: dict[str, Any], seen: dict[str, Any], fetch: Any) -> None:
        """Count each record against what a unit counted before or the store holds, then remember
        it as written (records whose evidence merges, relationships, are counted in ``count``)."""
        before = self._before(seen, fetch, list(records))
        for record_id, record in records.items():
            changes.add(before.get(record_id), record)
            seen[record_id] = record

    @staticmethod
    def _before(seen: dict[str, Any], fetch: Any, ids: list[str]) -> dict[str, Any]:
        found = {item_id: seen[item_id] for item_id in ids if item_id in seen}
        found.update(fetch([item_id for item_id in ids if item_id not in seen]))
        return found
