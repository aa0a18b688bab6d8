"""The attacker's side of a socket: graphql-transport-ws spoken frame by frame."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

PROTOCOL = "graphql-transport-ws"


def ws_url(base: str) -> str:
    return base.replace("http", "ws", 1) + "/graphql"


@asynccontextmanager
async def opened(
    base: str, token: str | None = None, *, init: bool = True, protocol: str = PROTOCOL
) -> AsyncIterator[ClientConnection]:
    """A socket, signed in with ``token`` in its connection_init (and acknowledged)."""
    async with connect(ws_url(base), subprotocols=[protocol], max_size=None, open_timeout=10) as ws:  # type: ignore[list-item]
        if init:
            payload = {"authorization": f"Bearer {token}"} if token else {}
            await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
            assert await message(ws) == {"type": "connection_ack"}
        yield ws


async def message(ws: ClientConnection, seconds: float = 10) -> dict[str, Any]:
    """The next message, which must come as a text frame."""
    frame = await asyncio.wait_for(ws.recv(), seconds)
    assert isinstance(frame, str), f"a binary frame: {frame!r}"
    return json.loads(frame)  # type: ignore[no-any-return]


async def subscribe(
    ws: ClientConnection, id: str, query: str, variables: dict[str, Any] | None = None
) -> None:
    payload = {"query": query, "variables": variables or {}}
    await ws.send(json.dumps({"id": id, "type": "subscribe", "payload": payload}))


async def answer(
    ws: ClientConnection, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The one answer to an operation: its ``next`` payload, or its errors as
    ``{"errors": [...]}`` when refused."""
    await subscribe(ws, "q", query, variables)
    first = await message(ws)
    assert first["id"] == "q", first
    if first["type"] == "error":
        return {"errors": first["payload"]}
    assert first["type"] == "next", first
    assert await message(ws) == {"id": "q", "type": "complete"}
    return first["payload"]  # type: ignore[no-any-return]


async def closed(ws: ClientConnection, seconds: float) -> tuple[int, str, list[dict[str, Any]]]:
    """Waits up to ``seconds`` for the server to close; its code and reason, and every
    message received meanwhile."""
    received: list[dict[str, Any]] = []

    async def drain() -> None:
        try:
            while True:
                received.append(json.loads(await ws.recv()))
        except ConnectionClosed:
            return

    await asyncio.wait_for(drain(), seconds)
    assert ws.close_code is not None
    return ws.close_code, ws.close_reason or "", received


def codes(errors: list[dict[str, Any]]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in errors]
