"""Delivering claimed messages in-process: channels, retries, dead letters, no duplicates."""

from __future__ import annotations

import mailbox
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from network import clock
from network.database import standalone_unit_of_work
from network.enums import NotificationKind
from network.notifications import hooks
from network.notifications.models import Notification, OutboxMessage
from network.users.models import User
from tests.api import test_settings as settings_for
from tests.network.notifications.outbox_data import (
    STAFF,
    choose_channels,
    deliver_all,
    make_due,
    messages,
    notifications,
    queue_reminders,
    states,
    user_id,
)
from tests.network.notifications.servers import mail_server

ARABIC_READER = "coordination.beni-mellal@jisr.example.ma"


async def test_in_app_notification_is_written_once_and_announced(
    db_url: str, tmp_path: Path
) -> None:
    # given a reminder to an Arabic reader, and a listener
    reader = await user_id(db_url, ARABIC_READER)
    await queue_reminders(db_url, [reader], 1, kind=NotificationKind.FOLLOW_UP_DUE)
    heard: list[Notification] = []

    async def listener(notification: Notification) -> None:
        heard.append(notification)

    hooks.on_notification(listener)
    settings = settings_for(db_url, tmp_path / "var")
    try:
        # when it is delivered twice
        await deliver_all(db_url, settings)
        await deliver_all(db_url, settings)
    finally:
        hooks._listeners.remove(listener)

    # then one notification in Arabic exists, was announced once, and the message is SENT
    (notification,) = await notifications(db_url)
    assert notification.user_id == reader
    assert notification.title == "موعد تتبع التوجيه R-0001"
    assert [n.id for n in heard] == [notification.id]
    assert await states(db_url) == {"SENT": 1}


async def test_email_lands_in_the_maildir_without_smtp_host(db_url: str, tmp_path: Path) -> None:
    # given a response-due reminder to an Arabic reader, and no SMTP host
    reader = await user_id(db_url, ARABIC_READER)
    await queue_reminders(db_url, [reader], 1)
    settings = settings_for(db_url, tmp_path / "var")

    # when it is delivered
    await deliver_all(db_url, settings)

    # then the maildir holds one email, plain text and right-to-left HTML, with its id
    email_row = next(m for m in await messages(db_url) if m.channel == "EMAIL")
    (mail,) = list(mailbox.Maildir(settings.maildir, create=False))
    assert mail["Message-ID"] == f"<outbox-{email_row.id}@localhost>"
    assert mail["To"] == ARABIC_READER
    parts = {part.get_content_type(): part.get_payload(decode=True) for part in mail.walk()}
    text, html = parts["text/plain"], parts["text/html"]
    assert isinstance(text, bytes) and isinstance(html, bytes)
    assert "التوجيه R-0001" in text.decode()
    assert '<html lang="ar" dir="rtl">' in html.decode()


async def test_refused_email_is_retried_later_then_dead(db_url: str, tmp_path: Path) -> None:
    # given one email reminder and an SMTP server that refuses everything, two attempts
    staff = await user_id(db_url, STAFF)
    await choose_channels(db_url, staff, NotificationKind.FOLLOW_UP_DUE, ["EMAIL"])
    await queue_reminders(db_url, [staff], 1, kind=NotificationKind.FOLLOW_UP_DUE)
    with mail_server(refuse_all=True) as smtp:
        settings = settings_for(
            db_url,
            tmp_path / "var",
            smtp_host="127.0.0.1",
            smtp_port=smtp.port,
            outbox_max_attempts=2,
        )

        # when it is delivered: refused once
        await deliver_all(db_url, settings)
        email_row = next(m for m in await messages(db_url) if m.channel == "EMAIL")

        # then it waits for a later attempt
        assert (email_row.state, email_row.attempts, email_row.last_error) == (
            "PENDING",
            1,
            "SMTP 451",
        )
        assert email_row.due_at > clock.now() + timedelta(seconds=10)

        # when it is due again and refused again
        await deliver_all(db_url, settings)
        assert await states(db_url, "EMAIL") == {"PENDING": 1}
        await make_due(db_url)
        await deliver_all(db_url, settings)

    # then it is dead after its last attempt
    assert await states(db_url, "EMAIL") == {"DEAD": 1}
    assert sum(smtp.attempts.values()) == 2


async def test_permanent_refusal_is_dead_at_once(db_url: str, tmp_path: Path) -> None:
    staff = await user_id(db_url, STAFF)
    await queue_reminders(db_url, [staff], 1)
    with mail_server(refuse_permanently=True) as smtp:
        settings = settings_for(
            db_url, tmp_path / "var", smtp_host="127.0.0.1", smtp_port=smtp.port
        )
        await deliver_all(db_url, settings)
    email_row = next(m for m in await messages(db_url) if m.channel == "EMAIL")
    assert (email_row.state, email_row.attempts, email_row.last_error) == ("DEAD", 1, "SMTP 550")


async def test_a_message_whose_recipient_is_gone_is_dead_quietly(
    db_url: str, tmp_path: Path
) -> None:
    # given reminders to a staff member who was then deactivated
    staff = await user_id(db_url, STAFF)
    await queue_reminders(db_url, [staff], 1)
    async with standalone_unit_of_work(db_url) as uow:
        await uow.session.execute(update(User).where(User.id == staff).values(active=False))

    # when they are delivered
    await deliver_all(db_url, settings_for(db_url, tmp_path / "var"))

    # then both are dead, and nothing was written
    assert await states(db_url) == {"DEAD": 2}
    assert {m.last_error for m in await messages(db_url)} == {"recipient gone"}
    assert await notifications(db_url) == []


async def test_a_message_held_by_a_live_claim_is_left_alone(db_url: str, tmp_path: Path) -> None:
    # given an in-app reminder claimed by another worker whose lease runs
    staff = await user_id(db_url, STAFF)
    await queue_reminders(db_url, [staff], 1, kind=NotificationKind.FOLLOW_UP_DUE)
    async with standalone_unit_of_work(db_url) as uow:
        await uow.session.execute(
            update(OutboxMessage).values(
                state="SENDING", attempts=1, lease_until=clock.now() + timedelta(minutes=5)
            )
        )

    # when this worker is asked to deliver it
    await deliver_all(db_url, settings_for(db_url, tmp_path / "var"))

    # then it does nothing
    assert await states(db_url) == {"SENDING": 1}
    assert await notifications(db_url) == []
