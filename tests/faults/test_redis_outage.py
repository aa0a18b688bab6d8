"""Redis is an accelerator: without it the API reads and writes as before.

Each test's Redis is a real one that does not answer: a URL to a port nobody listens
on, or a redis-server of the test's own that is killed, before a request or between
the commit of ``createReferral`` and the publish of its event.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from prometheus_client import REGISTRY
from redis.asyncio import Redis
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from network.ids import pk_of
from network.persisted_queries import sha256_of
from network.records.referrals import Referral
from tests.api import Api, running_api
from tests.faults.processes import RedisProcess
from tests.network.notifications.servers import free_port
from tests.schema.referrals.fixtures import created, network

DIRECTORY = "{ actors(first: 3) { totalCount nodes { id name } } }"


def fallbacks(use: str) -> float:
    return REGISTRY.get_sample_value("jisr_redis_fallbacks_total", {"use": use}) or 0.0


def redis_of(api: Api) -> Redis:
    assert api.state.redis is not None
    return api.state.redis


@asynccontextmanager
async def api_on_redis(db_url: str, tmp_path: Path, redis_url: str) -> AsyncIterator[Api]:
    async with running_api(db_url, tmp_path / "var", redis_url=redis_url) as api:
        try:
            yield api
        finally:
            await api.state.close()


async def stored(api: Api, referral_id: str) -> Referral | None:
    async with api.state.sessions() as session:
        found: Referral | None = await session.scalar(
            select(Referral).where(Referral.id == pk_of(referral_id, "Referral"))
        )
        return found


async def reads_and_writes(api: Api) -> None:
    """A directory read, a persisted query and a referral created and read back."""
    directory = await api.data(DIRECTORY)
    assert directory["actors"]["totalCount"] > 0
    persisted = {"persistedQuery": {"version": 1, "sha256Hash": sha256_of(DIRECTORY)}}
    answer = await api.post(DIRECTORY, extensions=persisted)
    assert answer.status_code == 200 and answer.json()["data"] == directory
    world = await network(api)
    referral = await created(api, world.mediator, world)
    assert referral["status"] == "SENT"
    assert await stored(api, referral["id"]) is not None


async def test_with_redis_at_a_closed_port_the_api_reads_and_writes(
    db_url: str, tmp_path: Path
) -> None:
    # given an API whose Redis URL points at a port nobody listens on
    before = fallbacks("rate_limit")
    async with api_on_redis(db_url, tmp_path, f"redis://127.0.0.1:{free_port()}/0") as api:
        # when it reads the directory and creates a referral, then it answers with data
        await reads_and_writes(api)
    # and the rate limit fell back to this process's buckets
    assert fallbacks("rate_limit") > before


async def test_with_its_redis_stopped_the_api_reads_and_writes_and_recovers(
    db_url: str, tmp_path: Path
) -> None:
    # given an API on a Redis of this test's own, which answered its first request
    with RedisProcess(tmp_path / "redis") as redis:
        async with api_on_redis(db_url, tmp_path, redis.url()) as api:
            await api.data(DIRECTORY)
            assert await redis_of(api).dbsize() > 0  # buckets and answers live there
            # when Redis stops, then reads and writes keep working
            redis.kill()
            await reads_and_writes(api)
            # and when it is back, the same pool serves again: buckets return to Redis
            redis.start()
            assert await back_in_redis(api), "the rate limit never returned to Redis"


async def test_a_referral_committed_while_redis_drops_is_answered_as_created(
    db_url: str, tmp_path: Path
) -> None:
    # given an API on a Redis of this test's own, and a referral network
    with RedisProcess(tmp_path / "redis") as redis:
        async with api_on_redis(db_url, tmp_path, redis.url()) as api:
            world = await network(api)
            # (its broadcaster publishes through Redis once warmed up)
            await api.state.broadcaster.publish("warm-up", {})
            published_before = fallbacks("pubsub")
            kill_at_commit = killer(redis, holds_a_referral)
            event.listen(Session, "after_commit", kill_at_commit)
            try:
                # when Redis is killed between createReferral's commit and its publish
                referral = await created(api, world.mediator, world)
            finally:
                event.remove(Session, "after_commit", kill_at_commit)
            # then the answer is the referral, which is in the database
            assert redis.process is None, "the commit hook did not run"
            assert referral["status"] == "SENT"
            assert await stored(api, referral["id"]) is not None
            # and the publish did meet the dead Redis (and fell back in-process)
            assert fallbacks("pubsub") > published_before


async def back_in_redis(api: Api) -> bool:
    """Whether, within a few seconds of requests, a request's bucket is kept in Redis."""
    for _ in range(50):
        await api.data(DIRECTORY)
        if await redis_of(api).keys("jisr:rate:*"):
            return True
        await asyncio.sleep(0.1)
    return False


def killer(redis: RedisProcess, armed: Callable[[Session], bool]) -> Callable[[Session], None]:
    """A session ``after_commit`` hook: kills Redis at the first commit ``armed`` likes."""

    def after(session: Session) -> None:
        if redis.process is not None and armed(session):
            redis.kill()

    return after


def holds_a_referral(session: Session) -> bool:
    return any(isinstance(row, Referral) for row in session.identity_map.values())
