"""The JSON Schema of data files, generated from the model so it can never drift from it.

Editors use it to validate and complete YAML and JSON data files (see the README).
"""

from __future__ import annotations

from typing import Any

from graph.model import Dataset

SCHEMA_ID = "https://consortium-kg.invalid/schema/dataset.json"


def dataset_json_schema() -> dict[str, Any]:
    """The schema of one data file.

    >>> sorted(dataset_json_schema()["properties"])
    ['entities', 'relationships', 'sources']
    """
    schema = Dataset.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "consortium-kg data file",
        **schema,
    }
