"""Idempotent creation: a retried request returns the first record, never a second one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import orjson
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from network.crypto import DataCipher
from network.errors import Duplicate

T = TypeVar("T")


class Keyed(Protocol):
    """A row made under an idempotency key: unique per (``created_by_id``,
    ``idempotency_key``), with the fingerprint of the request that made it."""

    @property
    def request_fingerprint(self) -> str | None: ...


K = TypeVar("K", bound=Keyed)


def request_fingerprint(cipher: DataCipher, request: Mapping[str, object]) -> str:
    """What tells a repeat of a request from another one under the same key: the lookup
    hash of its values, the key itself left out."""
    values = {name: value for name, value in request.items() if name != "idempotency_key"}
    return cipher.lookup_hash(orjson.dumps(values, default=str).decode())


async def insert_once(
    session: AsyncSession,
    row: T,
    *,
    first: Callable[[], Awaitable[T | None]],
    same_request: Callable[[T], bool],
) -> T:
    """Insert ``row`` unless a concurrent request with the same key got there first.

    The row's table has a unique constraint on (user, idempotency key). The insert runs
    in a savepoint: when it collides, the savepoint is rolled back and the first row is
    read back — the same request gets it, another request with that key is a DUPLICATE.
    """
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
        return row
    except IntegrityError:
        existing = await first()
        if existing is None:
            raise
        if not same_request(existing):
            raise Duplicate("this idempotencyKey was used for another request") from None
        return existing


async def by_key(session: AsyncSession, model: type[K], user_id: int, key: str) -> K | None:
    """The ``model`` row the user made under ``key``."""
    table: Any = model
    return await session.scalar(
        select(model).where(table.created_by_id == user_id, table.idempotency_key == key)
    )


async def earlier(
    session: AsyncSession,
    model: type[K],
    *,
    user_id: int,
    key: str | None,
    fingerprint: str,
    refused: str = "this idempotencyKey was used for another request",
    field: Sequence[str] | None = None,
) -> K | None:
    """The row a first call under ``key`` made, for a repeat of that request; another
    request under a used key is a DUPLICATE (``refused`` says so)."""
    if key is None:
        return None
    first = await by_key(session, model, user_id, key)
    if first is not None and first.request_fingerprint != fingerprint:
        raise Duplicate(refused, field=field)
    return first


async def add_once(
    session: AsyncSession, row: K, *, user_id: int, key: str | None, fingerprint: str | None
) -> K:
    """``row`` added; or, under an idempotency key already used, the row that first call made
    (``insert_once`` refuses the key for a different request)."""
    if key is None:
        session.add(row)
        await session.flush()
        return row
    return await insert_once(
        session,
        row,
        first=lambda: by_key(session, type(row), user_id, key),
        same_request=lambda found: found.request_fingerprint == fingerprint,
    )
