"""How many objects a list field may return, declared on the field itself.

``@strawberry.field(metadata=list_size(40))`` says the list holds at most about 40
objects; ``list_size(argument="ids")`` says it holds as many as that argument's list.
The cost estimate (``schema/limits/cost.py``) reads it from the schema's field
definitions; a list field that declares nothing counts ``DEFAULT_LIST``.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLField

DEFAULT_LIST = 20
_KEY = "list_size"


def list_size(size: int | None = None, *, argument: str | None = None) -> dict[str, Any]:
    """The ``metadata`` of a list field: a fixed size, or the length of an argument."""
    if (size is None) == (argument is None):
        raise ValueError("list_size takes a size or an argument, not both")
    return {_KEY: size if argument is None else argument}


def size_of(definition: GraphQLField, arguments: dict[str, Any]) -> int:
    """The declared size of a list field, given the arguments of one selection."""
    field = (definition.extensions or {}).get("strawberry-definition")
    declared = getattr(field, "metadata", {}).get(_KEY, DEFAULT_LIST)
    if isinstance(declared, str):
        return len(arguments.get(declared) or ())
    return int(declared)
