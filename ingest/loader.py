"""`ckg ingest`: find the units in the given paths, validate and resolve them all, then write
each valid unit in one transaction. A unit with any problem writes nothing; the others land.

Units are written in dependency order (a file whose relationships use another file's entities
goes after it); files that depend on each other in a cycle are written together. Each unit's
report says how many rows it read and which records it created, updated or left unchanged
(see :mod:`ingest.report`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from graph.bulk import paused_gc
from graph.errors import BadInputError, CkgError, Problem
from graph.model import Dataset, Relationship
from graph.store.base import GraphStore, OnCommit
from ingest.raw import Location, Locations, RawDocument
from ingest.readers.preflight import check_document, check_files
from ingest.readers.spreadsheet import SPREADSHEET_SUFFIXES, read_workbook
from ingest.readers.structured import read_structured
from ingest.readers.tabular import TABLES, is_csv_folder, read_csv_folder
from ingest.report import ChangeCounter, IngestReport, UnitResult
from ingest.resolve import NameResolver
from ingest.validate import ValidatedDocument, validate

STRUCTURED_SUFFIXES = frozenset({".yaml", ".yml", ".json"})
DATA_SUFFIXES = STRUCTURED_SUFFIXES | SPREADSHEET_SUFFIXES
Progress = Callable[[str, int, int], None]  # (unit name, units done, units in all)

__all__ = ["IngestReport", "UnitResult", "discover", "ingest_dataset", "ingest_paths", "read_unit"]


def _is_data_file(path: Path) -> bool:
    # "~$book.xlsx" is the lock file Excel keeps beside an open workbook
    return path.is_file() and path.suffix.lower() in DATA_SUFFIXES and not path.name.startswith("~$")


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The ingest units under ``paths``: data files, and folders holding the CSV tables."""
    units: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.exists():
            problems.append(Problem(str(path), "", "no such file or folder"))
        elif path.is_file():
            if path.suffix.lower() in DATA_SUFFIXES:
                units.append(path)
            elif path.suffix.lower() == ".csv" and path.stem in TABLES:
                units.append(path.parent)
            else:
                problems.append(
                    Problem(str(path), "", "not a data file (want .yaml, .yml, .json, .xlsx, or a CSV table)")
                )
        else:
            found = [p for p in sorted(path.rglob("*")) if _is_data_file(p)]
            folders = [
                p for p in [path, *sorted(d for d in path.rglob("*") if d.is_dir())] if is_csv_folder(p)
            ]
            if not found and not folders:
                problems.append(Problem(str(path), "", "holds no data files"))
            units += found + folders
    return list(dict.fromkeys(units)), problems


def read_unit(path: Path) -> RawDocument:
    """Read one unit (a data file, a workbook, or a folder of CSV tables) after the checks of
    :mod:`ingest.readers.preflight`. Raises BadInputError."""
    check_files(path)
    if path.is_dir():
        raw = read_csv_folder(path)
    elif path.suffix.lower() in SPREADSHEET_SUFFIXES:
        raw = read_workbook(path)
    else:
        raw = read_structured(path)
    check_document(raw)
    return raw


def ingest_paths(
    store: GraphStore,
    paths: Iterable[Path],
    progress: Progress | None = None,
    *,
    dry_run: bool = False,
    on_commit: OnCommit | None = None,
) -> IngestReport:
    """Load every unit under ``paths`` into ``store``; see the module docstring for the rules.
    ``on_commit`` hears of each transaction the store commits (a large load on Neo4j has many)."""
    with paused_gc():
        return _ingest_paths(store, paths, progress, dry_run=dry_run, on_commit=on_commit)


def _ingest_paths(
    store: GraphStore,
    paths: Iterable[Path],
    progress: Progress | None,
    *,
    dry_run: bool,
    on_commit: OnCommit | None,
) -> IngestReport:
    unit_paths, problems = discover(paths)
    failed = [UnitResult(name=p.file, problems=[p]) for p in problems]
    raws: list[RawDocument] = []
    for position, path in enumerate(unit_paths):
        if progress:
            progress(f"reading {path}", position, len(unit_paths))
        try:
            raws.append(read_unit(path))
        except BadInputError as error:
            failed.append(UnitResult(name=str(path), problems=error.problems))
    return _ingest_raw(store, raws, failed, progress, dry_run=dry_run, on_commit=on_commit)


def ingest_dataset(
    store: GraphStore, name: str, data: dict[str, Any], *, dry_run: bool = False
) -> IngestReport:
    """Load one document given as plain data (the three lists, as a data file holds them) with
    the same validation, name resolution and report as a file: how `ckg review` loads what a
    person accepted. ``name`` is what problems are reported against."""
    raw = RawDocument(name=name, data=data, locations=Locations(default_file=name))
    raw.locations.add((), Location(name))
    with paused_gc():
        return _ingest_raw(store, [raw], [], None, dry_run=dry_run)


