"""Idempotent creation: a retried request returns the first record, never a second one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from network.errors import Duplicate

T = TypeVar("T")


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
