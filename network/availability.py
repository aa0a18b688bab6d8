"""What an unavailable database looks like, so callers can wait instead of failing.

A database that is down, restarting or refusing connections for a moment shows up as
many exception types: a refused socket, asyncpg's "the database system is shutting down"
(``CannotConnectNowError``, 57P03), an administrator's shutdown (57P01), a connection that
vanished mid-statement, all wrapped by SQLAlchemy in ``DBAPIError`` or
``OperationalError``. ``database_unavailable`` recognises them by walking the chain of
causes; nothing else (a constraint, a syntax error, a bug) counts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

logger = logging.getLogger("jisr.availability")
T = TypeVar("T")

# SQLSTATE classes of a server that cannot serve now: connection exceptions (08) and
# operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
UNAVAILABLE_SQLSTATES = ("08", "57P")
CLOSED_MESSAGES = ("connection is closed", "connection was closed", "closed the connection")


class DatabaseUnavailable(Exception):
    """The database could not serve the request now; trying again later may succeed."""


def _causes(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        orig = getattr(current, "orig", None)
        pending += [current.__cause__, current.__context__]
        if isinstance(orig, BaseException):
            pending.append(orig)
    return seen


def database_unavailable(error: BaseException) -> bool:
    """Whether ``error`` means the database is down or restarting (not a bug, not bad data)."""
    for cause in _causes(error):
        if isinstance(cause, DatabaseUnavailable):
            return True
        if isinstance(cause, DBAPIError) and cause.connection_invalidated:
            return True
        if isinstance(cause, OSError):  # refused, reset, timed out
            return True
        sqlstate = getattr(cause, "sqlstate", None)
        if isinstance(sqlstate, str) and sqlstate.startswith(UNAVAILABLE_SQLSTATES):
            return True
        if type(cause).__name__ in ("InterfaceError", "ConnectionDoesNotExistError") and any(
            text in str(cause) for text in CLOSED_MESSAGES
        ):
            return True
    return False


async def retrying(
    what: str,
    attempt: Callable[[], Awaitable[T]],
    *,
    delays: tuple[float, ...],
) -> T:
    """``attempt()``, tried again after each of ``delays`` (seconds) while the database is
    unavailable; any other failure, or the last unavailability, is raised."""
    for delay in delays:
        try:
            return await attempt()
        except Exception as error:
            if not database_unavailable(error):
                raise
            kind = type(error).__name__  # its message may hold SQL parameters
            logger.warning("%s: database unavailable (%s), again in %.1f s", what, kind, delay)
        await asyncio.sleep(delay)
    return await attempt()
