"""What every socket passes, whichever protocol it speaks.

At ``connection_init`` the caller's token (the ``Authorization`` header of the
handshake, or ``authorization`` in the init payload) is turned into a viewer by the
same function as on HTTP; a token it refuses closes the socket with 4401, and a caller
holding too many sockets is closed with 4429. Every operation then goes through the
HTTP gate (``schema.limits.gate``: persisted queries, token/depth/alias limits,
introspection switch, cost, rate). The viewer is re-resolved for every operation after
it arrived (one resolution per operation, as HTTP does per request); an event is
delivered only if the viewer was found valid within ``JISR_WS_VIEWER_CHECK_SECONDS``,
which a watcher ensures by re-resolving it that often, so a revoked token, an expired
one or a deactivated user loses the socket within that time and no event is fanned out
to it after.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from graphql import GraphQLError, OperationType
from strawberry.types import ExecutionResult
from strawberry.types.unset import UnsetType

from network.errors import DomainError, ErrorCode
from schema.errors import format_error, refusal
from schema.limits.gate import _operation
from schema.sockets.connections import connection_key

logger = logging.getLogger("jisr.api")

UNAUTHENTICATED = (4401, "UNAUTHENTICATED: invalid_token (invalid or expired token)")
INTERNAL = (1011, "INTERNAL: the caller could not be checked")


def too_many_connections(limit: int) -> tuple[int, str]:
    return 4429, f"RATE_LIMITED: more than {limit} open connections for this caller"


async def acknowledge(handler: Any) -> None:
    """Acknowledge a connection (both protocols' ``connection_ack``), with the payload
    the view's ``on_ws_connect`` returns, if any."""
    acknowledged = await handler.view.on_ws_connect(handler.context)
    if isinstance(acknowledged, UnsetType) or acknowledged is None:
        await handler.send_message({"type": "connection_ack"})
    else:
        await handler.send_message({"type": "connection_ack", "payload": acknowledged})
    handler.connection_acknowledged = True


def too_many_operations(limit: int) -> GraphQLError:
    return refusal(f"more than {limit} operations at once on this connection")


def bearer_of(values: Any) -> str | None:
    """The token of ``Authorization: Bearer <token>``, whatever the key's case."""
    if not isinstance(values, dict):
        values = dict(values.items()) if values is not None else {}
    found = next((v for k, v in values.items() if str(k).lower() == "authorization"), None)
    scheme, _, token = str(found or "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


@dataclass(frozen=True)
class Admitted:
    query: str
    extensions: dict[str, Any]
    subscription: bool  # its results are events, each checked as of when it was produced


class _SubResponse:
    """Where the gate writes its HTTP status and headers: a socket has none to send."""

    def __init__(self) -> None:
        self.status_code = 200
        self.headers: dict[str, str] = {}


class SocketGuard:
    def __init__(self, view: Any, websocket: Any, context: Any) -> None:
        self.view = view
        self.websocket = websocket
        self.context = context
        settings = view.state.settings
        self.max_operations: int = settings.ws_max_subscriptions
        self.check_seconds: float = settings.ws_viewer_check_seconds
        self.token: str | None = None
        self.valid = True
        self.checked_at = time.monotonic()
        self._pending: asyncio.Task[None] | None = None
        self._watcher: asyncio.Task[None] | None = None
        self._slot: str | None = None

    async def connect(self, params: Any) -> tuple[int, str] | None:
        """Signs the socket in; the close code and reason when it is refused."""
        request = self.context.request
        self.token = bearer_of(params) or bearer_of(request.headers)
        self.checked_at = time.monotonic()
        try:
            self.context.viewer = await self.view.resolve_viewer(self.token)
        except DomainError:
            self.valid = False
            return UNAUTHENTICATED
        client = getattr(request, "client", None)
        key = connection_key(self.token, client.host if client else "unknown")
        connections = self.view.connections
        if not connections.take(key):
            self.valid = False
            return too_many_connections(connections.limit_of(key))
        self._slot = key
        if self.token is not None:
            self._watcher = asyncio.create_task(self._watch())
        return None

    async def fresh(self, since: float) -> bool:
        """Whether the viewer was found valid by a check started at ``since`` or later;
        checks once for every caller waiting at the same time. Closes the socket when not."""
        if self.token is None:
            return self.valid
        while self.valid and self.checked_at < since:
            if self._pending is None:
                self._pending = asyncio.create_task(self._check())
            await asyncio.shield(self._pending)
        return self.valid

    async def recent(self) -> bool:
        """Whether the viewer was found valid within the last ``check_seconds``: what an
        event needs, so that fanning one out costs no query (the watcher keeps it fresh)."""
        return await self.fresh(time.monotonic() - self.check_seconds)

    async def _check(self) -> None:
        started = time.monotonic()
        closing: tuple[int, str] | None = None
        try:
            self.context.viewer = await self.view.resolve_viewer(self.token)
        except DomainError:
            closing = UNAUTHENTICATED
        except Exception:
            logger.exception("checking a socket's caller failed")
            closing = INTERNAL
        finally:
            self.checked_at = started
            self._pending = None
        if closing is not None:
            self.valid = False
            await self.websocket.close(*closing)

    async def _watch(self) -> None:
        while self.valid:
            await asyncio.sleep(self.check_seconds)
            await self.fresh(time.monotonic())

    async def admit(self, payload: dict[str, Any]) -> Admitted | list[GraphQLError]:
        """The gate's verdict on one operation: the document to run, or the refusal."""
        request_data = SimpleNamespace(
            query=payload.get("query"),
            variables=payload.get("variables"),
            operation_name=payload.get("operationName"),
            extensions=payload.get("extensions"),
        )
        admitted: list[str | None] = []

        async def resolve(query: str | None) -> ExecutionResult:
            admitted.append(query)
            return ExecutionResult(data=None, errors=None)

        result = await self.view.state.gate.run(
            self.context,
            request_data,
            compiled_allowed=False,
            resolve=resolve,
            sub_response=_SubResponse(),
        )
        if not admitted:
            return list(result.errors or [refusal("refused")])
        if admitted[0] is None:
            return [refusal("the operation has no query", ErrorCode.INVALID_INPUT)]
        self.context.reset_loaders()
        query = admitted[0]
        document = self.view.state.gate.documents.prepare(query).document
        found = _operation(document, request_data.operation_name) if document else None
        subscription = found is None or found.operation is OperationType.SUBSCRIPTION
        return Admitted(query, dict(result.extensions or {}), subscription)

    def coded(self, result: Any, operation_name: str | None) -> Any:
        """``result`` with every error coded, the unexpected ones masked and logged, as
        the HTTP answer's are (streamed results do not pass the ErrorCodes extension)."""
        if result.errors:
            result.errors = [
                format_error(e, operation=operation_name, context=self.context)
                for e in result.errors
            ]
        return result

    def masked(self, error: Exception, operation_name: str | None) -> GraphQLError:
        """An unexpected failure before the operation ran, logged and masked (INTERNAL)."""
        wrapped = GraphQLError(str(error), original_error=error)
        return format_error(wrapped, operation=operation_name, context=self.context)

    async def close(self) -> None:
        """The socket is gone: stop watching, and give its slot back."""
        self.valid = False
        if self._watcher is not None:
            self._watcher.cancel()
        if self._slot is not None:
            self.view.connections.release(self._slot)
            self._slot = None
