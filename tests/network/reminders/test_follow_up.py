"""Rule 3: the follow-up date of an open referral reached → its referrer is reminded."""

from __future__ import annotations

from datetime import datetime, timedelta

from network.database import unit_of_work
from network.enums import ReferralStatus
from network.records.referrals import Referral
from network.reminders.rules import follow_up_reminder
from tests.api import Api
from tests.network.reminders.scene import (
    SENT_AT,
    mediated,
    merged,
    messages,
    queued,
    referral_from_mediator,
)
from tests.schema.referrals.fixtures import network

FOLLOW_UP_AT = SENT_AT + timedelta(days=20)


async def scan(api: Api, now: datetime) -> None:
    async with unit_of_work(api.state.sessions) as uow:
        await follow_up_reminder(uow.session, now=now)


async def test_an_open_referral_is_followed_up_once_its_date_is_reached(api: Api) -> None:
    # given an accepted referral and a completed one, both with a follow-up date
    world = await network(api)
    accepted = await referral_from_mediator(
        api, world, status=ReferralStatus.ACCEPTED, next_follow_up_at=FOLLOW_UP_AT
    )
    completed = await referral_from_mediator(
        api, world, status=ReferralStatus.COMPLETED, next_follow_up_at=FOLLOW_UP_AT
    )

    # when beat scans before the date, then at it, then again
    await scan(api, FOLLOW_UP_AT - timedelta(seconds=1))
    before = await queued(api, referral_id=accepted)
    await scan(api, FOLLOW_UP_AT)
    await scan(api, FOLLOW_UP_AT + timedelta(hours=1))

    # then the mediator is reminded once of the open one only
    assert before == []
    assert await queued(api, referral_id=accepted) == messages(
        "follow_up_reminder", "FOLLOW_UP_DUE", [world.mediator.id], FOLLOW_UP_AT.date()
    )
    assert await queued(api, referral_id=completed) == []


async def test_a_new_follow_up_date_is_reminded_again(api: Api) -> None:
    # given a referral reminded of its follow-up, then given a later one
    world, referral = await mediated(
        api, status=ReferralStatus.IN_PROGRESS, next_follow_up_at=FOLLOW_UP_AT
    )
    await scan(api, FOLLOW_UP_AT)
    later = FOLLOW_UP_AT + timedelta(days=30)
    async with unit_of_work(api.state.sessions) as uow:
        row = await uow.session.get(Referral, referral)
        assert row is not None
        row.next_follow_up_at = later

    # when beat scans after the new date
    await scan(api, later)

    # then the mediator got one reminder for each date
    assert await queued(api, referral_id=referral) == merged(
        messages("follow_up_reminder", "FOLLOW_UP_DUE", [world.mediator.id], FOLLOW_UP_AT.date())
        + messages("follow_up_reminder", "FOLLOW_UP_DUE", [world.mediator.id], later.date())
    )