def _ingest_raw(
    store: GraphStore,
    raws: list[RawDocument],
    failed: list[UnitResult],
    progress: Progress | None,
    *,
    dry_run: bool,
    on_commit: OnCommit | None = None,
) -> IngestReport:
    documents = [validate(raw) for raw in raws]
    results = _resolve(store, documents)
    for raw, result in zip(raws, results, strict=True):
        result.rows = sum(len(raw.data.get(section) or []) for section in TABLES)
    report = IngestReport(units=failed + results, dry_run=dry_run)
    written = [r for r in results if r.dataset is not None]
    _write_in_order(store, written, progress, dry_run=dry_run, on_commit=on_commit)
    return report


def _resolve(store: GraphStore, documents: list[ValidatedDocument]) -> list[UnitResult]:
    # Names resolve against every entity that validated, even in a unit that will not be
    # written, so each problem is reported once, where it is; a reference into such a unit is
    # then reported on its own (see _check_unwritten_references).
    resolver = NameResolver(store, (entity for doc in documents for _, entity in doc.entities))
    resolver.prefetch(
        end for doc in documents for _, rel in doc.relationships for end in (rel.source, rel.target)
    )
    known_sources = {source.id for doc in documents for _, source in doc.sources}
    cited = {ev.source for doc in documents for _, rel in doc.relationships for ev in rel.evidence}
    known_sources |= store.existing_source_ids(cited - known_sources)
    resolved_by_doc: list[list[tuple[int, Relationship]]] = []
    for doc in documents:
        resolved_by_doc.append([])
        for index, rel in doc.relationships:
            resolved = _resolve_relationship(doc, index, rel, resolver, known_sources)
            if resolved is not None:
                resolved_by_doc[-1].append((index, resolved))
        _check_conflicting_duplicates(doc, resolved_by_doc[-1])
    _check_unwritten_references(store, documents, resolved_by_doc)
    results: list[UnitResult] = []
    for doc, resolved_pairs in zip(documents, resolved_by_doc, strict=True):
        relationships = [rel for _, rel in resolved_pairs]
        problems = sorted(doc.problems, key=lambda p: (p.file, p.line or 0))
        result = UnitResult(name=doc.raw.name, problems=problems)
        if not doc.problems:
            result.dataset = Dataset.model_construct(  # of models validated and resolved above
                sources=[s for _, s in doc.sources],
                entities=[e for _, e in doc.entities],
                relationships=relationships,
            )
        results.append(result)
    return results


def _check_unwritten_references(
    store: GraphStore, documents: list[ValidatedDocument], resolved: list[list[tuple[int, Relationship]]]
) -> None:
    """A valid unit that uses an entity or source defined only in a unit with problems cannot be
    written either: say which file to fix first."""
    failing = [doc for doc in documents if doc.problems]
    if not failing:
        return
    defined_in_valid = {e.id for doc in documents if not doc.problems for _, e in doc.entities}
    defined_in_valid |= {f"source:{s.id}" for doc in documents if not doc.problems for _, s in doc.sources}
    defined_in_failing: dict[str, str] = {}
    for doc in failing:
        defined_in_failing.update({e.id: doc.raw.name for _, e in doc.entities})
        defined_in_failing.update({f"source:{s.id}": doc.raw.name for _, s in doc.sources})
    candidates = set(defined_in_failing) - defined_in_valid
    in_store = store.existing_entity_ids(candidates)
    in_store |= {
        f"source:{i}" for i in store.existing_source_ids(c.removeprefix("source:") for c in candidates)
    }
    unavailable = {key: name for key, name in defined_in_failing.items() if key in candidates - in_store}
    if not unavailable:
        return
    for doc, pairs in zip(documents, resolved, strict=True):
        if doc.problems:
            continue
        for index, rel in pairs:
            for end in ("source", "target"):
                entity_id = getattr(rel, end)
                if entity_id in unavailable:
                    doc.problem(
                        ("relationships", index, end),
                        f"{entity_id!r} is defined in {unavailable[entity_id]}, which has problems",
                    )
            for position, evidence in enumerate(rel.evidence):
                if f"source:{evidence.source}" in unavailable:
                    doc.problem(
                        ("relationships", index, "evidence", position, "source"),
                        f"source {evidence.source!r} is defined in "
                        f"{unavailable['source:' + evidence.source]}, which has problems",
                    )


_NOT_COMPARED = frozenset({"evidence", "source", "target"})
_COMPARED = tuple(name for name in Relationship.model_fields if name not in _NOT_COMPARED)


