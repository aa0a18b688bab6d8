"""Answers to anonymous directory queries, kept until the directory changes.

The key holds the directory version (network.directory_version) read when the request
starts: a write moves it in its own transaction, so no request that starts after the
commit can meet an older answer — in Redis shared by the replicas, or in this process.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from schema.limits.lru import Lru

KEPT_IN_MEMORY = 512
KEPT_IN_REDIS_SECONDS = 600


def cache_key(version: int, query: str, operation: str | None, variables: Any) -> str:
    body = orjson.dumps([query, operation, variables], option=orjson.OPT_SORT_KEYS)
    return f"jisr:answer:{version}:{hashlib.sha256(body).hexdigest()}"


class ResponseCache:
    def __init__(self, redis: Any = None) -> None:
        self.redis = redis
        self._kept: Lru[str, bytes] = Lru(KEPT_IN_MEMORY)

    async def get(self, key: str) -> bytes | None:
        if self.redis is not None:
            found: bytes | None = await self.redis.get(key)
            return found
        return self._kept.get(key)

    async def put(self, key: str, data: bytes) -> None:
        if self.redis is not None:
            await self.redis.set(key, data, ex=KEPT_IN_REDIS_SECONDS)
        else:
            self._kept.put(key, data)
