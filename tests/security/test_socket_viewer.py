"""A socket does not outlive its viewer: a revoked token or a deactivated user loses
the socket within seconds, and nothing about a young person is delivered after."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import update

from network.clock import now
from network.database import standalone_unit_of_work
from network.users.models import ApiToken, User
from network.users.passwords import token_digest
from tests.security.conftest import Served
from tests.security.wire import answer, closed, opened, subscribe

IDENTITY = "{ youths(first: 5) { nodes { firstName birthDate } } }"
CLOSED_WITHIN = 5.0


def identities(messages: list[dict[str, Any]]) -> list[Any]:
    """Every young person's first name or birth date carried by ``messages``."""
    found = []
    for each in messages:
        data = (
            (each.get("payload") or {}).get("data")
            if isinstance(each.get("payload"), dict)
            else None
        )
        for node in ((data or {}).get("youths") or {}).get("nodes") or ():
            found += [v for v in (node.get("firstName"), node.get("birthDate")) if v]
    return found


async def revoke(served: Served, token: str) -> None:
    async with standalone_unit_of_work(served.db_url) as uow:
        await uow.session.execute(
            update(ApiToken)
            .where(ApiToken.token_hash == token_digest(token))
            .values(revoked_at=now())
        )


async def test_a_revoked_tokens_sockets_close_and_deliver_no_identity(served: Served) -> None:
    # given a mediator's token, one idle socket holding a subscription, and one reading
    # the young people it follows (their names come through before revocation)
    token = served.login()
    async with opened(served.base, token) as idle, opened(served.base, token) as reading:
        await subscribe(idle, "1", "subscription { notificationAdded { id } }")
        before = await answer(reading, IDENTITY)
        assert identities([{"payload": before}])

        # when the token is revoked, and the reader asks again at once
        await revoke(served, token)
        await subscribe(reading, "again", IDENTITY)

        # then both sockets are closed with 4401 within 5 s, and no identity came after
        idle_code, idle_reason, _ = await closed(idle, CLOSED_WITHIN)
        code, reason, received = await closed(reading, CLOSED_WITHIN)
    assert idle_code == code == 4401
    assert "invalid_token" in reason and "invalid_token" in idle_reason
    assert identities(received) == []


async def test_a_deactivated_users_socket_is_closed(served: Served) -> None:
    # given a coordinator of the demo network on an open socket
    email = "coordination.fes-meknes@jisr.example.ma"
    token = served.login(email)
    async with opened(served.base, token) as ws:
        await subscribe(ws, "1", "subscription { notificationAdded { id } }")

        # when an administrator deactivates the user
        async with standalone_unit_of_work(served.db_url) as uow:
            await uow.session.execute(update(User).where(User.email == email).values(active=False))

        # then the socket is closed within 5 s
        code, reason, received = await closed(ws, CLOSED_WITHIN)
    assert code == 4401 and "UNAUTHENTICATED" in reason
    assert [m for m in received if m.get("type") == "next"] == []


async def test_a_callers_sockets_are_capped_per_token(served: Served) -> None:
    # given a token already holding the 4 sockets a token may hold here
    token = served.login()
    async with (
        opened(served.base, token),
        opened(served.base, token),
        opened(served.base, token),
        opened(served.base, token),
        opened(served.base, init=False) as fifth,
    ):
        # when a fifth signs in with it
        init = {"type": "connection_init", "payload": {"authorization": f"Bearer {token}"}}
        await fifth.send(json.dumps(init))

        # then it is refused, as a rate limit
        code, reason, received = await closed(fifth, 10)
    assert (code, received) == (4429, [])
    assert "RATE_LIMITED" in reason
    # and once they are closed, the token may connect again
    async with opened(served.base, token) as again:
        assert (await answer(again, "{ me { id } }"))["data"]["me"]
