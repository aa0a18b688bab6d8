"""Where every error gets its code: domain errors keep theirs, the unexpected are masked."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from network.availability import database_unavailable
from network.errors import DomainError, ErrorCode
from schema.unavailable import unavailable_error

logger = logging.getLogger("jisr.api")
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def without_suggestions(message: str) -> str:
    """graphql-core's message without its "Did you mean …?": with introspection off,
    suggestions would spell out the schema one guess at a time."""
    return _SUGGESTION.sub("", message)


def _suggests(context: Any) -> bool:
    settings = getattr(context, "settings", None)
    return settings is None or bool(settings.introspection_allowed)


def _request_id(context: Any) -> str | None:
    return getattr(context, "request_id", None)


def refusal(message: str, code: ErrorCode = ErrorCode.QUERY_TOO_COMPLEX) -> GraphQLError:
    """A request refused before it runs (a limit, the rate, an unknown persisted query)."""
    return GraphQLError(message, extensions={"code": str(code)})


def format_error(error: GraphQLError, *, operation: str | None, context: Any) -> GraphQLError:
    """The error as the client sees it, with ``extensions.code`` always set."""
    original = error.original_error
    while isinstance(original, GraphQLError) and original.original_error is not None:
        original = original.original_error
    if isinstance(original, DomainError):
        extensions = {"code": str(original.code)}
        if original.field:
            extensions["field"] = ".".join(original.field)
        return GraphQLError(
            original.message,
            error.nodes,
            error.source,
            error.positions,
            error.path,
            None,
            extensions,
        )
    if original is None or isinstance(original, GraphQLError):
        extensions = dict(error.extensions or {})
        extensions.setdefault("code", str(ErrorCode.INVALID_INPUT))
        message = error.message if _suggests(context) else without_suggestions(error.message)
        return GraphQLError(
            message, error.nodes, error.source, error.positions, error.path, None, extensions
        )
    request_id = _request_id(context)
    if database_unavailable(original):
        return unavailable_error(error, request_id)
    logger.error(
        "unexpected error in %s (request %s)",
        operation or "anonymous operation",
        request_id,
        exc_info=(type(original), original, original.__traceback__),
    )
    return GraphQLError(
        "Internal error. Quote the request id when reporting it.",
        error.nodes,
        error.source,
        error.positions,
        error.path,
        None,
        {"code": str(ErrorCode.INTERNAL), "requestId": request_id},
    )


class ErrorCodes(SchemaExtension):
    """Rewrites the errors of every result; logs the unexpected ones with their stack."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is None or not result.errors:
            return
        operation = self.execution_context.operation_name
        context = self.execution_context.context
        result.errors = [
            format_error(e, operation=operation, context=context) for e in result.errors
        ]
