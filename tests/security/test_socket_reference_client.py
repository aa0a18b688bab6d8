"""The socket attacks again through a reference client: gql's WebsocketsTransport speaking
``graphql-transport-ws`` to a real server in production mode, as an attacker with a
standard tool would, rather than hand-written protocol messages (tests/security/wire.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from gql import Client, GraphQLRequest
from gql.transport.exceptions import TransportQueryError
from gql.transport.websockets import WebsocketsTransport
from sqlalchemy import select
from websockets.exceptions import ConnectionClosed

from network.database import standalone_unit_of_work
from network.users.models import User
from tests.schema.notifications.inbox import probe
from tests.security.conftest import MEDIATOR, Served
from tests.security.test_socket_gate import DEEP
from tests.security.test_socket_viewer import CLOSED_WITHIN, IDENTITY, revoke


def client(served: Served, token: str | None = None) -> Client:
    transport = WebsocketsTransport(
        url=served.base.replace("http", "ws", 1) + "/graphql",
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],  # graphql-transport-ws
        init_payload={"authorization": f"Bearer {token}"} if token else {},
    )
    return Client(transport=transport, execute_timeout=10)


async def refusal(session: Any, document: str) -> list[dict[str, Any]]:
    try:
        await session.execute(GraphQLRequest(document))
    except TransportQueryError as error:
        return list(error.errors or [])
    raise AssertionError("the document ran")


def close_code(error: BaseException) -> int | None:
    """The close code the server sent, found in the chain of the client's exception."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ConnectionClosed) and seen.rcvd is not None:
            return seen.rcvd.code
        seen = seen.__cause__ or seen.__context__
    return None


async def test_a_31_level_query_is_refused_while_healthz_answers(served: Served) -> None:
    # given an anonymous attacker with a reference client, and someone asking /healthz
    async with client(served) as session, httpx.AsyncClient(base_url=served.base) as http:
        # when the attacker sends a 31-level query
        errors, health = await asyncio.gather(
            refusal(session, DEEP), http.get("/healthz", timeout=5)
        )

    # then it is refused before it runs, and the server kept answering
    assert [e["extensions"]["code"] for e in errors] == ["QUERY_TOO_COMPLEX"]
    assert health.status_code == 200


async def pushed_a_probe(served: Served, email: str, received: list[dict[str, Any]]) -> bool:
    """Whether the subscription of ``email`` pushes a probe notification: it then listens.
    A probe written before it took its starting point is not pushed, so probe again."""
    async with standalone_unit_of_work(served.db_url) as uow:
        user_id = await uow.session.scalar(select(User.id).where(User.email == email))
    assert user_id is not None
    for _ in range(10):
        await probe(served.db_url, user_id)
        for _ in range(30):
            if received:
                return True
            await asyncio.sleep(0.1)
    return False


async def test_a_revoked_tokens_subscription_is_closed_without_identity(served: Served) -> None:
    # given a mediator's reference client subscribed, and reading identity before revocation
    token = served.login()
    received: list[dict[str, Any]] = []
    async with client(served, token) as session:
        assert (await session.execute(GraphQLRequest(IDENTITY)))["youths"]["nodes"]

        async def listen() -> None:
            request = GraphQLRequest("subscription { notificationAdded { id body } }")
            async for event in session.subscribe(request):
                received.append(event)

        listening = asyncio.create_task(listen())
        assert await pushed_a_probe(served, MEDIATOR, received)
        probes = len(received)

        # when the token is revoked
        await revoke(served, token)

        # then the server closes the socket with 4401 within the bound, nothing delivered
        try:
            await asyncio.wait_for(listening, CLOSED_WITHIN)
        except Exception as error:  # the client reports the closed connection
            code = close_code(error)
        else:
            code = None
    assert code == 4401
    assert received[probes:] == []
