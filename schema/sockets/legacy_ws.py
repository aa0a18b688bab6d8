"""The legacy graphql-ws protocol (subscriptions-transport-ws), through the guard.

Strawberry's handler has no ``connection_init`` timeout and runs only subscriptions;
this one closes a socket not initialised in time with 4408, like the newer protocol,
and runs queries and mutations too, as the protocol's clients (old Apollo) send them.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import suppress
from typing import Any

from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import ConnectionErrorMessage
from strawberry.types.execution import PreExecutionError

from network.errors import ErrorCode
from schema.context import Context
from schema.sockets.guard import Admitted, SocketGuard, acknowledge, too_many_operations


class GatedGraphQLWS(BaseGraphQLWSHandler[Context, None]):
    def __init__(self, **arguments: Any) -> None:
        super().__init__(**arguments)
        self.guard = SocketGuard(self.view, self.websocket, self.context)
        self.init_timeout: float = self.view.connection_init_wait_timeout.total_seconds()

    async def handle(self) -> None:
        timeout = asyncio.create_task(self._close_unless_initialised())
        try:
            await super().handle()
        finally:
            timeout.cancel()
            with suppress(asyncio.CancelledError):
                await timeout
            await self.guard.close()

    async def _close_unless_initialised(self) -> None:
        await asyncio.sleep(self.init_timeout)
        if not self.connection_acknowledged:
            await self.websocket.close(code=4408, reason="Connection initialisation timeout")

    async def handle_message(self, message: Any) -> None:
        """A message that is not an object with well-typed fields closes with 4400."""
        try:
            if not isinstance(message, dict):
                raise TypeError("not an object")
            await super().handle_message(message)  # type: ignore[arg-type]
        except (KeyError, TypeError):
            await self.websocket.close(code=4400, reason="Failed to parse message")

    async def handle_connection_init(self, message: Any) -> None:
        payload = message.get("payload")
        payload = {} if payload is None else payload
        if not isinstance(payload, dict) or self.connection_acknowledged:
            await self.send_message({"type": "connection_error"})
            await self.websocket.close(code=1000, reason="")
            return
        self.context.connection_params = payload
        refused = await self.guard.connect(payload)
        if refused is not None:
            code, reason = refused
            name = ErrorCode.UNAUTHENTICATED if code == 4401 else ErrorCode.RATE_LIMITED
            error: dict[str, object] = {"message": reason, "extensions": {"code": str(name)}}
            await self.send_message(ConnectionErrorMessage(type="connection_error", payload=error))
            await self.websocket.close(code=code, reason=reason)
            return
        await acknowledge(self)
        if self.keep_alive:
            self.keep_alive_task = asyncio.create_task(self.handle_keep_alive())

    async def handle_start(self, message: Any) -> None:
        if not self.connection_acknowledged:
            await self.websocket.close(code=4401, reason="Unauthorized")
            return
        operation_id = message["id"]
        if operation_id in self.tasks:
            await self.cleanup_operation(operation_id)
        payload = message.get("payload")
        if not isinstance(payload, dict):
            await self.send_message(
                {"type": "error", "id": operation_id, "payload": {"message": "no payload"}}
            )
            return
        if len(self.tasks) >= self.guard.max_operations:
            error = too_many_operations(self.guard.max_operations)
            await self.send_message(
                {"type": "error", "id": operation_id, "payload": error.formatted}
            )
            return
        self.tasks[operation_id] = asyncio.create_task(
            self._gated(operation_id, payload, time.monotonic())
        )

    async def _gated(self, operation_id: str, payload: dict[str, Any], arrived: float) -> None:
        try:
            if not await self.guard.fresh(arrived):
                return
            verdict = await self.guard.admit(payload)
            if not isinstance(verdict, Admitted):
                await self._error(operation_id, verdict[0].formatted)
                return
            source = await self.schema.stream(
                verdict.query,
                variable_values=payload.get("variables"),
                context_value=self.context,
                root_value=self.root_value,
                operation_name=payload.get("operationName"),
            )
            self.subscriptions[operation_id] = source
            first = True
            async for result in source:
                self.guard.coded(result, payload.get("operationName"))
                if first and isinstance(result, PreExecutionError):
                    assert result.errors
                    await self._error(operation_id, result.errors[0].formatted)
                    return
                single = first and not verdict.subscription
                if not await (self.guard.fresh(arrived) if single else self.guard.recent()):
                    return
                if first and verdict.extensions:
                    result.extensions = {**(result.extensions or {}), **verdict.extensions}
                await self.send_data_message(result, operation_id)  # type: ignore[arg-type]
                first = False
            await self.send_message({"type": "complete", "id": operation_id})
        except asyncio.CancelledError:
            await self.send_message({"type": "complete", "id": operation_id})
        except Exception as error:
            masked = self.guard.masked(error, payload.get("operationName"))
            await self._error(operation_id, masked.formatted)
        finally:
            self.subscriptions.pop(operation_id, None)
            self.tasks.pop(operation_id, None)

    async def _error(self, operation_id: str, error: Any) -> None:
        await self.send_message({"type": "error", "id": operation_id, "payload": error})
