"""outboxDeadMessages and retryOutboxMessage: ADMIN reads the dead messages with their
error and sends one again; everyone else is refused and changes nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from network.database import standalone_unit_of_work
from network.ids import to_global_id
from network.notifications.models import OutboxMessage
from tests.api import Api
from tests.network.notifications.outbox_data import STAFF, messages, queue_reminders, user_id

DEAD = "{ outboxDeadMessages { id channel kind state attempts lastError } }"
RETRY = """
mutation($id: ID!) {
  retryOutboxMessage(id: $id) { outboxMessage { id state attempts } userErrors { code } }
}
"""
PASSWORD = "jisr-demo-2026"


async def one_dead(db_url: str) -> int:
    """One reminder queued by email, then given up after five attempts."""
    await queue_reminders(db_url, [await user_id(db_url, STAFF)], 1)
    message = next(m for m in await messages(db_url) if m.channel == "EMAIL")
    async with standalone_unit_of_work(db_url) as uow:
        await uow.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message.id)
            .values(state="DEAD", attempts=5, last_error="SMTP 550 mailbox unavailable")
        )
    return message.id


async def test_admin_sees_a_dead_message_and_sends_it_again(api: Api, db_url: str) -> None:
    # given one dead email
    pk = await one_dead(db_url)
    token = await api.login("admin@jisr.example.ma", PASSWORD)

    # when ADMIN reads the dead messages
    dead: Any = (await api.data(DEAD, token=token))["outboxDeadMessages"]

    # then it is there, with its error
    assert [(m["channel"], m["state"], m["attempts"], m["lastError"]) for m in dead] == [
        ("EMAIL", "DEAD", 5, "SMTP 550 mailbox unavailable")
    ]

    # when they send it again
    retried: Any = (await api.data(RETRY, {"id": dead[0]["id"]}, token=token))["retryOutboxMessage"]

    # then it waits to be sent, its attempts afresh, and is no longer dead
    assert retried == {
        "outboxMessage": {"id": dead[0]["id"], "state": "PENDING", "attempts": 0},
        "userErrors": [],
    }
    assert (await api.data(DEAD, token=token))["outboxDeadMessages"] == []
    again: Any = (await api.data(RETRY, {"id": dead[0]["id"]}, token=token))["retryOutboxMessage"]
    assert again["userErrors"] == [{"code": "INVALID_TRANSITION"}]
    assert {m.id: m.state for m in await messages(db_url)}[pk] == "PENDING"


async def test_others_are_refused(api: Api, db_url: str) -> None:
    # given a dead email and the staff of an actor
    pk = await one_dead(db_url)
    token = await api.login(STAFF, PASSWORD)

    # when they read the dead messages and try to send it again
    listed: Any = await api.gql(DEAD, token=token)
    retried: Any = await api.data(RETRY, {"id": to_global_id("OutboxMessage", pk)}, token=token)
    anonymous: Any = await api.gql(DEAD)

    # then both are refused, and the message stays dead
    assert listed["data"] is None
    assert listed["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert retried["retryOutboxMessage"] == {
        "outboxMessage": None,
        "userErrors": [{"code": "PERMISSION_DENIED"}],
    }
    assert {m.id: m.state for m in await messages(db_url)}[pk] == "DEAD"
