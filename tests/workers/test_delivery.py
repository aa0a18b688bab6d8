"""A real worker on a real broker delivers queued messages exactly once, through a real
SMTP server; refused mail comes back later; partner webhooks are signed and retried."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from network.enums import NotificationKind, ReferralEventKind
from tests.api import test_settings as settings_for
from tests.cli.invoke import jisr_on
from tests.network.notifications.outbox_data import (
    STAFF,
    a_referral,
    add_webhook,
    all_sent,
    choose_channels,
    eventually,
    messages,
    notifications,
    queue_reminders,
    receiving_actor,
    states,
    user_id,
    webhook_events,
)
from tests.network.notifications.servers import MailServer, mail_server, webhook_receiver
from tests.services import broker_url, running_worker, ticking
from workers.app import JisrCelery, create_celery

FAST = {
    "outbox_lease_seconds": 3,
    "smtp_timeout_seconds": 2,
    "webhook_timeout_seconds": 2,
    "outbox_backoff_seconds": 0.2,
    "outbox_backoff_max_seconds": 0.5,
}


@contextmanager
def worker_on(
    db_url: str, var: Path, broker: str, smtp: MailServer, **overrides: Any
) -> Iterator[JisrCelery]:
    settings = settings_for(
        db_url,
        var,
        broker_url=broker_url(broker),
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        **(FAST | overrides),
    )
    app = create_celery(settings)
    with running_worker(app, concurrency=4):
        yield app


async def test_queued_messages_are_delivered_exactly_once(
    broker: str, db_url: str, tmp_path: Path
) -> None:
    # given 20 due reminders to a staff member (in-app and email each)
    staff = await user_id(db_url, STAFF)
    await queue_reminders(db_url, [staff], 20)

    with mail_server() as smtp, worker_on(db_url, tmp_path / "var", broker, smtp) as app:
        # when the relay ticks on a real worker
        async with ticking(app):
            delivered = await eventually(lambda: all_sent(db_url), 90)

    # then each email reached the server once, and each in-app notification exists once
    assert delivered, await states(db_url)
    assert len(smtp.ids()) == 20 and set(smtp.ids().values()) == {1}
    assert len({n.outbox_id for n in await notifications(db_url)}) == 20
    assert len(await notifications(db_url)) == 20


async def test_refused_mail_is_delivered_later_once_or_dead(db_url: str, tmp_path: Path) -> None:
    # given 5 reminders by email only, and a server refusing each message twice with 451
    staff = await user_id(db_url, STAFF)
    await choose_channels(db_url, staff, NotificationKind.FOLLOW_UP_DUE, ["EMAIL"])
    await queue_reminders(db_url, [staff], 5, kind=NotificationKind.FOLLOW_UP_DUE)

    with (
        mail_server(refuse_first=2) as smtp,
        worker_on(db_url, tmp_path / "var", "embedded", smtp) as app,
    ):
        # when the relay ticks
        async with ticking(app):
            delivered = await eventually(lambda: all_sent(db_url), 90)

    # then each was tried three times and accepted once
    assert delivered, await states(db_url)
    assert len(smtp.ids()) == 5 and set(smtp.ids().values()) == {1}
    assert set(smtp.attempts.values()) == {3}


async def test_mail_refused_n_times_is_dead_and_shows_in_the_status(
    db_url: str, tmp_path: Path
) -> None:
    # given 3 email reminders and a server refusing every attempt, 3 attempts at most
    staff = await user_id(db_url, STAFF)
    await choose_channels(db_url, staff, NotificationKind.FOLLOW_UP_DUE, ["EMAIL"])
    await queue_reminders(db_url, [staff], 3, kind=NotificationKind.FOLLOW_UP_DUE)

    with (
        mail_server(refuse_all=True) as smtp,
        worker_on(db_url, tmp_path / "var", "embedded", smtp, outbox_max_attempts=3) as app,
    ):
        # when the relay ticks until nothing is left to try
        async with ticking(app):
            settled = await eventually(lambda: _states_are(db_url, "EMAIL", {"DEAD": 3}), 90)

    # then each was refused three times, and `jisr outbox status` shows them dead
    assert settled, await states(db_url)
    assert set(smtp.attempts.values()) == {3} and smtp.ids() == {}
    result = await jisr_on(db_url, tmp_path / "var")("outbox", "status")
    assert result.exit_code == 0, result.output
    assert any(
        line.split()[:3] == ["EMAIL", "0", "0"] and line.split()[-1] == "3"
        for line in _rows(result.output)
    )


async def test_webhook_events_are_signed_and_received_once_after_failures(
    db_url: str, tmp_path: Path
) -> None:
    # given a webhook of the receiving actor whose receiver answers 500 twice to each event first
    with webhook_receiver("partner-secret", fail_first=2) as receiver, mail_server() as smtp:
        await add_webhook(
            db_url,
            actor_id=await receiving_actor(db_url),
            target=receiver.url,
            secret="partner-secret",
            events=[],
        )
        referral = await a_referral(db_url)
        kinds = (ReferralEventKind.SENT, ReferralEventKind.ACCEPTED, ReferralEventKind.STARTED)
        await webhook_events(db_url, referral, enumerate(kinds))

        allowed = {"webhook_allowed_hosts": ("127.0.0.1",)}
        with worker_on(db_url, tmp_path / "var", "embedded", smtp, **allowed) as app:
            # when the relay ticks
            async with ticking(app):
                delivered = await eventually(lambda: all_sent(db_url), 90)

    # then each event was tried three times with the same key, signed, and kept once
    assert delivered, [(m.attempts, m.last_error) for m in await messages(db_url)]
    assert receiver.bad_signatures == 0
    assert set(receiver.requests.values()) == {3}
    assert sorted(e["event"] for e in receiver.events.values()) == ["ACCEPTED", "SENT", "STARTED"]
    assert {e["data"]["status"] for e in receiver.events.values()} == {
        "ACCEPTED",
        "SENT",
        "STARTED",
    }


async def _states_are(url: str, channel: str, expected: dict[str, int]) -> bool:
    return await states(url, channel) == expected


def _rows(output: str) -> list[str]:
    return [line.replace("│", " ") for line in output.splitlines()]
