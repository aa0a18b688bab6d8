"""The GraphQL side of plain fields (network.fields): from each type's one table come
its GraphQL fields and their resolvers, the shared input fields and the changes they
give, the compiled path's SQL and the cost estimate's weights."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, TypeVar

import strawberry

from network.enums import Language
from network.fields import Localized, Plain, Shape
from network.localized import pick
from schema.common import LocalizedText
from schema.compiled.objects import ObjectCompiler
from schema.compiled.selection import Field
from schema.compiled.sqljson import Dialect, Expr
from schema.context import Info

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


def _picker(field: Localized) -> Callable[..., Any]:
    attribute, default = field.attribute, field.default

    def resolve(root: Any, info: Info, lang: Language | None = None) -> Any:
        return pick(getattr(root.row, attribute), lang, info.context.viewer.language) or default

    return resolve


def _every_language(field: Localized) -> Callable[[Any], Any]:
    attribute = field.attribute

    def resolve(root: Any) -> Any:
        return LocalizedText.of(getattr(root.row, attribute))

    return resolve


def _localized(fields: Sequence[Localized]) -> dict[str, tuple[Any, Any]]:
    found: dict[str, tuple[Any, Any]] = {}
    for f in fields:
        annotation = str if f.default is not None else str | None
        found[f.pick] = (annotation, strawberry.field(resolver=_picker(f)))
        if f.all is not None:
            found[f.all] = (LocalizedText, strawberry.field(resolver=_every_language(f)))
    return found


def plain_outputs(fields: Sequence[Plain], localized: Sequence[Localized] = ()) -> Callable[[C], C]:
    """Before ``strawberry.type``: the plain ``fields``, then the ``localized`` ones, first,
    each read from ``row``."""

    def add(cls: C) -> C:
        return _prepend(
            cls,
            {
                **{
                    f.attribute: (_annotation(f), strawberry.field(resolver=_resolver(f)))
                    for f in fields
                },
                **_localized(localized),
            },
        )

    return add


def plain_inputs(
    fields: Sequence[Plain], *, model: Any, columns: Mapping[str, str] | None = None
) -> Callable[[C], C]:
    """Before ``strawberry.input``: the plain ``fields`` an input may set (omitted by
    default) among the class's own ones, all in the order of their columns in ``model``
    (``columns`` names the column of a field that is not one)."""
    order = list(model.__table__.columns.keys())

    def position(name: str) -> int:
        return order.index((columns or {}).get(name, name))

    def add(cls: C) -> C:
        cls = _prepend(
            cls,
            {
                f.attribute: (
                    f.type | None,
                    strawberry.field(default=strawberry.UNSET, description=f.input_description),
                )
                for f in fields
            },
        )
        ordered = sorted(cls.__annotations__.items(), key=lambda item: position(item[0]))
        cls.__annotations__ = dict(ordered)
        return cls

    return add


def given_plain(fields: Sequence[Plain], values: object) -> dict[str, Any]:
    """The plain ``fields`` an input gives (a null, for one that cannot be empty, is
    omitted)."""
    found = {f: getattr(values, f.attribute) for f in fields}
    return {
        f.attribute: value
        for f, value in found.items()
        if value is not strawberry.UNSET and (value is not None or f.nullable)
    }


def compiled(fields: Sequence[Plain], d: Dialect, row: Any) -> dict[str, Callable[[Any], Expr]]:
    """The compiled path's builders of the plain ``fields`` of ``row`` (an aliased model)."""

    def build(field: Plain) -> Callable[[Any], Expr]:
        column = getattr(row, field.attribute)
        if field.shape is Shape.FLAG:
            return lambda _: d.boolean(column)
        if field.shape is Shape.MOMENT:
            return lambda _: d.iso(column)
        if field.shape is Shape.LIST:
            return lambda _: d.json_column(column)
        return lambda _: column

    return {f.name: build(f) for f in fields}


def compiled_localized(
    fields: Sequence[Localized], compiler: ObjectCompiler, type_name: str, row: Any
) -> dict[str, Callable[[Field], Expr]]:
    """The compiled path's builders of the ``localized`` fields of ``row``."""
    builders: dict[str, Callable[[Field], Expr]] = {}
    for f in fields:
        column = getattr(row, f.attribute)
        builders[f.pick] = partial(
            compiler.localized_pick, type_name, column=column, default=f.default
        )
        if f.all is not None:
            builders[f.all] = partial(compiler.localized, column=column)
    return builders


def costs(type_name: str, fields: Sequence[Plain]) -> dict[tuple[str, str], int]:
    """What each plain field adds to a query's cost, per object (schema.limits.cost)."""
    return {(type_name, f.name): f.cost for f in fields}
