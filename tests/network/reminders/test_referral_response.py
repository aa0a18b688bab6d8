"""Rule 1: an unanswered referral is reminded at its deadline, escalated one response
period later (at least a day), and expires two periods later (at least two days)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from network.database import unit_of_work
from network.enums import ActorKind, ReferralEventKind, ReferralStatus, Role
from network.reminders.rules import (
    referral_escalation,
    referral_expiry,
    referral_response_reminder,
)
from tests.api import Api
from tests.factories import person
from tests.network.reminders.scene import (
    SENT_AT,
    event_kinds,
    insert_referral,
    mediated,
    merged,
    messages,
    queued,
    referral_from_mediator,
    status_of,
)
from tests.schema.referrals.fixtures import add_actor, add_youth, network

SECOND = timedelta(seconds=1)
DAY = timedelta(days=1)


async def scan(api: Api, now: datetime) -> None:
    """The three steps of rule 1, each in its own transaction, as beat runs them."""
    for rule in (referral_response_reminder, referral_escalation, referral_expiry):
        async with unit_of_work(api.state.sessions) as uow:
            await rule(uow.session, now=now)


@pytest.mark.parametrize(
    ("response_days", "reminder_at", "escalation_at", "expiry_at"),
    [(0, 0 * DAY, DAY, 2 * DAY), (3, 3 * DAY, 6 * DAY, 9 * DAY)],
)
async def test_reminder_escalation_and_expiry_fall_at_distinct_instants(
    api: Api,
    response_days: int,
    reminder_at: timedelta,
    escalation_at: timedelta,
    expiry_at: timedelta,
) -> None:
    # given a referral sent to Rabat with ``response_days`` to answer, and coordinators
    world = await network(api)
    region = await person(api, Role.COORDINATOR, territory="MA-04")
    province = await person(api, Role.COORDINATOR, territory="MA-RAB")
    await person(api, Role.COORDINATOR, territory="MA-SAL")
    referral = await referral_from_mediator(
        api,
        world,
        response_days=response_days,
    )
    reminder = messages(
        "referral_response_reminder",
        "REFERRAL_RESPONSE_DUE",
        [world.receiver_staff.id],
        (SENT_AT + reminder_at).date(),
    )
    escalated = messages(
        "referral_escalation",
        "REFERRAL_ESCALATED",
        [region.id, province.id, world.mediator.id],
        (SENT_AT + escalation_at).date(),
    )
    expired = messages(
        "referral_status_message",
        "REFERRAL_EXPIRED",
        [world.mediator.id],
        (SENT_AT + expiry_at).date(),
    )

    # when beat scans just before and at each instant, twice at each
    seen = []
    for offset in (
        reminder_at - SECOND,
        reminder_at,
        escalation_at - SECOND,
        escalation_at,
        expiry_at - SECOND,
        expiry_at,
    ):
        await scan(api, SENT_AT + offset)
        await scan(api, SENT_AT + offset)
        seen.append(await queued(api, referral_id=referral))

    # then each step queues its messages once, at its own instant, to its own people
    assert seen == [
        [],
        reminder,
        reminder,
        merged(reminder + escalated),
        merged(reminder + escalated),
        merged(reminder + escalated + expired),
    ]
    assert await status_of(api, referral) == ReferralStatus.EXPIRED
    assert await event_kinds(api, referral) == [
        ReferralEventKind.REMINDER_SENT,
        ReferralEventKind.ESCALATED,
        ReferralEventKind.EXPIRED,
    ]


async def test_an_answered_referral_is_neither_reminded_nor_escalated(api: Api) -> None:
    # given a referral accepted before its deadline
    _, referral = await mediated(api, status=ReferralStatus.ACCEPTED, responded_at=SENT_AT + DAY)

    # when beat scans long after every deadline
    await scan(api, SENT_AT + 30 * DAY)

    # then nothing is queued and nothing happens to it
    assert await queued(api, referral_id=referral) == []
    assert await status_of(api, referral) == ReferralStatus.ACCEPTED


async def test_staff_of_a_parent_are_reminded_and_the_creator_stands_in_for_no_mediator(
    api: Api,
) -> None:
    # given a referral to a unit of the receiver, for a young person without a mediator
    world = await network(api)

    unit = await add_actor(
        api,
        "Unité Réception",
        kind=ActorKind.ASSOCIATION,
        territory="MA-RAB",
        parent_id=world.receiver,
    )
    unit_staff = await person(api, Role.AGENCY_STAFF, actor_id=unit)
    orphan = await add_youth(api, institution=world.institution, mediator_id=None)
    referral = await insert_referral(
        api,
        youth=orphan,
        from_actor=world.institution,
        to_actor=unit,
        created_by=world.mediator.id,
        response_days=0,
    )

    # when beat scans one day after the deadline
    await scan(api, SENT_AT + DAY)

    # then the unit's and its parent's staff are reminded, the creator is told
    assert await queued(api, referral_id=referral) == merged(
        messages(
            "referral_response_reminder",
            "REFERRAL_RESPONSE_DUE",
            [unit_staff.id, world.receiver_staff.id],
            SENT_AT.date(),
        )
        + messages(
            "referral_escalation", "REFERRAL_ESCALATED", [world.mediator.id], (SENT_AT + DAY).date()
        )
    )
