"""A checksum of a store's content, to prove two loads hold the same graph."""

from __future__ import annotations

import hashlib
import json

from graph.store.base import GraphStore


def content_digest(store: GraphStore) -> str:
    """SHA-256 over every source, entity and relationship (with its evidence, in order), sorted:
    equal digests mean equal graphs, whichever store or load order produced them."""
    parts = {
        "sources": sorted(s.model_dump_json() for s in store.sources()),
        "entities": sorted(e.model_dump_json() for e in store.entities()),
        "relationships": sorted(r.model_dump_json() for r in store.relationships()),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
