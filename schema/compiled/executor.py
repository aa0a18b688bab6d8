"""Answering a request through the compiled subset, or saying it cannot (``None``).

The document comes parsed and validated (schema.limits.documents); each (document,
operation, variables, visibility) gets its statements built once and kept, so a
repeated directory query costs one SQL round trip per root field, and the JSON text
the database built is passed to the response as it is, never parsed.

A query the subset cannot answer goes to the resolvers; each time it does,
``jisr_compiled_fallbacks_total`` counts it by reason and a debug line names what was
not compiled, so a directory query that silently stops compiling is seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson
from cachetools import LRUCache
from graphql import DocumentNode, OperationType
from graphql.error import GraphQLError
from graphql.execution.values import get_variable_values
from prometheus_client import Counter
from sqlalchemy.exc import OperationalError
from strawberry.types import ExecutionResult

from network.errors import DomainError
from network.logging import get_logger
from network.viewer import Viewer
from schema.compiled.roots import RootCompiler
from schema.compiled.selection import Flattener, Unsupported, operation_of
from schema.compiled.sqljson import Dialect
from schema.context import Context

CACHE_SIZE = 512

FALLBACKS = Counter(
    "jisr_compiled_fallbacks_total",
    "Directory queries the compiled path handed to the resolvers",
    ["reason"],
)
log = get_logger("jisr.compiled")

Plan = list[tuple[str, Any]]


@dataclass(frozen=True)
class Fallback:
    """Why a query takes the resolver path: ``reason`` a label, ``detail`` for the log."""

    reason: str
    detail: str


def _fallback(reason: str, detail: object) -> Fallback:
    return Fallback(reason, str(detail))


def _visibility(viewer: Viewer) -> tuple[Any, ...]:
    """What, about the caller, changes a directory answer."""
    scope = tuple(sorted(viewer.actor_scope)) if viewer.is_actor_staff else ()
    return (viewer.is_admin, scope, viewer.language)


class CompiledDirectory:
    def __init__(self, strawberry_schema: Any, dialect_name: str) -> None:
        self.schema = strawberry_schema
        self.graphql_schema = strawberry_schema._schema
        self.dialect = Dialect(dialect_name)
        self._plans: LRUCache[Any, Plan | Fallback] = LRUCache(maxsize=CACHE_SIZE)

    def _plan(
        self,
        context: Context,
        document: DocumentNode,
        variables: dict[str, Any] | None,
        operation_name: str | None,
    ) -> Plan | Fallback:
        try:
            operation = operation_of(document, operation_name)
        except Unsupported as error:
            return _fallback("operation", error)
        if operation.operation is not OperationType.QUERY:
            return _fallback("operation", operation.operation.value)
        coerced = get_variable_values(
            self.graphql_schema, operation.variable_definitions or (), variables or {}
        )
        if isinstance(coerced, list):
            return _fallback("variables", coerced[0].message)
        flattener = Flattener(document, coerced.coerced)
        compiler = RootCompiler(
            dialect=self.dialect,
            flattener=flattener,
            schema=self.graphql_schema,
            variables=coerced,
            viewer=context.viewer,
        )
        compiler.strawberry_schema = self.schema
        compiler.reference = context.reference
        plan: Plan = []
        try:
            for field in flattener.fields([operation.selection_set], "Query"):
                if field.name == "__typename":
                    plan.append((field.key, "Query"))
                else:
                    plan.append((field.key, compiler.statement(field)))
        except Unsupported as error:
            return _fallback("unsupported", error)
        except (DomainError, GraphQLError) as error:
            return _fallback("input", error.message)
        return plan

    def _fell_back(self, fallback: Fallback, operation_name: str | None) -> None:
        FALLBACKS.labels(reason=fallback.reason).inc()
        log.debug(
            "compiled path fell back to the resolvers",
            reason=fallback.reason,
            detail=fallback.detail,
            operation=operation_name,
        )

    async def execute(
        self,
        context: Context,
        document: DocumentNode,
        query: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
    ) -> ExecutionResult | None:
        try:
            variables_key = orjson.dumps(variables or {}, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:
            # e.g. a lone surrogate or a huge integer: the general path answers
            self._fell_back(_fallback("variables", "not JSON"), operation_name)
            return None
        key = (query, operation_name, variables_key, _visibility(context.viewer))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._plan(context, document, variables, operation_name)
        if isinstance(plan, Fallback):
            self._fell_back(plan, operation_name)
            return None
        data: dict[str, Any] = {}
        async with context.sessions() as session:
            for response_key, statement in plan:
                if isinstance(statement, str):
                    data[response_key] = statement
                    continue
                try:
                    text = await session.scalar(statement)
                except OperationalError as error:
                    if "parser stack overflow" not in str(error):
                        raise
                    # SQLite parses a bounded nesting depth; deeper documents take
                    # the resolver path from now on.
                    fallback = self._plans[key] = _fallback("depth", "SQLite parser stack")
                    self._fell_back(fallback, operation_name)
                    return None
                data[response_key] = orjson.Fragment(text) if isinstance(text, str) else text
        return ExecutionResult(data=data, errors=None)
