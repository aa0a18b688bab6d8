"""Live updates for the console's pages: server-sent events at ``/live``.

The stream runs the public subscriptions ``referralEvents`` and ``notificationAdded`` in
this process as the signed-in user (through the gate, fed by the same broadcaster as
the WebSocket clients) and tells the page which kind of thing changed; the page then
asks for its fresh parts as it would on a reload, so the stream carries no personal data.
Like a socket, the stream does not outlive its viewer: the token is judged again every
``JISR_WS_VIEWER_CHECK_SECONDS``, and a refused one ends the stream.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import orjson
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from web import sessions
from web.client import ConsoleError
from web.visit import Visit, page

HEARTBEAT_SECONDS = 15.0
STREAMS = {"LiveReferralEvents": "referral", "LiveNotifications": "notification"}


def _event(kind: str, data: dict[str, Any]) -> bytes:
    return b"event: " + kind.encode() + b"\ndata: " + orjson.dumps(data) + b"\n\n"


async def _pump(visit: Visit, name: str, kind: str, queue: asyncio.Queue[bytes | None]) -> None:
    try:
        async for data in visit.console.subscribe(visit.context, name):
            event = next(iter(data.values()), None) or {}
            referral = event.get("referral") or {}
            await queue.put(_event(kind, {"id": referral.get("id") or event.get("id")}))
    except ConsoleError:
        pass
    finally:
        await queue.put(None)


async def _still_signed_in(visit: Visit) -> bool:
    try:
        await visit.console.graphql.resolve_viewer(sessions.token_of(visit.request))
    except Exception:
        return False
    return True


async def _stream(visit: Visit) -> AsyncIterator[bytes]:
    queue: asyncio.Queue[bytes | None] = asyncio.Queue()
    listening = len(STREAMS)

    def listens() -> None:  # once every subscription listens, the page is told
        nonlocal listening
        listening -= 1
        if listening == 0:
            queue.put_nowait(_event("ready", {}))

    visit.context.listening = listens
    pumps = [asyncio.create_task(_pump(visit, name, kind, queue)) for name, kind in STREAMS.items()]
    check = visit.settings.ws_viewer_check_seconds
    loop = asyncio.get_running_loop()
    checked = loop.time()
    try:
        yield b"retry: 3000\n\n"
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), timeout=min(check, HEARTBEAT_SECONDS))
            except TimeoutError:
                item = b": heartbeat\n\n"
            if loop.time() - checked >= check:
                checked = loop.time()
                if not await _still_signed_in(visit):
                    yield _event("signed-out", {})
                    return
            if item is None:
                return
            yield item
    finally:
        for pump in pumps:
            pump.cancel()
        for pump in pumps:
            with contextlib.suppress(BaseException):
                await pump


@page
async def live(visit: Visit) -> Response:
    visit.require()
    return StreamingResponse(
        _stream(visit),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


routes = [Route("/live", live)]
