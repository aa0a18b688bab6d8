"""A database that does not answer gets HTTP 503, a GraphQL error and ``Retry-After``.

Whether the outage shows before the operation runs (signing the caller in, reading the
directory version) or inside a resolver, the answer is the same: status 503, a JSON
body whose ``errors[].extensions.code`` is SERVICE_UNAVAILABLE, and ``Retry-After``.
A client may retry a query; a mutation it retries should carry its idempotency key.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from graphql import GraphQLError

from network.availability import database_unavailable
from network.errors import ErrorCode

RETRY_AFTER_SECONDS = 5
MESSAGE = "The database is unavailable for a moment; retry shortly."
logger = logging.getLogger("jisr.api")


def is_outage(error: BaseException) -> bool:
    """Whether ``error`` is the database not answering (for the console's own page)."""
    return database_unavailable(error)


def _kind(error: BaseException | None) -> str:
    """The failure's types only: its message may hold SQL parameters, never logged."""
    orig = getattr(error, "orig", None)
    return type(error).__name__ + (f" ({type(orig).__name__})" if orig is not None else "")


def unavailable_error(error: GraphQLError, request_id: str | None) -> GraphQLError:
    """The error a client sees for a resolver that met an unavailable database."""
    logger.warning("database unavailable (request %s): %s", request_id, _kind(error.original_error))
    return GraphQLError(
        MESSAGE,
        error.nodes,
        error.source,
        error.positions,
        error.path,
        None,
        {"code": str(ErrorCode.SERVICE_UNAVAILABLE), "requestId": request_id},
    )


def mark_unavailable(errors: Any, sub_response: Any) -> None:
    """HTTP 503 and ``Retry-After`` when one of the result's errors is an outage."""
    code = str(ErrorCode.SERVICE_UNAVAILABLE)
    if any((e.extensions or {}).get("code") == code for e in errors or ()):
        sub_response.status_code = 503
        sub_response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)


def body(request_id: str | None) -> bytes:
    extensions = {"code": str(ErrorCode.SERVICE_UNAVAILABLE), "requestId": request_id}
    return orjson.dumps({"data": None, "errors": [{"message": MESSAGE, "extensions": extensions}]})


class Unavailable:
    """ASGI wrapper answering 503 in GraphQL's shape when the database fails the
    request outside any resolver."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        started = False

        async def sending(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except Exception as error:
            if scope["type"] != "http" or started or not database_unavailable(error):
                raise
            request_id = dict(scope.get("headers") or ()).get(b"x-request-id", b"").decode()
            logger.warning("database unavailable (request %s): %s", request_id, _kind(error))
            content = body(request_id or None)
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(content)).encode()),
                (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
            ]
            await send({"type": "http.response.start", "status": 503, "headers": headers})
            await send({"type": "http.response.body", "body": content})
