"""Redis is an accelerator of the API, never a reason to fail a request.

The API's uses of Redis (shared rate-limit buckets, the response cache, persisted
queries, pub/sub) go through ``RedisGuard.attempt``: when Redis does not answer, the
use falls back (in-process buckets, no cache) and the fallback is counted in
``jisr_redis_fallbacks_total``; the outage is logged once, when it starts. For
``RETRY_AFTER_SECONDS`` after a failure Redis is not even tried, so an outage costs
requests no connection timeouts. Clients are made by ``redis_client``: a health check
on idle connections, one retry of a command on a stale connection, short timeouts.
A Redis still loading its data (``BusyLoadingError``) is a connection error: not yet.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import redis.asyncio as aioredis
from prometheus_client import Counter
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from network.logging import get_logger

T = TypeVar("T")
RETRY_AFTER_SECONDS = 1.0
HEALTH_CHECK_SECONDS = 5
CONNECT_TIMEOUT_SECONDS = 1.0
COMMAND_TIMEOUT_SECONDS = 2.0

REDIS_FALLBACKS = Counter(
    "jisr_redis_fallbacks_total", "Uses of Redis that fell back because it did not answer", ["use"]
)
log = get_logger("jisr.redis")


def redis_client(url: str) -> aioredis.Redis:
    """A client whose pool heals itself: stale connections are checked and retried once."""
    return aioredis.Redis.from_url(
        url,
        health_check_interval=HEALTH_CHECK_SECONDS,
        socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
        socket_timeout=COMMAND_TIMEOUT_SECONDS,
        retry=Retry(NoBackoff(), 1),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )


class RedisGuard:
    """A Redis client, or none; ``attempt`` runs a use of it or its fallback."""

    def __init__(self, redis: Any = None) -> None:
        self.redis = redis
        self._skip_until = 0.0

    @property
    def configured(self) -> bool:
        return self.redis is not None

    async def attempt(
        self,
        use: str,
        call: Callable[[Any], Awaitable[T]],
        fallback: Callable[[], T],
    ) -> T:
        """``call(redis)``, or ``fallback()`` when Redis is absent, failing or resting."""
        if self.redis is None:
            return fallback()
        if time.monotonic() < self._skip_until:
            REDIS_FALLBACKS.labels(use).inc()
            return fallback()
        try:
            result = await call(self.redis)
        except (RedisError, OSError) as error:
            self.failed(use, error)
            return fallback()
        if self._skip_until:
            self._skip_until = 0.0
            log.info("redis answers again", use=use)
        return result

    def failed(self, use: str, error: BaseException) -> None:
        """Count a fallback; log the first of an outage; rest Redis for a moment."""
        REDIS_FALLBACKS.labels(use).inc()
        if not self._skip_until:
            log.warning("redis unavailable, falling back", use=use, error=type(error).__name__)
        self._skip_until = time.monotonic() + RETRY_AFTER_SECONDS
