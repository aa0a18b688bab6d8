"""Fan-out of live events to subscribers: in-process, or through Redis pub/sub so that
a client connected to one API process sees events caused through another.

Messages are small JSON objects naming records by id; a subscriber re-reads what it
may see, so nothing personal travels through Redis. Publishing is meant to happen
after commit (UnitOfWork.after_commit), so a subscriber never reads a change that
could still be rolled back.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import AsyncIterator
from typing import Any

import orjson
from redis.exceptions import RedisError

from network.pubsub_keys import channel_prefix
from schema.redis_guard import RedisGuard, redis_client

BROADCASTER = "broadcaster"
"""The key under which a session's ``info`` holds the broadcaster of its process."""
QUEUE_SIZE = 1000
CONFIRM_SECONDS = 5.0
RECONNECT_FIRST_SECONDS = 0.5
RECONNECT_MAX_SECONDS = 10.0


class Broadcaster:
    """In-process fan-out: every subscriber of a channel gets every message published
    on it in this process."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue[dict[str, Any]]]] = defaultdict(set)

    @property
    def live(self) -> bool:
        """Whether every message published from now on reaches this process's subscribers."""
        return True

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        self.deliver(channel, message)

    def deliver(self, channel: str, message: dict[str, Any]) -> None:
        """Hand a message to this process's subscribers; a subscriber too slow to keep
        QUEUE_SIZE messages behind loses the oldest."""
        for queue in list(self._queues.get(channel, ())):
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(message)

    @contextlib.asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
        """Messages of ``channel`` published from now on, while the block runs."""
        await self._started()
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_SIZE)
        self._queues[channel].add(queue)

        async def messages() -> AsyncIterator[dict[str, Any]]:
            while True:
                yield await queue.get()

        try:
            yield messages()
        finally:
            self._queues[channel].discard(queue)

    async def _started(self) -> None:
        """Ready to receive; nothing to do in-process."""

    async def close(self) -> None:
        self._queues.clear()


class RedisBroadcaster(Broadcaster):
    """Publishes through Redis; one reader per process relays every channel of its
    namespace to the local subscribers. Pub/sub channels are global to a Redis server,
    so processes share a namespace only when they share a database.

    While Redis does not answer, this process falls back to in-process fan-out: its own
    events still reach its own subscribers, and the reader reconnects by itself with a
    growing pause. What subscribers of other processes missed is in the database.
    """

    def __init__(self, url: str, *, namespace: str) -> None:
        super().__init__()
        self._redis = redis_client(url)
        self._guard = RedisGuard(self._redis)
        self._prefix = channel_prefix(namespace)
        self._reader: asyncio.Task[None] | None = None
        self._ready = asyncio.Lock()
        self._listening = asyncio.Event()

    @property
    def live(self) -> bool:
        return self._listening.is_set()

    async def publish(self, channel: str, message: dict[str, Any]) -> None:
        def here() -> None:
            self.deliver(channel, message)

        await self._guard.attempt(
            "pubsub", lambda r: r.publish(self._prefix + channel, orjson.dumps(message)), here
        )

    async def _started(self) -> None:
        async with self._ready:
            if self._reader is None or self._reader.done():
                self._listening.clear()
                self._reader = asyncio.create_task(self._relay())
        # Once confirmed, every message published later reaches the reader; without
        # Redis, the subscriber gets this process's events only.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(CONFIRM_SECONDS):
                await self._listening.wait()

    async def _relay(self) -> None:
        pause = RECONNECT_FIRST_SECONDS
        while True:
            try:
                await self._listen()
            except (RedisError, OSError) as error:
                self._listening.clear()
                self._guard.failed("pubsub", error)
            await asyncio.sleep(pause)
            pause = min(pause * 2, RECONNECT_MAX_SECONDS)

    async def _listen(self) -> None:
        pubsub = self._redis.pubsub()
        try:
            await pubsub.psubscribe(self._prefix + "*")
            confirmation = None
            while confirmation is None or confirmation["type"] != "psubscribe":
                confirmation = await pubsub.get_message(timeout=CONFIRM_SECONDS)
            self._listening.set()
            async for item in pubsub.listen():
                if item.get("type") == "pmessage":
                    channel = item["channel"].decode()[len(self._prefix) :]
                    self.deliver(channel, orjson.loads(item["data"]))
        finally:
            await pubsub.aclose()  # type: ignore[no-untyped-call]  # unannotated in redis

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        await self._redis.aclose()
        await super().close()


def broadcaster_for(redis_url: str | None, *, database_url: str) -> Broadcaster:
    """Through Redis when it is configured, in-process otherwise."""
    if redis_url:
        return RedisBroadcaster(redis_url, namespace=database_url)
    return Broadcaster()
