"""The frontend's flows through the Python ``gql`` client: over HTTP (httpx), and over
both WebSocket protocols (graphql-transport-ws and the legacy graphql-ws)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from gql import Client, GraphQLRequest
from gql.client import AsyncClientSession
from gql.transport.httpx import HTTPXAsyncTransport
from gql.transport.websockets import WebsocketsTransport

from tests.clients.conftest import Served
from tests.clients.documents import (
    ACCEPT,
    ACTOR_MAP,
    CREATE,
    EVENTS,
    FES_MEKNES,
    LOGIN,
    MEDIATOR,
    NOTE,
    NOTIFICATIONS,
    PAGE,
    PASSWORD,
    RECEIVER,
    referral_input,
)

TRANSPORTS = [
    "http",
    WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL,
    WebsocketsTransport.APOLLO_SUBPROTOCOL,
]


@asynccontextmanager
async def session(
    served: Served, transport: str, token: str | None = None
) -> AsyncIterator[AsyncClientSession]:
    """A gql session; over HTTP, or over a socket speaking ``transport``."""
    bearer = {"Authorization": f"Bearer {token}"} if token else {}
    chosen: Any
    if transport == "http":
        chosen = HTTPXAsyncTransport(url=served.graphql, headers=bearer, timeout=30)
    else:
        chosen = WebsocketsTransport(
            url=served.ws,
            subprotocols=[transport],
            init_payload={k.lower(): v for k, v in bearer.items()},
        )
    async with Client(transport=chosen, execute_timeout=30) as opened:
        yield opened


async def run(opened: AsyncClientSession, document: str, **variables: Any) -> dict[str, Any]:
    return await opened.execute(GraphQLRequest(document, variable_values=variables))


async def first_of(opened: AsyncClientSession, document: str, match: Any) -> dict[str, Any]:
    """The first event of a subscription that ``match`` accepts."""
    async for event in opened.subscribe(GraphQLRequest(document)):
        if match(event):
            return event
    raise AssertionError("the subscription ended")


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_frontend_flows_through_gql(served: Served, transport: str) -> None:
    # the actor map, anonymously, with variables
    async with session(served, transport) as anonymous:
        found = await run(anonymous, ACTOR_MAP, territory=FES_MEKNES, axes=["EMPLOYMENT"], first=5)
        assert found["actors"]["totalCount"] >= 1
        assert all(a["services"]["nodes"] for a in found["actors"]["nodes"])

        # pagination to the end: every actor once
        seen: list[str] = []
        after = None
        while True:
            page = (await run(anonymous, PAGE, after=after))["actors"]
            seen += [node["id"] for node in page["nodes"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert len(seen) == len(set(seen)) == page["totalCount"] > 25

        # signing in with the login mutation
        tokens = {}
        for email in (MEDIATOR, RECEIVER):
            signed = (await run(anonymous, LOGIN, email=email, password=PASSWORD))["login"]
            assert signed["userErrors"] == []
            tokens[email] = signed["token"]

    # subscriptions ride a graphql-transport-ws socket when the client speaks HTTP
    live = WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL if transport == "http" else transport
    async with (
        session(served, transport, tokens[MEDIATOR]) as mediator,
        session(served, live, tokens[MEDIATOR]) as listening,
        session(served, transport, tokens[RECEIVER]) as receiver,
    ):
        # the mediator listens for notifications and referral events, then refers Yassine
        heard: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        wanted: dict[str, str] = {}
        notified = asyncio.create_task(
            first_of(
                listening,
                NOTIFICATIONS,
                lambda e: (e["notificationAdded"]["referral"] or {}).get("id") == wanted.get("id"),
            )
        )
        events = asyncio.create_task(_relay(listening, EVENTS, heard))
        key = f"{transport}-{uuid.uuid4()}"
        created = await run(mediator, CREATE, input=referral_input(key))
        referral = created["createReferral"]["referral"]
        assert created["createReferral"]["userErrors"] == [] and referral["status"] == "SENT"
        wanted["id"] = referral["id"]
        referral = await _until_live(mediator, heard, referral)

        # the agency accepts it
        given = {"id": referral["id"], "version": referral["version"]}
        answered = (await run(receiver, ACCEPT, input=given))["acceptReferral"]
        assert answered["userErrors"] == [] and answered["referral"]["status"] == "ACCEPTED"

        # and the mediator hears the event, then the notification
        while (kind := await _event(heard, referral["id"])) in {"CREATED", "NOTE"}:
            pass
        assert kind == "ACCEPTED"
        notification = await asyncio.wait_for(notified, 60)
        assert notification["notificationAdded"]["kind"] == "REFERRAL_STATUS_CHANGED"
        events.cancel()


async def _relay(opened: AsyncClientSession, document: str, into: asyncio.Queue[Any]) -> None:
    async for event in opened.subscribe(GraphQLRequest(document)):
        await into.put(event["referralEvents"])


async def _until_live(
    mediator: AsyncClientSession, heard: asyncio.Queue[dict[str, Any]], referral: dict[str, Any]
) -> dict[str, Any]:
    """Add notes until an event of the referral comes back: from then on the subscription
    is live. The referral as the last note left it."""
    for sent in range(20):
        try:
            await _event(heard, referral["id"], 1.0)
            return referral
        except TimeoutError:
            noted = await run(
                mediator, NOTE, input={"id": referral["id"], "note": f"liaison {sent}"}
            )
            referral = noted["addReferralNote"]["referral"]
    raise AssertionError("the subscription never went live")


async def _event(
    heard: asyncio.Queue[dict[str, Any]], referral_id: str, seconds: float = 30
) -> str:
    """The kind of the next event heard about ``referral_id``."""
    while True:
        event = await asyncio.wait_for(heard.get(), seconds)
        if event["referral"]["id"] == referral_id:
            return event["kind"]  # type: ignore[no-any-return]
