"""What a reader hands to validation: plain records, and a way to say where each field came from.

Readers differ in how they know a position (a YAML node's mark, a CSV row number), so they
record positions in a :class:`Locations` map keyed by the record's path; validation asks it
for the most precise position it has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Location:
    file: str
    line: int | None = None
    field: str | None = None  # how the user names the field in this format (a CSV column, say)


@dataclass
class Locations:
    """Positions of the parts of a document, by path, e.g. ``("relationships", 3, "kind")``.

    ``field_label``, when given, names a field the way the format does (a CSV column for
    ``("relationships", 3, "evidence", 0, "source")``, say), so a reader of rows need only record
    each row's position rather than one per cell.

    A reader of tables records a whole table's row lines at once with :meth:`add_rows`: one list
    of numbers instead of a path and a :class:`Location` per row, which cost as much as reading
    the row. ``find`` answers alike for both.
    """

    default_file: str
    by_path: dict[Path_, Location] = field(default_factory=dict)
    field_label: Callable[[Path_], str | None] | None = None
    rows: dict[str, tuple[str, list[int]]] = field(default_factory=dict)

    def add(self, path: Path_, location: Location) -> None:
        self.by_path[path] = location

    def add_rows(self, section: str, file: str, lines: list[int]) -> None:
        """Record that record ``i`` of ``section`` is on line ``lines[i]`` of ``file``."""
        self.rows[section] = (file, lines)

    def find(self, path: Path_) -> Location:
        """The location of ``path`` or of its nearest recorded ancestor."""
        for end in range(len(path), -1, -1):
            found = self.by_path.get(path[:end])
            if found is None and end == 2:
                found = self._row(path)
            if found is not None:
                label = self.field_label(path) if self.field_label and len(path) > 2 else None
                return replace(found, field=label) if label else found
        return Location(self.default_file)

    def _row(self, path: Path_) -> Location | None:
        section, index = path[0], path[1]
        table = self.rows.get(section) if isinstance(section, str) else None
        if table is None or not isinstance(index, int) or not 0 <= index < len(table[1]):
            return None
        return Location(table[0], table[1][index])


def dotted(path: Path_) -> str:
    """``("relationships", 3, "kind")`` -> ``relationships[3].kind``: the YAML path users see."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass
class RawDocument:
    """One ingest unit before validation: ``data`` has the lists ``sources``, ``entities`` and
    ``relationships`` of plain values, as a reader found them."""

    name: str
    data: dict[str, Any]
    locations: Locations
