"""Queueing: one row per recipient and channel, never twice for the same due message."""

from __future__ import annotations

from network import clock
from network.database import standalone_unit_of_work
from network.enums import NotificationKind, ReferralEventKind
from network.notifications.outbox import notify
from tests.network.notifications.outbox_data import (
    RESPONSE_DUE,
    STAFF,
    a_referral,
    add_webhook,
    choose_channels,
    messages,
    queue_reminders,
    receiving_actor,
    user_id,
    webhook_events,
)


async def test_referral_traffic_goes_in_app_and_by_email_once(db_url: str) -> None:
    # given a staff member without preferences
    staff = await user_id(db_url, STAFF)

    # when the same reminder is queued twice
    first = await queue_reminders(db_url, [staff], 1)
    second = await queue_reminders(db_url, [staff], 1)

    # then it is queued once per channel
    assert (first, second) == (2, 0)
    rows = await messages(db_url)
    assert sorted(r.channel for r in rows) == ["EMAIL", "IN_APP"]
    assert {r.dedupe_key.rsplit("|", 2)[-1] for r in rows} == {f"user:{staff}"}
    assert rows[0].payload == {"params": {**RESPONSE_DUE, "referral_code": "R-0001"}}


async def test_other_kinds_go_in_app_only_unless_chosen(db_url: str) -> None:
    # given a staff member who chose email and SMS for follow-ups but has no phone
    staff = await user_id(db_url, STAFF)
    await choose_channels(db_url, staff, NotificationKind.FOLLOW_UP_DUE, ["EMAIL", "SMS"])

    # when a follow-up and a check-in are queued
    await queue_reminders(db_url, [staff], 1, kind=NotificationKind.FOLLOW_UP_DUE)
    await queue_reminders(db_url, [staff], 1, kind=NotificationKind.POST_CARE_CHECK_IN)

    # then the follow-up goes in-app and by email, the check-in in-app only
    channels = sorted((r.kind.value, r.channel) for r in await messages(db_url))
    assert channels == [
        ("FOLLOW_UP_DUE", "EMAIL"),
        ("FOLLOW_UP_DUE", "IN_APP"),
        ("POST_CARE_CHECK_IN", "IN_APP"),
    ]


async def test_sms_needs_a_phone_and_a_choice(db_url: str) -> None:
    # given a staff member with a phone who chose SMS only for expiries
    staff = await user_id(db_url, STAFF)
    async with standalone_unit_of_work(db_url) as uow:
        from network.users.models import User

        user = await uow.session.get(User, staff)
        assert user is not None
        user.phone = "+212600000000"
    await choose_channels(db_url, staff, NotificationKind.REFERRAL_EXPIRED, ["SMS"])

    # when an expiry is queued
    await queue_reminders(db_url, [staff], 1, kind=NotificationKind.REFERRAL_EXPIRED)

    # then it goes in-app and by SMS (the choice replaces the default email)
    assert sorted(r.channel for r in await messages(db_url)) == ["IN_APP", "SMS"]


async def test_a_long_subject_gets_a_hashed_key(db_url: str) -> None:
    staff = await user_id(db_url, STAFF)
    async with standalone_unit_of_work(db_url) as uow:
        count = await notify(
            uow.session,
            rule="actor_verification_reminder",
            kind=NotificationKind.ACTOR_DATA_STALE,
            recipients=[staff, staff],
            subject="actor:" + "9" * 300,
            due_at=clock.now(),
            params={"actor": {"fr": "Complexe"}},
        )
    assert count == 1
    (row,) = await messages(db_url)
    assert len(row.dedupe_key) <= 255
    assert row.dedupe_key.startswith("actor_verification_reminder|sha256:")


async def test_webhooks_get_the_events_they_subscribed_to(db_url: str) -> None:
    # given one webhook for every event and one for SENT only
    receiver = await receiving_actor(db_url)
    every = await add_webhook(
        db_url, actor_id=receiver, target="http://x.test/a", secret="s", events=[]
    )
    sent_only = await add_webhook(
        db_url, actor_id=receiver, target="http://x.test/b", secret="s", events=["SENT"]
    )

    # when a SENT and an ACCEPTED event are queued (the SENT one twice)
    referral = await a_referral(db_url)
    counts = await webhook_events(
        db_url,
        referral,
        [(1, ReferralEventKind.SENT), (1, ReferralEventKind.SENT), (2, ReferralEventKind.ACCEPTED)],
    )

    # then each webhook receives what it subscribed to, once
    assert counts == [2, 0, 1]
    rows = await messages(db_url)
    assert sorted((r.webhook_id, r.payload["event"]) for r in rows) == sorted(
        [(every, "SENT"), (sent_only, "SENT"), (every, "ACCEPTED")]
    )
    assert {r.channel for r in rows} == {"WEBHOOK"}
