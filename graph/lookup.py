"""Find a stakeholder by what a user types: an id, a name or an alias, Korean included."""

from __future__ import annotations

from graph.errors import AmbiguousError, NotFoundError
from graph.model import normalise_name
from graph.store.base import GraphStore


def resolve_entity(store: GraphStore, text: str) -> str:
    """The id of the one entity ``text`` names. An exact id wins; otherwise the name or alias
    must match one entity. Raises NotFoundError or AmbiguousError naming the candidates.

    >>> resolve_entity(store, "아이온큐")  # doctest: +SKIP
    'ionq'
    """
    text = text.strip()
    if store.existing_entity_ids([text]):
        return text
    key = normalise_name(text)
    ids = sorted(store.lookup_names([key]).get(key, set()))
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise NotFoundError(f"no stakeholder is called {text!r}")
    described = []
    for entity_id in ids:
        entity = store.get_entity(entity_id)
        described.append(f"{entity_id} = {entity.name} ({entity.kind.value})" if entity else entity_id)
    raise AmbiguousError(f"{text!r} names {len(ids)} stakeholders: {', '.join(described)}; use the id")
