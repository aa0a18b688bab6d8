"""``listed``: a root list field, its resolver's ``listing`` parameter served as the
arguments ``filter``, ``first`` and ``after``."""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

import strawberry

from schema.relay import Paging, paged, served_as

F = TypeVar("F")
T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Listing(Generic[F]):
    """A root list's ``filter`` argument as given (None without one) and its paging."""

    filter: F | None
    paging: Paging


def listed(*, description: str) -> Callable[[Callable[..., Awaitable[T]]], Any]:
    """The field of a resolver taking ``listing: Listing[SomeFilter]``: served with the
    arguments ``filter: SomeFilter`` (optional), ``first: Int`` and ``after: String`` in
    the parameter's place, in that order."""

    def field(resolver: Callable[..., Awaitable[T]]) -> Any:
        (filter_type,) = typing.get_args(typing.get_type_hints(resolver)["listing"])
        signature = served_as(
            resolver, "listing", ("filter", filter_type | None), ("paging", Paging)
        )

        @functools.wraps(resolver)
        async def resolve(*args: Any, filter: Any = None, paging: Paging, **kwargs: Any) -> T:
            return await resolver(*args, listing=Listing(filter, paging), **kwargs)

        resolve.__signature__ = signature  # type: ignore[attr-defined]
        return strawberry.field(description=description)(paged(resolve))

    return field
