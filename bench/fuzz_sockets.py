"""The WebSocket half of ``python -m bench.fuzz``: schemathesis's generated operations
replayed over both socket protocols, plus subscriptions and malformed messages.

Every operation the HTTP fuzzing sent (read back from its HAR report) is sent again
over graphql-transport-ws and over the legacy graphql-ws, anonymously and signed in;
each must be answered (a result or an error), no socket may be closed with 1011 (a
server error) or dropped, and every error must carry ``extensions.code`` (an INTERNAL
one masked). Malformed messages must close their socket with a 4xxx code, never 1011.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

PROTOCOLS = ("graphql-transport-ws", "graphql-ws")
SUBSCRIPTIONS = [
    "subscription { notificationAdded { id kind } }",
    "subscription { referralEvents { kind referral { id } } }",
    'subscription { referralEvents(actorId: "QWN0b3I6MQ") { kind } }',
    "subscription { nope }",
]
MALFORMED = [
    "not json",
    "[1, 2]",
    '{"type": 7}',
    '{"type": "subscribe"}',
    '{"type": "subscribe", "id": [1], "payload": {}}',
    '{"type": "subscribe", "id": "x", "payload": "query"}',
    '{"type": "start", "id": "x", "payload": {"query": 5}}',
    '{"type": "unknown"}',
]
LOGIN = "mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}"
Unmasked = Callable[[dict[str, Any]], bool]
MEDIATOR = ("mediation.dar-al-amal@jisr.example.ma", "jisr-demo-2026")


@dataclass
class Tally:
    answers: Counter[str] = field(default_factory=Counter)
    closes: Counter[str] = field(default_factory=Counter)
    leaks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def operations(self) -> int:
        return sum(self.answers.values())

    @property
    def server_errors(self) -> int:
        bad = ("1011", "1006", "no answer")
        return sum(v for k, v in {**self.answers, **self.closes}.items() if k in bad)


def bodies_of(har: Path) -> list[dict[str, Any]]:
    """The GraphQL requests schemathesis sent, as JSON bodies."""
    found = []
    for entry in json.loads(har.read_text())["log"]["entries"]:
        text = (entry["request"].get("postData") or {}).get("text")
        try:
            body = json.loads(text) if text else None
        except ValueError:
            continue
        if isinstance(body, dict) and isinstance(body.get("query"), str):
            found.append(body)
    return found


class Socket:
    """One socket speaking ``protocol``, reopened when the server closes it."""

    def __init__(
        self, url: str, protocol: str, token: str | None, tally: Tally, unmasked: Unmasked
    ) -> None:
        self.url, self.protocol, self.token, self.tally = url, protocol, token, tally
        self.unmasked = unmasked
        self.ws: ClientConnection | None = None
        self.count = 0

    async def open(self) -> ClientConnection:
        if self.ws is None:
            self.ws = await connect(self.url, subprotocols=[self.protocol], max_size=None)  # type: ignore[list-item]
            payload = {"authorization": f"Bearer {self.token}"} if self.token else {}
            await self.ws.send(json.dumps({"type": "connection_init", "payload": payload}))
            while json.loads(await self.ws.recv())["type"] != "connection_ack":
                pass
        return self.ws

    async def run(self, body: dict[str, Any], *, subscription: bool = False) -> None:
        """Sends one operation and reads its answer (a subscription: then completes it)."""
        ws = await self.open()
        self.count += 1
        id = str(self.count)
        legacy = self.protocol == "graphql-ws"
        start, stop = ("start", "stop") if legacy else ("subscribe", "complete")
        await ws.send(json.dumps({"id": id, "type": start, "payload": body}))
        try:
            kind = await asyncio.wait_for(self._answer(ws, id, subscription), 30)
            if subscription and kind == "subscribed":
                await ws.send(json.dumps({"id": id, "type": stop}))
        except TimeoutError:
            kind = "no answer"
        except ConnectionClosed as closed:
            kind = "closed"
            self.tally.closes[str(closed.rcvd.code if closed.rcvd else 1006)] += 1
            self.ws = None
        self.tally.answers[kind] += 1

    async def _answer(self, ws: ClientConnection, id: str, subscription: bool) -> str:
        kind = "result"
        while True:
            try:
                message = json.loads(await asyncio.wait_for(ws.recv(), 1 if subscription else 30))
            except TimeoutError:
                if subscription:
                    return "subscribed"  # live, with no event yet
                raise
            if message.get("id") != id:
                continue
            errors = _errors(message)
            for error in errors:
                if not isinstance(error, dict) or self.unmasked(error):
                    self.tally.leaks.append(error)
            if message["type"] == "error":
                return "error"
            if message["type"] == "complete":
                return kind
            if errors:
                kind = "result with errors"

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


async def malformed(url: str, tally: Tally) -> None:
    for protocol in PROTOCOLS:
        for text in MALFORMED:
            async with connect(url, subprotocols=[protocol]) as ws:  # type: ignore[list-item]
                await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
                await ws.recv()
                await ws.send(text)
                try:
                    while True:
                        await asyncio.wait_for(ws.recv(), 5)
                except (TimeoutError, ConnectionClosed):
                    pass
                tally.closes[str(ws.close_code) if ws.close_code else "left open"] += 1


async def fuzz_sockets(base: str, har: Path, unmasked: Unmasked, *, at_least: int = 500) -> Tally:
    bodies = bodies_of(har)
    random.Random(7).shuffle(bodies)
    while bodies and len(bodies) * 2 * len(PROTOCOLS) < at_least:
        bodies += bodies
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        answer = await client.post(
            "/graphql", json={"query": LOGIN, "variables": dict(zip("ep", MEDIATOR, strict=True))}
        )
        token = answer.json()["data"]["login"]["token"]
    url = base.replace("http", "ws", 1) + "/graphql"
    tally = Tally()
    for protocol in PROTOCOLS:
        for who in (None, token):
            socket = Socket(url, protocol, who, tally, unmasked)
            for body in bodies:
                await socket.run(body)
            for query in SUBSCRIPTIONS:
                await socket.run({"query": query}, subscription=True)
            await socket.close()
    await malformed(url, tally)
    return tally


def _errors(message: dict[str, Any]) -> list[Any]:
    payload = message.get("payload")
    if isinstance(payload, list):
        return payload
    if message["type"] == "error":
        return [payload]
    return (payload or {}).get("errors") or [] if isinstance(payload, dict) else []
