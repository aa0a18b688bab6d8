"""Persisted queries: Apollo's automatic protocol, or an allow-list of registered documents.

``extensions.persistedQuery.sha256Hash`` names a document. In ``automatic`` mode a hash
alone runs a document sent before with it (PERSISTED_QUERY_NOT_FOUND until then), and a
document with its hash is kept — in Redis when configured, shared by the replicas, else
in this process. In ``allowlist`` mode only documents registered with
``jisr queries register`` run, whether sent whole or by hash. While a configured Redis
does not answer, documents are kept in this process (``schema.redis_guard``); a hash
this process has not kept is PERSISTED_QUERY_NOT_FOUND, and the client sends it whole.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from network import persisted_queries
from network.errors import ErrorCode
from schema.errors import refusal
from schema.limits.lru import Lru
from schema.redis_guard import RedisGuard

KEPT_IN_MEMORY = 2000
KEPT_IN_REDIS_SECONDS = 30 * 24 * 3600


class PersistedQueries:
    def __init__(
        self,
        *,
        mode: str,
        sessions: async_sessionmaker[AsyncSession],
        redis: RedisGuard | None = None,
    ) -> None:
        self.allowlist = mode == "allowlist"
        self.sessions = sessions
        self.redis = redis or RedisGuard()
        self._kept: Lru[str, str] = Lru(KEPT_IN_MEMORY)

    async def document(self, query: str | None, extensions: Any) -> str | GraphQLError | None:
        """The document to run, or the error that refuses the request."""
        asked = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
        digest = asked.get("sha256Hash") if isinstance(asked, dict) else None
        if asked is not None and not isinstance(digest, str):
            return refusal("persistedQuery.sha256Hash must be a string", ErrorCode.INVALID_INPUT)
        if (
            query is not None
            and digest is not None
            and persisted_queries.sha256_of(query) != digest
        ):
            return refusal("provided sha256Hash does not match the query", ErrorCode.INVALID_INPUT)
        if self.allowlist:
            return await self._registered(query, digest)
        if digest is None:
            return query
        if query is not None:
            await self._keep(digest, query)
            return query
        found = await self._kept_document(digest)
        if found is None:
            return refusal("PersistedQueryNotFound", ErrorCode.PERSISTED_QUERY_NOT_FOUND)
        return found

    async def _registered(self, query: str | None, digest: str | None) -> str | GraphQLError | None:
        if digest is None:
            if query is None:
                return None
            digest = persisted_queries.sha256_of(query)
        found = self._kept.get(digest)
        if found is None:
            async with self.sessions() as session:
                found = await persisted_queries.document_of(session, digest)
            if found is None:
                return refusal(
                    "PersistedQueryNotFound: only registered documents run here",
                    ErrorCode.PERSISTED_QUERY_NOT_FOUND,
                )
            self._kept.put(digest, found)
        return found

    async def _keep(self, digest: str, query: str) -> None:
        def here() -> None:
            self._kept.put(digest, query)

        await self.redis.attempt(
            "persisted_queries",
            lambda r: r.set(f"jisr:apq:{digest}", query.encode(), ex=KEPT_IN_REDIS_SECONDS),
            here,
        )

    async def _kept_document(self, digest: str) -> str | None:
        found = await self.redis.attempt(
            "persisted_queries", lambda r: r.get(f"jisr:apq:{digest}"), lambda: None
        )
        if found is not None:
            return str(found.decode())
        return self._kept.get(digest)
