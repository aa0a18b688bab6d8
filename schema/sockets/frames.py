"""WebSocket frames as text (what every client expects), with a message size limit.

orjson still encodes them: its bytes are decoded to the ``str`` of a text frame. A
message larger than ``JISR_WS_MAX_MESSAGE_BYTES`` closes the connection with 1009
before it is parsed.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, Mapping
from json import JSONDecodeError
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import orjson
from starlette.websockets import WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import NonJsonMessageReceived, NonTextMessageReceived

if TYPE_CHECKING:
    from schema.app import AppState

MESSAGE_TOO_BIG = 1009


@runtime_checkable
class StatefulView(Protocol):
    """The app's GraphQL view (``JisrGraphQL``), which carries the app's state."""

    state: AppState


class TextFrames(ASGIWebSocketAdapter):
    @property
    def open(self) -> bool:
        return (
            self.ws.application_state != WebSocketState.DISCONNECTED
            and self.ws.client_state != WebSocketState.DISCONNECTED
        )

    async def iter_json(
        self, *, ignore_parsing_errors: bool = False
    ) -> AsyncGenerator[object, None]:
        assert isinstance(self.view, StatefulView)
        limit = self.view.state.settings.ws_max_message_bytes
        try:
            while self.open:
                message = await self.ws.receive()
                if message["type"] == "websocket.disconnect":
                    return
                text = message.get("text")
                if text is None:
                    raise NonTextMessageReceived
                if len(text) > limit // 4 and len(text.encode()) > limit:
                    await self.close(MESSAGE_TOO_BIG, f"message larger than {limit} bytes")
                    return
                try:
                    yield self.view.decode_json(text)
                except JSONDecodeError as error:
                    if not ignore_parsing_errors:
                        raise NonJsonMessageReceived from error
        except WebSocketDisconnect:
            pass

    async def send_json(self, message: Mapping[str, object]) -> None:
        """Sends nothing once the connection is closed (an operation may still finish)."""
        if not self.open:
            return
        with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
            await self.ws.send_text(orjson.dumps(message).decode())

    async def close(self, code: int, reason: str) -> None:
        """Closes once; later calls (a second refusal, the peer gone) do nothing."""
        if not self.open:
            return
        with contextlib.suppress(RuntimeError, OSError):
            await self.ws.close(code=code, reason=reason)
