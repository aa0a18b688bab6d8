"""Rule 4: a young person leaving care in 180, 90 and 30 days with an uncovered axis →
their mediator is reminded, once per threshold."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from network import clock
from network.database import unit_of_work
from network.enums import NeedLevel, ReferralStatus, ServiceAxis, YouthStatus
from network.reminders.rules import leaving_care_reminder
from tests.api import Api
from tests.network.reminders.scene import (
    insert_referral,
    insert_youth,
    merged,
    messages,
    params_of,
    queued,
)
from tests.schema.referrals.fixtures import Network, network

TODAY = date(2026, 4, 1)
THRESHOLDS = (180, 90, 30)


async def scan(api: Api, day: date) -> None:
    async with unit_of_work(api.state.sessions) as uow:
        await leaving_care_reminder(
            uow.session, now=clock.start_of_day(day) + timedelta(hours=9), days=THRESHOLDS
        )


async def referral_to_receiver(
    api: Api, world: Network, youth: int, axis: ServiceAxis, **given: Any
) -> int:
    """A referral of ``youth`` by the mediator from the institution to the receiver."""
    return await insert_referral(
        api,
        youth=youth,
        from_actor=world.institution,
        to_actor=world.receiver,
        created_by=world.mediator.id,
        axis=axis,
        **given,
    )


def noon(day: date) -> datetime:
    return clock.start_of_day(day) + timedelta(hours=12)


async def test_uncovered_axes_are_reminded_at_each_threshold(api: Api) -> None:
    # given a young person leaving in 100 days: employment uncovered, health covered by
    # an open referral, education and participation needs too low to count
    world = await network(api)
    leaving = TODAY + timedelta(days=100)
    youth = await insert_youth(
        api,
        institution=world.institution,
        mediator_id=world.mediator.id,
        expected_leaving_date=leaving,
        needs={
            ServiceAxis.EMPLOYMENT: NeedLevel.HIGH,
            ServiceAxis.HEALTH: NeedLevel.MEDIUM,
            ServiceAxis.EDUCATION_TRAINING: NeedLevel.LOW,
            ServiceAxis.SOCIAL_PARTICIPATION: NeedLevel.NONE,
        },
    )
    await referral_to_receiver(
        api, world, youth, ServiceAxis.HEALTH, sent_at=noon(TODAY - timedelta(days=3))
    )

    # when beat scans today, twice, then ten days later (90 days before), twice
    await scan(api, TODAY)
    await scan(api, TODAY)
    first = await queued(api, youth_id=youth)
    await scan(api, TODAY + timedelta(days=10))
    await scan(api, TODAY + timedelta(days=10))

    # then the mediator got the 180-day reminder (due 80 days ago), then the 90-day one
    rule, kind = "leaving_care_reminder", "LEAVING_CARE_SOON"
    at_180 = messages(rule, kind, [world.mediator.id], leaving - timedelta(days=180))
    at_90 = messages(rule, kind, [world.mediator.id], leaving - timedelta(days=90))
    assert first == at_180
    assert await queued(api, youth_id=youth) == merged(at_180 + at_90)
    assert [
        (p["days"], p["axes"], p["leaving_on"]) for p in await params_of(api, youth_id=youth)
    ] == [
        (180, ["EMPLOYMENT"], leaving.isoformat()),
        (90, ["EMPLOYMENT"], leaving.isoformat()),
    ]


async def test_covered_left_or_unmediated_young_people_are_not_reminded(api: Api) -> None:
    # given young people leaving in 20 days: one whose needs are covered (a completed
    # referral counts), one who already left care, one without a mediator
    world = await network(api)
    leaving = TODAY + timedelta(days=20)

    async def youth(mediated: bool = True, **given: Any) -> int:
        return await insert_youth(
            api,
            institution=world.institution,
            mediator_id=world.mediator.id if mediated else None,
            expected_leaving_date=leaving,
            needs={ServiceAxis.EMPLOYMENT: NeedLevel.HIGH},
            **given,
        )

    async def employment_referral(youth_id: int, status: ReferralStatus) -> None:
        await referral_to_receiver(api, world, youth_id, ServiceAxis.EMPLOYMENT, status=status)

    covered = await youth()
    await employment_referral(covered, ReferralStatus.COMPLETED)
    left = await youth(status=YouthStatus.LEFT_CARE)
    alone = await youth(mediated=False)
    declined = await youth()
    await employment_referral(declined, ReferralStatus.DECLINED)

    # when beat scans
    await scan(api, TODAY)

    # then only the one whose referral was declined is reminded, at 30 days
    assert await queued(api, youth_id=covered) == []
    assert await queued(api, youth_id=left) == []
    assert await queued(api, youth_id=alone) == []
    assert await queued(api, youth_id=declined) == messages(
        "leaving_care_reminder",
        "LEAVING_CARE_SOON",
        [world.mediator.id],
        leaving - timedelta(days=30),
    )
