"""Engines, sessions and the unit of work: the only place that commits."""

from __future__ import annotations

import asyncio
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import orjson
from sqlalchemy import JSON, Column, DateTime, Enum, ForeignKey, MetaData, String, Table, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import NullPool
from sqlalchemy.types import TypeDecorator

from network.after_commit import after_commit_failed

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JsonType = JSON().with_variant(JSONB(), "postgresql")
SortKey = String(400).with_variant(String(400, collation="C"), "postgresql")


def name_enum(kind: type, length: int) -> Enum:
    """A column of ``kind``'s members stored by name in a ``length``-wide string (no
    database enum type: a new member needs no migration of the type)."""
    return Enum(kind, native_enum=False, length=length)


def link_table(name: str, owner: tuple[str, str], other: tuple[str, str]) -> Table:
    """A many-to-many link owned by its first side; ``owner`` and ``other`` are each a
    (column, referenced column) pair. The link goes with its owner, the other side is
    indexed, and the two columns are the primary key."""
    (owner_column, owner_key), (other_column, other_key) = owner, other
    return Table(
        name,
        Base.metadata,
        Column(owner_column, ForeignKey(owner_key, ondelete="CASCADE"), primary_key=True),
        Column(other_column, ForeignKey(other_key), primary_key=True, index=True),
    )


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC instants on both databases (SQLite stores naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


def distance_km(lat1: float | None, lon1: float | None, lat2: float, lon2: float) -> float | None:
    """Great-circle distance (haversine); registered as a SQL function on SQLite."""
    if lat1 is None or lon1 is None:
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.create_function("jisr_distance_km", 4, distance_km, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def create_engine(
    url: str,
    *,
    null_pool: bool = False,
    echo: bool = False,
    statement_timeout_ms: int = 0,
    pool_size: int | None = None,
) -> AsyncEngine:
    """An engine for ``url``; SQLite gets its pragmas and Jisr's SQL functions."""
    kwargs: dict[str, Any] = {
        "echo": echo,
        "json_serializer": _json_dumps,
        "json_deserializer": orjson.loads,
    }
    if null_pool:
        kwargs["poolclass"] = NullPool
    elif pool_size is not None and not url.startswith("sqlite"):
        # A page of the console opens a few sessions one after the other: with fewer kept
        # connections than concurrent requests, the overflow ones are closed at check-in
        # and opened again by the next request (a connection costs 5-10 ms).
        kwargs["pool_size"], kwargs["max_overflow"] = pool_size, pool_size
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30}
    else:
        # JIT compiles a plan's expressions when its estimated cost is high: for the
        # directory's searches that is 15-30 ms more per statement than running them.
        server_settings = {"jit": "off"}
        if statement_timeout_ms:
            server_settings["statement_timeout"] = str(statement_timeout_ms)
        kwargs["connect_args"] = {"server_settings": server_settings}
    engine = create_async_engine(url, **kwargs)
    if url.startswith("sqlite"):
        event.listen(engine.sync_engine, "connect", _on_sqlite_connect)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


class Sessions(Protocol):
    """Where sessions come from: ``async with sessions() as session``."""

    def __call__(self) -> AbstractAsyncContextManager[AsyncSession]: ...


class SharedSession:
    """One session lent in turn to the readers of one request, where each would open
    its own: a session costs a connection checkout and its set-up, more than a small
    read. Readers wait their turn (a session serves one at a time); one that waited
    ``WAIT_SECONDS`` in vain, or that asks again from inside its own turn, reads with a
    session of its own, so no reader can wait on another forever. A reader whose block
    fails closes it; ``close`` ends it once the request is done."""

    WAIT_SECONDS = 1.0

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self._turn = asyncio.Lock()
        self._holder: asyncio.Task[Any] | None = None

    async def _wait_turn(self) -> bool:
        if self._holder is not None and self._holder is asyncio.current_task():
            return False
        try:
            async with asyncio.timeout(self.WAIT_SECONDS):
                await self._turn.acquire()
        except TimeoutError:
            return False
        self._holder = asyncio.current_task()
        return True

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[AsyncSession]:
        if not await self._wait_turn():
            async with self._sessions() as own:
                yield own
            return
        try:
            if self._session is None:
                self._session = self._sessions()
            yield self._session
        except BaseException:
            await asyncio.shield(self.close())
            raise
        finally:
            self._holder = None
            self._turn.release()

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()


AfterCommit = Callable[[], Awaitable[None] | None]


class UnitOfWork:
    """One transaction; callbacks registered with ``after_commit`` run once it committed.

    The session knows its unit of work (``session.info["unit_of_work"]``), so code that
    receives only the session, such as a referral event listener, can defer work.
    A failing callback cannot undo the commit, so it never turns it into an error: it is
    logged (with the request or task id bound to the log context), counted in
    ``jisr_after_commit_failures_total``, and the other callbacks still run. What it
    would have done is recovered elsewhere: events are in the database, queued jobs and
    outbox messages have their relays.
    """

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._after_commit: list[tuple[str, AfterCommit]] = []
        session.info["unit_of_work"] = self

    def after_commit(self, callback: AfterCommit, *, work: str = "callback") -> None:
        """Run ``callback`` once committed; ``work`` names it in logs and metrics."""
        self._after_commit.append((work, callback))

    async def _run_after_commit(self) -> None:
        for work, callback in self._after_commit:
            try:
                result = callback()
                if result is not None:
                    await result
            except Exception as error:
                after_commit_failed(work, error)


@asynccontextmanager
async def unit_of_work(sessions: Sessions) -> AsyncIterator[UnitOfWork]:
    """Commit when the block ends normally, roll back on any exception."""
    async with sessions() as session:
        uow = UnitOfWork(session)
        try:
            yield uow
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
    await uow._run_after_commit()


@asynccontextmanager
async def standalone_unit_of_work(url: str) -> AsyncIterator[UnitOfWork]:
    """A unit of work on its own NullPool engine: for a command or a task, one event loop each."""
    engine = create_engine(url, null_pool=True)
    try:
        async with unit_of_work(session_factory(engine)) as uow:
            yield uow
    finally:
        await engine.dispose()
