"""Attacks on the socket itself: frames too big, a socket never initialised, a bad token;
and what every client relies on: frames come as text."""

from __future__ import annotations

import json

from websockets.asyncio.client import connect

from tests.security.conftest import Served
from tests.security.wire import PROTOCOL, answer, closed, message, opened, ws_url


async def test_an_oversize_message_closes_the_socket(served: Served) -> None:
    # given a socket (whose messages may hold 20 000 bytes in this server)
    async with opened(served.base) as ws:
        # when the attacker sends a 30 000-byte message
        padding = " " * 30_000
        await ws.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": "{a}"}}) + padding
        )

        # then the server closes it as too big, running nothing
        code, reason, received = await closed(ws, 10)
    assert code == 1009
    assert "20000" in reason
    assert received == []


async def test_a_socket_without_connection_init_is_closed_after_the_timeout(
    served: Served,
) -> None:
    # given a socket that never sends connection_init (the server waits 1 s here)
    async with opened(served.base, init=False) as ws:
        # then the server closes it, having sent nothing
        code, reason, received = await closed(ws, 10)
    assert code == 4408
    assert "timeout" in reason.lower()
    assert received == []


async def test_the_legacy_protocol_closes_an_uninitialised_socket_too(served: Served) -> None:
    async with opened(served.base, init=False, protocol="graphql-ws") as ws:
        code, _, received = await closed(ws, 10)
    assert code == 4408
    assert received == []


async def test_an_invalid_token_is_refused_in_graphql_terms(served: Served) -> None:
    # given a token that was never issued, in connection_init and in the header
    async with opened(served.base, init=False) as ws:
        await ws.send(
            json.dumps({"type": "connection_init", "payload": {"authorization": "Bearer junk"}})
        )
        code, reason, received = await closed(ws, 10)
    async with connect(
        ws_url(served.base),
        subprotocols=[PROTOCOL],  # type: ignore[list-item]
        additional_headers={"Authorization": "Bearer junk"},
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        by_header = await closed(ws, 10)

    # then both are closed with 4401, saying why as GraphQL and RFC 6750 would
    assert (code, received) == (4401, [])
    assert "UNAUTHENTICATED" in reason and "invalid_token" in reason
    assert by_header == (code, reason, [])


async def test_frames_are_text_for_both_protocols(served: Served) -> None:
    async with opened(served.base) as ws:  # opened() and message() accept text frames only
        reply = await answer(ws, "{ territories { code } }")
    assert reply["data"]["territories"]
    async with opened(served.base, protocol="graphql-ws") as ws:
        await ws.send(
            json.dumps(
                {"id": "1", "type": "start", "payload": {"query": "{ territories { code } }"}}
            )
        )
        data = await message(ws)
        assert data["type"] == "data" and data["payload"]["data"]["territories"], data
        assert await message(ws) == {"type": "complete", "id": "1"}
