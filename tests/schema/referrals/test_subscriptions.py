"""``referralEvents`` over graphql-transport-ws, across two API processes on one Redis."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from network.ids import to_global_id
from tests.api import running_api
from tests.factories import Person
from tests.schema.referrals.fixtures import (
    CREATE,
    INPUT_TYPES,
    Network,
    network,
    transition_mutation,
)
from tests.schema.referrals.servers import api_processes, server_environment
from tests.services import redis_url

SUBSCRIPTION = """
subscription { referralEvents { kind fromStatus toStatus note referral { id status } } }
"""


@asynccontextmanager
async def subscriber(base: str, who: Person, *, in_header: bool) -> AsyncIterator[ClientConnection]:
    """A subscription to referralEvents, signed in by header or in connection_init."""
    url = base.replace("http", "ws", 1) + "/graphql"
    bearer = f"Bearer {who.token}"
    headers = {"Authorization": bearer} if in_header else {}
    payload = {} if in_header else {"authorization": bearer}
    async with connect(
        url, subprotocols=[Subprotocol("graphql-transport-ws")], additional_headers=headers
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION}})
        )
        yield ws


async def next_event(ws: ClientConnection, seconds: float) -> dict[str, Any] | None:
    """The next event pushed within ``seconds``, or None."""
    try:
        message = json.loads(await asyncio.wait_for(ws.recv(), seconds))
    except TimeoutError:
        return None
    assert message["type"] == "next", message
    assert "errors" not in message["payload"], message
    return message["payload"]["data"]["referralEvents"]  # type: ignore[no-any-return]


async def call(client: httpx.AsyncClient, who: Person, query: str, given: dict[str, Any]) -> Any:
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": {"input": given}},
        headers={"authorization": f"Bearer {who.token}"},
    )
    answer = response.json()
    assert "errors" not in answer, answer
    payload = next(iter(answer["data"].values()))
    assert payload["userErrors"] == [], payload
    return payload["referral"]


async def test_events_reach_subscribers_of_another_process(db_url: str, tmp_path: Path) -> None:
    # given a referral network, and two API processes on one database and one Redis
    async with running_api(db_url, tmp_path / "var") as api:
        world = await network(api)
    env = server_environment(db_url, tmp_path / "var", JISR_REDIS_URL=redis_url())
    with api_processes(2, env) as (first, second):
        async with (
            httpx.AsyncClient(base_url=first, timeout=10) as client,
            subscriber(second, world.outsider_staff, in_header=True) as outsider,
            subscriber(second, world.mediator, in_header=False) as mediator,
        ):
            referral = await sent_while_live(client, world, mediator)

            # when the receiver accepts the referral through the first process
            await moved(client, world.receiver_staff, "acceptReferral", referral, "Accueil lundi")

            # then the mediator, subscribed to the second process, hears it
            pushed = await next_event(mediator, 10)
            assert pushed == {
                "kind": "ACCEPTED",
                "fromStatus": "SENT",
                "toStatus": "ACCEPTED",
                "note": "Accueil lundi",
                "referral": {"id": referral["id"], "status": "ACCEPTED"},
            }

            # and the outsider, whose subscription is live, heard nothing of that referral
            theirs = await call(
                client,
                world.mediator,
                CREATE,
                {
                    "youthId": world.youth_id,
                    "toActorId": to_global_id("Actor", world.outsider),
                    "axis": "SOCIAL_PARTICIPATION",
                    "reason": "Activités",
                },
            )
            first_heard = await next_event(outsider, 2.0)
            assert first_heard is not None
            assert first_heard["referral"]["id"] == theirs["id"]
            assert first_heard["kind"] == "CREATED"


async def test_without_redis_events_fan_out_in_process(db_url: str, tmp_path: Path) -> None:
    # given one API process without Redis, and a subscriber signed in by header
    async with running_api(db_url, tmp_path / "var") as api:
        world = await network(api)
    env = server_environment(db_url, tmp_path / "var")
    with api_processes(1, env) as (only,):
        async with (
            httpx.AsyncClient(base_url=only, timeout=10) as client,
            subscriber(only, world.receiver_staff, in_header=True) as receiver,
        ):
            referral = await sent_while_live(client, world, receiver)

            # when the mediator cancels the referral
            await moved(client, world.mediator, "cancelReferral", referral, "Plus utile")

            # then the receiver hears it
            pushed = await next_event(receiver, 10)
            assert pushed is not None
            assert (pushed["kind"], pushed["note"]) == ("CANCELLED", "Plus utile")


async def moved(
    client: httpx.AsyncClient, who: Person, name: str, referral: dict[str, Any], note: str
) -> Any:
    """The referral after ``who`` ran the transition ``name`` on its first version."""
    mutation = transition_mutation(name, INPUT_TYPES[name])
    return await call(client, who, mutation, {"id": referral["id"], "version": 1, "note": note})


async def sent_while_live(
    client: httpx.AsyncClient, world: Network, ws: ClientConnection
) -> dict[str, Any]:
    """A referral the mediator sends to the receiver's service, once the subscription
    ``ws`` is live (it hears the mediator's notes on it)."""
    to_service = {"youthId": world.youth_id, "serviceId": world.service_id, "reason": "Formation"}
    referral: dict[str, Any] = await call(client, world.mediator, CREATE, to_service)
    await _until_live(client, world.mediator, ws, referral["id"])
    return referral


async def _until_live(
    client: httpx.AsyncClient, who: Person, ws: ClientConnection, referral_id: str
) -> None:
    """Add numbered notes until one comes back through the subscription, then read up
    to the last one sent: from then on the subscription is live and nothing is pending."""
    note = transition_mutation("addReferralNote", INPUT_TYPES["addReferralNote"])
    for sent in range(1, 21):
        await call(client, who, note, {"id": referral_id, "note": f"liaison {sent}"})
        heard = await next_event(ws, 1.0)
        if heard is None:
            continue
        while heard["note"] != f"liaison {sent}":
            heard = await next_event(ws, 10.0)
            assert heard is not None, "a note sent while live was not pushed"
        return
    raise AssertionError("the subscription never went live")
