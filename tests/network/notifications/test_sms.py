"""Text messages go through the HTTP gateway: to the user's phone, with the gateway's
token, once, even when the gateway refuses the first attempt."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from network.database import standalone_unit_of_work
from network.enums import NotificationKind
from network.users.models import User
from tests.api import test_settings as settings_for
from tests.network.notifications.outbox_data import (
    STAFF,
    choose_channels,
    deliver_all,
    make_due,
    messages,
    queue_reminders,
    user_id,
)
from tests.network.notifications.servers import sms_gateway

PHONE = "+212 600-000001"


async def test_a_text_reaches_the_gateway_once_after_a_refusal(db_url: str, tmp_path: Path) -> None:
    # given a staff member with a phone who chose text messages for follow-ups
    staff = await user_id(db_url, STAFF)
    async with standalone_unit_of_work(db_url) as uow:
        await uow.session.execute(update(User).where(User.id == staff).values(phone=PHONE))
    await choose_channels(db_url, staff, NotificationKind.FOLLOW_UP_DUE, ["SMS"])
    await queue_reminders(db_url, [staff], 1, kind=NotificationKind.FOLLOW_UP_DUE)

    with sms_gateway(refuse_first=1) as gateway:
        settings = settings_for(
            db_url, tmp_path / "var", sms_gateway_url=gateway.url, sms_gateway_token="t0ken"
        )
        # when it is delivered, refused, due again, and delivered again
        await deliver_all(db_url, settings)
        await make_due(db_url)
        await deliver_all(db_url, settings)

    # then the gateway took exactly one text, with the token, to the phone, under one key
    texts = [m for m in await messages(db_url) if m.channel == "SMS"]
    assert [(m.state, m.attempts) for m in texts] == [("SENT", 2)]
    statuses = [status for status, _, _ in gateway.requests]
    assert statuses == [503, 202]
    keys = {headers["key"] for _, headers, _ in gateway.requests}
    assert keys == {f"outbox-{texts[0].id}"}
    _, headers, body = gateway.requests[-1]
    assert headers["authorization"] == "Bearer t0ken"
    assert body["to"] == PHONE and body["text"]
