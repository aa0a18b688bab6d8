"""Answering a request through the compiled subset, or saying it cannot (``None``).

The document comes parsed and validated (schema.limits.documents); each (document,
operation, variables, visibility) gets its statements built once and kept, so a
repeated directory query costs one SQL round trip per root field, and the JSON text
the database built is passed to the response as it is, never parsed.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import orjson
from graphql import DocumentNode, OperationType
from graphql.error import GraphQLError
from graphql.execution.values import get_variable_values
from sqlalchemy.exc import OperationalError
from strawberry.types import ExecutionResult

from network.errors import DomainError
from network.viewer import Viewer
from schema.compiled.roots import RootCompiler
from schema.compiled.selection import Flattener, Unsupported, operation_of
from schema.compiled.sqljson import Dialect
from schema.context import Context

CACHE_SIZE = 512


class _Lru(OrderedDict[Any, Any]):
    def remember(self, key: Any, value: Any) -> Any:
        self[key] = value
        self.move_to_end(key)
        if len(self) > CACHE_SIZE:
            self.popitem(last=False)
        return value


def _visibility(viewer: Viewer) -> tuple[Any, ...]:
    """What, about the caller, changes a directory answer."""
    scope = tuple(sorted(viewer.actor_scope)) if viewer.is_actor_staff else ()
    return (viewer.is_admin, scope, viewer.language)


class CompiledDirectory:
    def __init__(self, strawberry_schema: Any, dialect_name: str) -> None:
        self.schema = strawberry_schema
        self.graphql_schema = strawberry_schema._schema
        self.dialect = Dialect(dialect_name)
        self._plans = _Lru()

    def _plan(
        self,
        context: Context,
        document: DocumentNode,
        variables: dict[str, Any] | None,
        operation_name: str | None,
    ) -> list[tuple[str, Any]] | None:
        try:
            operation = operation_of(document, operation_name)
        except Unsupported:
            return None
        if operation.operation is not OperationType.QUERY:
            return None
        coerced = get_variable_values(
            self.graphql_schema, operation.variable_definitions or (), variables or {}
        )
        if isinstance(coerced, list):
            return None
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
        plan: list[tuple[str, Any]] = []
        try:
            for field in flattener.fields([operation.selection_set], "Query"):
                if field.name == "__typename":
                    plan.append((field.key, "Query"))
                else:
                    plan.append((field.key, compiler.statement(field)))
        except (Unsupported, DomainError, GraphQLError):
            return None
        return plan

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
            return None  # e.g. a lone surrogate or a huge integer: the general path answers
        key = (query, operation_name, variables_key, _visibility(context.viewer))
        if key in self._plans:
            plan = self._plans[key]
        else:
            plan = self._plans.remember(
                key, self._plan(context, document, variables, operation_name)
            )
        if plan is None:
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
                    self._plans[key] = None
                    return None
                data[response_key] = orjson.Fragment(text) if isinstance(text, str) else text
        return ExecutionResult(data=data, errors=None)
