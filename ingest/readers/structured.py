"""YAML and JSON data files: one document with the lists ``sources``, ``entities``, ``relationships``.

Line numbers come from the YAML parser's node marks. JSON is read by the json module (so its
meaning is exactly JSON's) and its lines are taken from the same YAML node walk, which reads
nearly all JSON; where it cannot, problems name the JSON path alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from graph.errors import BadInputError, Problem
from ingest.raw import Location, Locations, Path_, RawDocument


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, except that dates stay text: the model parses them, so a bad date is a
    located problem ("published: must be YYYY-MM-DD") rather than a crash inside the parser."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_structured(path: Path) -> RawDocument:
    """Read a ``.yaml``/``.yml``/``.json`` data file. Raises BadInputError for a file that is not
    well-formed, with the line and column the parser stopped at."""
    text = _read_text(path)
    name = str(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BadInputError(
                [Problem(name, "", f"not valid JSON: {error.msg} (column {error.colno})", line=error.lineno)]
            ) from error
        locations = _yaml_locations(text, name, strict=False)
    else:
        try:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            raise BadInputError(
                [Problem(name, "", f"not valid YAML: {error.problem}", line=mark.line + 1 if mark else None)]
            ) from error
        except yaml.YAMLError as error:
            raise BadInputError([Problem(name, "", f"not valid YAML: {error}")]) from error
        locations = _yaml_locations(text, name, strict=True)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BadInputError(
            [
                Problem(
                    name,
                    "",
                    "a data file holds a mapping with the lists 'sources', 'entities' and 'relationships'",
                    line=1,
                )
            ]
        )
    return RawDocument(name=name, data=data, locations=locations)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInputError([Problem(str(path), "", f"not UTF-8 text (byte {error.start})")]) from error
    except OSError as error:
        raise BadInputError([Problem(str(path), "", f"cannot read: {error.strerror}")]) from error


def _yaml_locations(text: str, name: str, *, strict: bool) -> Locations:
    locations = Locations(default_file=name)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        if strict:
            raise
        return locations
    if root is not None:
        _walk(root, (), name, locations)
    return locations


def _walk(node: yaml.Node, path: Path_, name: str, locations: Locations) -> None:
    locations.add(path, Location(name, node.start_mark.line + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key: Any = key_node.value
            _walk(value_node, (*path, str(key)), name, locations)
            # a key's own line is the better answer for a scalar value spanning lines
            locations.add((*path, str(key)), Location(name, key_node.start_mark.line + 1))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), name, locations)
