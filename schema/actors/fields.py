"""The GraphQL side of the actor's plain fields (network.actors.fields): from that one
table come the Actor type's fields and their resolvers, the shared input fields and the
changes they make, the compiled path's SQL and the cost estimate's weights."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from network.actors.fields import EDITABLE, PLAIN, Plain, Shape
from network.actors.models import Actor as ActorRow
from network.enums import Language
from schema.compiled.sqljson import Dialect, Expr

C = TypeVar("C", bound=type)


def _annotation(field: Plain) -> Any:
    return field.type | None if field.nullable else field.type


def _resolver(field: Plain) -> Callable[[Any], Any]:
    attribute = field.attribute
    if field.type == list[Language]:

        def languages(root: Any) -> Any:
            return [Language(code) for code in getattr(root.row, attribute) or []]

        return languages

    def value(root: Any) -> Any:
        return getattr(root.row, attribute)

    return value


def _prepend(cls: C, fields: dict[str, tuple[Any, Any]]) -> C:
    """``cls`` with ``fields`` (name: (annotation, default)) before its own ones."""
    for name, (_, default) in fields.items():
        setattr(cls, name, default)
    cls.__annotations__ = {
        **{name: annotation for name, (annotation, _) in fields.items()},
        **cls.__annotations__,
    }
    return cls


def plain_outputs(cls: C) -> C:
    """Before ``strawberry.type``: the plain fields, each read from the type's ``row``."""
    return _prepend(
        cls,
        {f.attribute: (_annotation(f), strawberry.field(resolver=_resolver(f))) for f in PLAIN},
    )


def _column_position(name: str) -> int:
    """Where the field's column (``location``: its latitude) is in the ``actors`` table."""
    columns = list(ActorRow.__table__.columns.keys())
    return columns.index("latitude" if name == "location" else name)


def plain_inputs(cls: C) -> C:
    """Before ``strawberry.input``: the plain fields an input may set, omitted by default,
    among the class's own fields in the order of their columns."""
    cls = _prepend(
        cls,
        {
            f.attribute: (
                f.type | None,
                strawberry.field(default=strawberry.UNSET, description=f.input_description),
            )
            for f in EDITABLE
        },
    )
    cls.__annotations__ = dict(
        sorted(cls.__annotations__.items(), key=lambda item: _column_position(item[0]))
    )
    return cls


def given_plain(values: object) -> dict[str, Any]:
    """The plain fields an input gives (a null, for one that cannot be empty, is omitted)."""
    found = {f: getattr(values, f.attribute) for f in EDITABLE}
    return {
        f.attribute: value
        for f, value in found.items()
        if value is not strawberry.UNSET and (value is not None or f.nullable)
    }


def compiled(d: Dialect, row: Any) -> dict[str, Callable[[Any], Expr]]:
    """The compiled path's builders of the plain fields of the actor ``row``."""

    def build(field: Plain) -> Callable[[Any], Expr]:
        column = getattr(row, field.attribute)
        if field.shape is Shape.FLAG:
            return lambda _: d.boolean(column)
        if field.shape is Shape.MOMENT:
            return lambda _: d.iso(column)
        if field.shape is Shape.LIST:
            return lambda _: d.json_column(column)
        return lambda _: column

    return {f.name: build(f) for f in PLAIN}


# What each plain field adds to a query's cost, per object selected (schema.limits.cost).
COSTS = {("Actor", f.name): f.cost for f in PLAIN}
