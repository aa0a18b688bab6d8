"""Relay plumbing: the Node interface, page sizes, opaque cursors, node resolution."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import functools
import inspect
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from typing import Any, Self, TypeVar, cast

import orjson
import strawberry

from network.errors import InvalidInput
from network.ids import MAX_PK, from_global_id, to_global_id

DEFAULT_PAGE = 20
MAX_PAGE = 100
MAX_NODES = 100
T = TypeVar("T")
R = TypeVar("R")


@strawberry.interface
class Node:
    id: strawberry.ID


@functools.cache
def _copied(cls: Any) -> tuple[str, tuple[str, ...]]:
    """The name of ``cls`` as a type and the fields ``from_row`` copies: every
    dataclass field it takes at init that has no resolver."""
    definition = cls.__strawberry_definition__
    resolved = {field.python_name for field in definition.fields if field.base_resolver}
    names = [f.name for f in dataclasses.fields(cls) if f.init and f.name not in resolved]
    return definition.name, tuple(names)


def from_row(cls: type[T], source: Any, **given: Any) -> T:
    """``cls(**given)``, every other field of the strawberry type ``cls`` (private ones
    too) that has no resolver taken from the attribute of ``source`` of the same name; a
    Node's ``id`` is the global id of ``source.id`` under the type's name, and a private
    ``row`` field keeps ``source`` itself."""
    type_name, names = _copied(cast(Any, cls))
    values = dict(given)
    for name in names:
        if name in values:
            continue
        if name == "id":
            values["id"] = strawberry.ID(to_global_id(type_name, source.id))
        elif name == "row":
            values["row"] = source
        else:
            values[name] = getattr(source, name)
    return cls(**values)


class FromRow:
    """A strawberry type made from one row (or record) by ``of``: see ``from_row``."""

    @classmethod
    def of(cls, row: Any) -> Self:
        return from_row(cls, row)


def page_size(first: int | None, *, field: str = "first") -> int:
    """``first`` as given, 20 when omitted; outside 0..100 is an error, never clamped."""
    if first is None:
        return DEFAULT_PAGE
    if not 0 <= first <= MAX_PAGE:
        raise InvalidInput(f"{field} must be between 0 and {MAX_PAGE}", field=[field])
    return first


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(list(values))).decode().rstrip("=")


def decode_cursor(cursor: str | None, *, arity: int) -> list[Any] | None:
    """The key values behind a cursor, or InvalidInput when it is not one of ours."""
    if cursor is None:
        return None
    if len(cursor) > 2000:
        raise InvalidInput("malformed cursor", field=["after"])
    try:
        values = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, orjson.JSONDecodeError, ValueError):
        raise InvalidInput("malformed cursor", field=["after"]) from None
    if not isinstance(values, list) or len(values) != arity:
        raise InvalidInput("malformed cursor", field=["after"])
    if not all(v is None or isinstance(v, str | int | float) for v in values):
        raise InvalidInput("malformed cursor", field=["after"])
    if any(isinstance(v, int) and not -MAX_PK - 1 <= v <= MAX_PK for v in values):
        raise InvalidInput("cursor out of range", field=["after"])
    return values


NODE_TYPES: dict[str, Any] = {}


def node_type(cls: type[T]) -> type[T]:
    """Register a strawberry type under its GraphQL name. A type linking back to one
    whose module imports its own (Service.actor, Youth.referrals) builds it through
    ``NODE_TYPES[name]``: the link both ways is then no import circle."""
    NODE_TYPES[cls.__strawberry_definition__.name] = cls  # type: ignore[attr-defined]
    return cls


NodeResolver = Callable[[Any, list[int]], Awaitable[dict[int, Any]]]
NODE_RESOLVERS: dict[str, NodeResolver] = {}


def node_resolver(type_name: str) -> Callable[[NodeResolver], NodeResolver]:
    """Register how to fetch visible objects of ``type_name`` by primary key.

    The function takes ``(info, pks)`` and returns ``{pk: object}`` holding only what
    the caller may see; a missing key resolves to null.
    """

    def register(function: NodeResolver) -> NodeResolver:
        NODE_RESOLVERS[type_name] = function
        return function

    return register


def visible_nodes(
    type_name: str,
    fetch: Callable[[Any, list[int], Any], Awaitable[Mapping[int, R]]],
    node: Callable[[R], Any],
) -> NodeResolver:
    """Register the node resolver of a type whose repository gives, in one session,
    ``fetch(session, pks, viewer)``: ``{pk: row}`` of the rows the viewer may see."""

    async def resolve(info: Any, pks: list[int]) -> dict[int, Any]:
        async with info.context.sessions() as session:
            rows = await fetch(session, pks, info.context.viewer)
        return {pk: node(row) for pk, row in rows.items()}

    return node_resolver(type_name)(resolve)


def reference_nodes(
    type_name: str, table: Callable[[Any], Mapping[int, R]], node: Callable[[R], Any]
) -> NodeResolver:
    """Register the node resolver of a type of reference data, held in memory:
    ``table(reference)`` is ``{pk: row}``, all of it public."""

    async def resolve(info: Any, pks: list[int]) -> dict[int, Any]:
        rows = table(info.context.reference)
        return {pk: node(rows[pk]) for pk in pks if pk in rows}

    return node_resolver(type_name)(resolve)


async def resolve_nodes(info: Any, ids: Sequence[str]) -> list[Any]:
    """Objects for global ids, in order; unknown types and invisible records are None."""
    if len(ids) > MAX_NODES:
        raise InvalidInput(f"at most {MAX_NODES} ids", field=["ids"])
    parsed = [from_global_id(global_id) for global_id in ids]
    wanted: dict[str, list[int]] = {}
    for type_name, pk in parsed:
        wanted.setdefault(type_name, []).append(pk)
    found: dict[tuple[str, int], Any] = {}
    for type_name, pks in wanted.items():
        resolver = NODE_RESOLVERS.get(type_name)
        if resolver is None:
            continue
        for pk, obj in (await resolver(info, list(dict.fromkeys(pks)))).items():
            found[(type_name, pk)] = obj
    return [found.get(key) for key in parsed]


def decode_id_cursor(cursor: str | None) -> int | None:
    """The id behind a creation-order cursor."""
    values = decode_cursor(cursor, arity=1)
    if values is None:
        return None
    if not isinstance(values[0], int) or isinstance(values[0], bool):
        raise InvalidInput("malformed cursor", field=["after"])
    return values[0]


@dataclasses.dataclass(frozen=True)
class Paging:
    """A connection's ``first`` and ``after`` arguments as given, checked when read
    (``size()``, ``after_id()``): a resolver checks them in its own order among the rest."""

    first: int | None = None
    after: str | None = None

    def size(self) -> int:
        return page_size(self.first)

    def after_id(self) -> int | None:
        return decode_id_cursor(self.after)


def served_as(
    resolver: Callable[..., Any], name: str, *served: tuple[str, Any]
) -> inspect.Signature:
    """The signature strawberry is to read for ``resolver``: its parameter ``name`` given
    as the ``served`` ones (names and annotations, of the same kind, None by default)."""
    signature = inspect.signature(resolver)
    parameters: list[inspect.Parameter] = []
    for parameter in signature.parameters.values():
        if parameter.name != name:
            parameters.append(parameter)
            continue
        for given, annotation in served:
            parameters.append(
                inspect.Parameter(given, parameter.kind, default=None, annotation=annotation)
            )
    return signature.replace(parameters=parameters)


def paged(resolver: Callable[..., Awaitable[T]]) -> Callable[..., Coroutine[Any, Any, T]]:
    """A connection field's resolver taking ``paging: Paging`` is served with the
    arguments ``first: Int`` and ``after: String`` in its place."""
    signature = served_as(resolver, "paging", ("first", int | None), ("after", str | None))

    @functools.wraps(resolver)
    async def resolve(
        *args: Any, first: int | None = None, after: str | None = None, **kwargs: Any
    ) -> T:
        return await resolver(*args, paging=Paging(first, after), **kwargs)

    resolve.__signature__ = signature  # type: ignore[attr-defined]
    return resolve