def _check_conflicting_duplicates(doc: ValidatedDocument, pairs: list[tuple[int, Relationship]]) -> None:
    """The same relationship twice in one unit must say the same thing: rows that repeat a tie to
    add evidence are fine, rows that disagree on its amount or status are a mistake to fix,
    not something to settle silently by taking the last."""
    first: dict[str, tuple[int, Relationship]] = {}
    for index, rel in pairs:
        earlier = first.setdefault(rel.key, (index, rel))
        if earlier[0] == index:
            continue
        fields = [name for name in _COMPARED if getattr(rel, name) != getattr(earlier[1], name)]
        if fields:
            where = doc.raw.locations.find(("relationships", earlier[0]))
            at = f"line {where.line}" if where.line else f"relationships[{earlier[0]}]"
            old, new = earlier[1], rel
            differences = ", ".join(
                f"{name} {_shown(getattr(old, name))} vs {_shown(getattr(new, name))}" for name in fields
            )
            doc.problem(
                ("relationships", index),
                f"the same relationship as {at} ({rel.kind.value} {rel.source} - {rel.target}) "
                f"with different values: {differences}",
            )


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(getattr(value, "value", value))


def _resolve_relationship(
    doc: ValidatedDocument, index: int, rel: Relationship, resolver: NameResolver, known_sources: set[str]
) -> Relationship | None:
    written = doc.raw.data["relationships"][index]  # as written: the model put symmetric ends in order
    source = _resolve_end(doc, index, "source", written, resolver)
    target = _resolve_end(doc, index, "target", written, resolver)
    for position, evidence in enumerate(rel.evidence):
        if evidence.source not in known_sources:
            doc.problem(
                ("relationships", index, "evidence", position, "source"),
                f"no source has the id {evidence.source!r}: add it to 'sources'",
            )
    if source is None or target is None:
        return None
    if source == target:
        doc.problem(("relationships", index), f"both ends name the same entity {source!r}")
        return None
    if target < source and rel.kind.symmetric:
        source, target = target, source  # the canonical order the model gives a symmetric tie
    if source == rel.source and target == rel.target:
        return rel  # the ends were ids already: most rows of a large file
    # validating again would check only what is checked here and above (two different ends,
    # in canonical order): the other fields are unchanged
    return rel.model_copy(update={"source": source, "target": target})


def _resolve_end(
    doc: ValidatedDocument, index: int, end: str, written: dict[str, Any], resolver: NameResolver
) -> str | None:
    try:
        return resolver.resolve(str(written[end]).strip())
    except CkgError as error:
        doc.problem(("relationships", index, end), str(error))
        return None


def _write_in_order(
    store: GraphStore,
    results: list[UnitResult],
    progress: Progress | None,
    *,
    dry_run: bool,
    on_commit: OnCommit | None,
) -> None:
    counter = ChangeCounter(store)
    done = 0
    for group in _write_order(results):
        members = [results[i] for i in group]
        merged = [dataset for member in members if (dataset := counter.count(member)) is not None]
        if not dry_run:
            store.upsert(_merge(merged), on_commit)
        for member in members:
            member.written = not dry_run
            done += 1
            if progress:
                progress(member.name, done, len(results))


def _write_order(results: list[UnitResult]) -> list[list[int]]:
    """Groups of unit positions, in the order to write them: a unit after those defining what it
    uses, units that use each other in one group; otherwise in the order given."""
    if len(results) < 2:
        return [[position] for position in range(len(results))]  # nothing to order: no networkx
    import networkx as nx  # here, not at the top: it costs half a second of every `ckg` start

    definers: dict[str, set[int]] = {}
    for position, result in enumerate(results):
        assert result.dataset is not None
        for item_id in [e.id for e in result.dataset.entities] + [
            f"source:{s.id}" for s in result.dataset.sources
        ]:
            definers.setdefault(item_id, set()).add(position)
    dependencies = nx.DiGraph()
    dependencies.add_nodes_from(range(len(results)))
    for position, result in enumerate(results):
        assert result.dataset is not None
        used = {end for rel in result.dataset.relationships for end in (rel.source, rel.target)}
        used |= {f"source:{ev.source}" for rel in result.dataset.relationships for ev in rel.evidence}
        for item_id in used:
            for definer in definers.get(item_id, set()) - {position}:
                dependencies.add_edge(definer, position)
    groups = nx.condensation(dependencies)
    order = nx.lexicographical_topological_sort(groups, key=lambda g: min(groups.nodes[g]["members"]))
    return [sorted(groups.nodes[group]["members"]) for group in order]


def _merge(datasets: list[Dataset]) -> Dataset:
    if len(datasets) == 1:
        return datasets[0]
    return Dataset.model_construct(  # of validated models
        sources=[s for d in datasets for s in d.sources],
        entities=[e for d in datasets for e in d.entities],
        relationships=[r for d in datasets for r in d.relationships],
    )
