"""network.database.SharedSession: one session lent in turn to a request's readers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from network.database import SharedSession, create_engine, session_factory


@pytest.fixture
async def sessions(tmp_path: Path) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'shared.sqlite3'}")
    try:
        yield session_factory(engine)
    finally:
        await engine.dispose()


async def test_readers_in_turn_share_one_session(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    shared = SharedSession(sessions)
    seen: list[AsyncSession] = []

    async def read() -> int:
        async with shared() as session:
            seen.append(session)
            return int((await session.execute(text("SELECT 1"))).scalar_one())

    assert list(await asyncio.gather(read(), read(), read())) == [1, 1, 1]
    assert len({id(s) for s in seen}) == 1
    await shared.close()
    async with shared() as after:  # closed: the next reader starts a new one
        assert after is not seen[0]
    await shared.close()


async def test_a_reader_asking_again_in_its_turn_gets_its_own(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    shared = SharedSession(sessions)
    async with shared() as outer, shared() as inner:
        assert inner is not outer
        assert (await inner.execute(text("SELECT 2"))).scalar_one() == 2
    await shared.close()


async def test_a_reader_kept_waiting_reads_on_its_own(
    sessions: async_sessionmaker[AsyncSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader whose turn never comes (the holder waits on it) is not stuck."""
    monkeypatch.setattr(SharedSession, "WAIT_SECONDS", 0.05)
    shared = SharedSession(sessions)
    waiting = asyncio.Event()

    async def second() -> AsyncSession:
        async with shared() as session:
            waiting.set()
            return session

    async with shared() as first:
        other = asyncio.create_task(second())
        await asyncio.wait_for(waiting.wait(), 5)  # the holder waits for the other reader
        assert await other is not first
    await shared.close()


async def test_a_failing_reader_closes_the_session(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    shared = SharedSession(sessions)
    with pytest.raises(RuntimeError):
        async with shared() as failed:
            raise RuntimeError("the block failed")
    async with shared() as next_one:
        assert next_one is not failed
    await shared.close()
