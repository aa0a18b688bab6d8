"""Every HTTP GraphQL request passes here before it runs.

In order: the persisted document is resolved; the document is parsed and checked
against the token, depth and alias limits (cached); its cost is estimated and refused
beyond the maximum; the caller's bucket pays the cost or the request is refused with
HTTP 429; then an anonymous directory query is answered from the response cache or
the compiled path, anything else by the resolvers. Every answer reports its cost.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from graphql import GraphQLError, OperationDefinitionNode, OperationType
from graphql.execution.values import get_variable_values
from sqlalchemy.ext.asyncio import AsyncEngine
from strawberry.types import ExecutionResult

from network import directory_version
from network.errors import ErrorCode
from network.settings import Settings
from schema.compiled.executor import CompiledDirectory
from schema.context import Context
from schema.errors import format_error, refusal
from schema.limits.address import client_address
from schema.limits.cost import CostEstimate
from schema.limits.documents import Documents
from schema.limits.lru import Lru
from schema.limits.persisted import PersistedQueries
from schema.limits.rate import RateLimiter, Taken
from schema.limits.response_cache import ResponseCache, cache_key

Resolve = Callable[[str | None], Awaitable[ExecutionResult]]


def caller_key(context: Context) -> str:
    """Whom the bucket belongs to: the signed-in user (their token was verified), else
    the address — never a header the caller could vary at will."""
    if context.viewer.user_id is not None:
        return f"user:{context.viewer.user_id}"
    return "address:" + client_address(context.request, context.settings.trusted_proxies)


def _operation(document: Any, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is not None:
        operations = [o for o in operations if o.name and o.name.value == name]
    return operations[0] if len(operations) == 1 else None


KEPT_COSTS = 4096  # cost estimates kept (document, operation, variables)


class Gate:
    def __init__(
        self,
        *,
        settings: Settings,
        strawberry_schema: Any,
        engine: AsyncEngine,
        sessions: Any,
        compiled: CompiledDirectory | None,
        redis: Any,
    ) -> None:
        self.schema = strawberry_schema._schema
        self.engine = engine
        self.compiled = compiled
        self.max_cost = settings.max_query_cost
        self.documents = Documents(self.schema, settings)
        self.persisted = PersistedQueries(
            mode=settings.persisted_queries, sessions=sessions, redis=redis
        )
        self.rate = RateLimiter(
            capacity=settings.rate_limit_capacity,
            per_second=settings.rate_limit_per_second,
            redis=redis,
        )
        self.cache = ResponseCache(redis) if settings.response_cache and compiled else None
        self._costs: Lru[tuple[str, str | None, bytes], int] = Lru(KEPT_COSTS)

    async def run(
        self,
        context: Context,
        request_data: Any,
        *,
        compiled_allowed: bool,
        resolve: Resolve,
        sub_response: Any,
    ) -> ExecutionResult:
        key = caller_key(context)
        query = await self.persisted.document(request_data.query, request_data.extensions)
        if isinstance(query, GraphQLError):
            return await self._refused(key, [query], 1, sub_response)
        if query is None:
            return await resolve(None)
        prepared = self.documents.prepare(query)
        if prepared.document is None:
            return await self._refused(key, prepared.errors, 1, sub_response)
        operation = _operation(prepared.document, request_data.operation_name)
        variables = request_data.variables or {}
        coerced = (
            get_variable_values(self.schema, operation.variable_definitions or (), variables)
            if operation is not None
            else []
        )
        if operation is None or isinstance(coerced, list):
            return await resolve(query)  # the resolver path words the error
        cost = self._cost_of(
            query, request_data.operation_name, variables, prepared, operation, coerced
        )
        if cost > self.max_cost:
            message = f"query cost {cost} is above the limit of {self.max_cost}"
            return await self._refused(key, [refusal(message)], cost, sub_response, charge=1)
        taken = await self.rate.take(key, cost)
        if not taken.allowed:
            return self._rate_limited(taken, cost, sub_response)
        result: ExecutionResult | None = None
        if compiled_allowed and operation.operation is OperationType.QUERY:
            result = await self._directory(context, prepared.document, query, request_data)
        if result is None:
            result = await resolve(query)
        result.extensions = {**(result.extensions or {}), "cost": self._cost(cost, cost, taken)}
        return result

    def _cost_of(
        self,
        query: str,
        name: str | None,
        variables: dict[str, Any],
        prepared: Any,
        operation: OperationDefinitionNode,
        coerced: Any,
    ) -> int:
        """The operation's cost estimate, kept per document, operation and variables: a
        console page sends the same few again and again."""
        try:
            key = (query, name, orjson.dumps(variables, option=orjson.OPT_SORT_KEYS))
        except TypeError:  # variables JSON cannot hold: estimated each time
            key = None
        kept = self._costs.get(key) if key is not None else None
        if kept is not None:
            return kept
        root = self.schema.get_root_type(operation.operation)
        cost = CostEstimate(self.schema, prepared.document, coerced).of(
            operation.selection_set, root.name if root else "Query"
        )
        return self._costs.put(key, cost) if key is not None else cost

    async def _directory(
        self, context: Context, document: Any, query: str, request_data: Any
    ) -> ExecutionResult | None:
        """The compiled path's answer, through the response cache for anonymous callers."""
        if self.compiled is None:
            return None
        variables, name = request_data.variables, request_data.operation_name
        key = None
        if self.cache is not None and context.viewer.is_anonymous:
            async with self.engine.connect() as connection:
                version = await directory_version.current(connection)
            key = cache_key(version, query, name, [variables, context.viewer.language])
            kept = await self.cache.get(key)
            if kept is not None:
                return ExecutionResult(data=orjson.Fragment(kept), errors=None)  # type: ignore[arg-type]
        try:
            result = await self.compiled.execute(context, document, query, variables, name)
        except Exception as error:  # masked and logged like any resolver's failure
            wrapped = GraphQLError(str(error), original_error=error)
            masked = format_error(wrapped, operation=name, context=context)
            return ExecutionResult(data=None, errors=[masked])
        if result is not None and key is not None and self.cache is not None:
            await self.cache.put(key, orjson.dumps(result.data))
        return result

    def _cost(self, requested: int, charged: int, taken: Taken) -> dict[str, Any]:
        """Shopify's shape: the estimate, what the bucket paid, and the bucket after it."""
        return {
            "requestedQueryCost": requested,
            "actualQueryCost": charged if taken.allowed else 0,
            "throttleStatus": {
                "maximumAvailable": self.rate.capacity,
                "currentlyAvailable": taken.remaining,
                "restoreRate": self.rate.per_second,
            },
        }

    async def _refused(
        self,
        key: str,
        errors: list[GraphQLError],
        cost: int,
        sub_response: Any,
        charge: int = 1,
    ) -> ExecutionResult:
        """A refusal still takes a point from the bucket, so refusals cannot flood."""
        taken = await self.rate.take(key, charge)
        if not taken.allowed:
            return self._rate_limited(taken, charge, sub_response)
        return ExecutionResult(
            data=None, errors=errors, extensions={"cost": self._cost(cost, charge, taken)}
        )

    def _rate_limited(self, taken: Taken, cost: int, sub_response: Any) -> ExecutionResult:
        sub_response.status_code = 429
        sub_response.headers["Retry-After"] = str(taken.retry_after)
        error = refusal(
            f"rate limit reached: retry in {taken.retry_after} s", ErrorCode.RATE_LIMITED
        )
        return ExecutionResult(
            data=None, errors=[error], extensions={"cost": self._cost(cost, 0, taken)}
        )
