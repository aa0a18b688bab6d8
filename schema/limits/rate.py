"""Token buckets per caller: in Redis (one atomic Lua script) when configured, else here.

A bucket holds up to ``capacity`` points and refills at ``per_second``; a query takes
its estimated cost. Every API replica sharing the Redis shares the buckets. While Redis
does not answer, this process's buckets decide (``schema.redis_guard``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from schema.limits.lru import Lru
from schema.redis_guard import RedisGuard

BUCKETS_IN_MEMORY = 100_000

TAKE = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local allowed = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return {allowed, tostring(tokens)}
"""


@dataclass(frozen=True)
class Taken:
    allowed: bool
    remaining: int
    retry_after: int  # seconds until the refused cost is available again


class RateLimiter:
    def __init__(
        self, *, capacity: float, per_second: float, redis: RedisGuard | None = None
    ) -> None:
        self.capacity = capacity
        self.per_second = per_second
        self.redis = redis or RedisGuard()
        client = self.redis.redis
        self._script = client.register_script(TAKE) if client is not None else None
        self._buckets: Lru[str, tuple[float, float]] = Lru(BUCKETS_IN_MEMORY)

    async def take(self, key: str, cost: int) -> Taken:
        return await self.redis.attempt(
            "rate_limit", lambda _: self._take_shared(key, cost), lambda: self._take_here(key, cost)
        )

    async def _take_shared(self, key: str, cost: int) -> Taken:
        assert self._script is not None
        allowed, left = await self._script(
            keys=[f"jisr:rate:{key}"], args=[self.capacity, self.per_second, cost]
        )
        return self._taken(bool(allowed), float(left), cost)

    def _take_here(self, key: str, cost: int) -> Taken:
        now = time.monotonic()
        tokens, at = self._buckets.get(key) or (self.capacity, now)
        tokens = min(self.capacity, tokens + (now - at) * self.per_second)
        allowed = tokens >= cost
        if allowed:
            tokens -= cost
        self._buckets.put(key, (tokens, now))
        return self._taken(allowed, tokens, cost)

    def _taken(self, allowed: bool, tokens: float, cost: int) -> Taken:
        wait = 0 if allowed else math.ceil((cost - tokens) / self.per_second)
        return Taken(allowed, int(tokens), max(wait, 0 if allowed else 1))
