"""The graphql-transport-ws protocol (the ``graphql-ws`` library's), through the guard."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)
from strawberry.types.execution import ExecutionResult, PreExecutionError

from schema.context import Context
from schema.sockets.guard import Admitted, SocketGuard, acknowledge, too_many_operations


class GatedTransportWS(BaseGraphQLTransportWSHandler[Context, None]):
    def __init__(self, **arguments: Any) -> None:
        super().__init__(**arguments)
        self.guard = SocketGuard(self.view, self.websocket, self.context)
        self._admitted: dict[str, tuple[float | None, dict[str, Any]]] = {}

    async def shutdown(self) -> None:
        await self.guard.close()
        await super().shutdown()

    async def handle_message(self, message: Any) -> None:
        """A message that is not an object with well-typed fields closes with 4400."""
        try:
            if not isinstance(message, dict):
                raise TypeError("not an object")
            await super().handle_message(message)  # type: ignore[arg-type]
        except TypeError:
            await self.handle_invalid_message("Failed to parse message")

    async def handle_connection_init(self, message: Any) -> None:
        if self.connection_timed_out:
            return
        if self.connection_init_timeout_task:
            self.connection_init_timeout_task.cancel()
        payload = message.get("payload")
        payload = {} if payload is None else payload
        if not isinstance(payload, dict):
            await self.websocket.close(code=4400, reason="Invalid connection init payload")
            return
        if self.connection_init_received:
            await self.websocket.close(code=4429, reason="Too many initialisation requests")
            return
        self.connection_init_received = True
        self.context.connection_params = payload
        refused = await self.guard.connect(payload)
        if refused is not None:
            await self.websocket.close(*refused)
            return
        await acknowledge(self)

    async def handle_subscribe(self, message: Any) -> None:
        if not self.connection_acknowledged:
            await self.websocket.close(code=4401, reason="Unauthorized")
            return
        payload = message["payload"]
        if not isinstance(payload, dict):
            await self.handle_invalid_message("Failed to parse message")
            return
        if message["id"] in self.operations:
            reason = f"Subscriber for {message['id']} already exists"
            await self.websocket.close(code=4409, reason=reason)
            return
        if len(self.operations) >= self.guard.max_operations:
            error = too_many_operations(self.guard.max_operations)
            await self.send_message(
                {"id": message["id"], "type": "error", "payload": [error.formatted]}
            )
            return
        operation = Operation(
            self,
            message["id"],
            payload.get("query"),  # type: ignore[arg-type]
            payload.get("variables"),
            payload.get("operationName"),
        )
        operation.task = asyncio.create_task(self._gated(operation, payload, time.monotonic()))
        operation.task.add_done_callback(self._task_done)
        self.operations[message["id"]] = operation

    async def _gated(
        self, operation: Operation[Context, None], payload: dict[str, Any], arrived: float
    ) -> None:
        try:
            if not await self.guard.fresh(arrived):
                return
            verdict = await self.guard.admit(payload)
        except Exception as error:
            masked = self.guard.masked(error, operation.operation_name)
            await operation.send_initial_errors([masked])
            return
        if not isinstance(verdict, Admitted):
            await operation.send_initial_errors(verdict)
            return
        operation.query = verdict.query
        since = None if verdict.subscription else arrived
        self._admitted[operation.id] = (since, verdict.extensions)
        try:
            await self.run_operation(operation)
        finally:
            self._admitted.pop(operation.id, None)

    async def _send_result_stream(self, operation: Any, result_source: Any) -> None:
        """Each result is sent only if the viewer still holds: a query's or mutation's as
        of when it arrived, each event of a subscription as recently checked."""
        first = True
        arrived, cost = self._admitted.get(operation.id, (None, {}))
        async for result in result_source:
            self.guard.coded(result, operation.operation_name)
            if first and isinstance(result, PreExecutionError):
                await self._handle_pre_execution_error(operation, result)
                return
            if not isinstance(result, ExecutionResult):
                await self._reject_incremental_delivery(operation)
                return
            if first and arrived is not None:
                if not await self.guard.fresh(arrived):
                    return
            elif not await self.guard.recent():
                return
            if first and cost:
                result.extensions = {**(result.extensions or {}), **cost}
            await operation.send_next(result)
            first = False
