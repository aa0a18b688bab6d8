"""Answers to anonymous directory queries, kept until the directory changes.

The key holds the directory version (network.directory_version) read when the request
starts: a write moves it in its own transaction, so no request that starts after the
commit can meet an older answer — in Redis shared by the replicas, or in this process.
While a configured Redis does not answer, the cache is bypassed (``schema.redis_guard``).
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from schema.limits.lru import Lru
from schema.redis_guard import RedisGuard

KEPT_IN_MEMORY = 512
KEPT_IN_REDIS_SECONDS = 600


def cache_key(version: int, query: str, operation: str | None, variables: Any) -> str:
    body = orjson.dumps([query, operation, variables], option=orjson.OPT_SORT_KEYS)
    return f"jisr:answer:{version}:{hashlib.sha256(body).hexdigest()}"


class ResponseCache:
    def __init__(self, redis: RedisGuard | None = None) -> None:
        self.redis = redis or RedisGuard()
        self._kept: Lru[str, bytes] = Lru(KEPT_IN_MEMORY)

    async def get(self, key: str) -> bytes | None:
        if not self.redis.configured:
            return self._kept.get(key)
        return await self.redis.attempt("response_cache", lambda r: r.get(key), lambda: None)

    async def put(self, key: str, data: bytes) -> None:
        if not self.redis.configured:
            self._kept.put(key, data)
            return
        await self.redis.attempt(
            "response_cache", lambda r: r.set(key, data, ex=KEPT_IN_REDIS_SECONDS), lambda: None
        )
