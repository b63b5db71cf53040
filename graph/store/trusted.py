"""Models from rows a store validated when it wrote them, without validating them again.

Reading a large graph back (500,000 relationships for a projection) spent most of its time in
validation that can only pass: every record was validated on its way in, and the store keeps it
in the shape :meth:`pydantic.BaseModel.model_dump` gave. :func:`trusted` builds the model as
``model_construct`` does, less its per-field work, filling in the defaults of fields a row
written by an earlier version does not have. Use it only for what a store itself wrote, or for
values of the fields' exact types that the caller made itself (the metrics of 100,000
stakeholders).

>>> from graph.model import Evidence
>>> trusted(Evidence, {"source": "s1", "quote": "IonQ signed.", "locator": None, "extracted_by": "manual"})
Evidence(source='s1', quote='IonQ signed.', locator=None, extracted_by='manual')
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic.fields import FieldInfo

Model = TypeVar("Model", bound=BaseModel)

_set_attribute = object.__setattr__
_fields: dict[type[BaseModel], dict[str, FieldInfo]] = {}
"""Each model's fields, looked up once: ``model_fields`` is a property that costs microseconds a
call, most of the time of building 1.2 million models for a projection of 500,000 ties."""


def trusted(cls: type[Model], values: dict[str, Any]) -> Model:
    """An instance of ``cls`` holding ``values`` (field name -> value of the field's type)."""
    fields = _fields.get(cls)
    if fields is None:
        fields = _fields[cls] = dict(cls.model_fields)
    if len(values) != len(fields):
        for name, info in fields.items():
            if name not in values:
                values[name] = info.get_default(call_default_factory=True, validated_data=values)
    model = cls.__new__(cls)
    _set_attribute(model, "__dict__", values)
    _set_attribute(model, "__pydantic_fields_set__", set(values))
    _set_attribute(model, "__pydantic_extra__", None)
    _set_attribute(model, "__pydantic_private__", None)
    return model
