"""Rule 5: 3, 6 and 12 months after leaving care → the mediator is asked to record
milestones and status, once per threshold."""

from __future__ import annotations

from datetime import date, timedelta

from network import clock
from network.database import unit_of_work
from network.enums import YouthStatus
from network.reminders.rules import post_care_check_in
from tests.api import Api
from tests.network.reminders.scene import insert_youth, merged, messages, params_of, queued
from tests.schema.referrals.fixtures import network

MONTHS = (3, 6, 12)
RULE, KIND = "post_care_check_in", "POST_CARE_CHECK_IN"


async def scan(api: Api, day: date) -> None:
    async with unit_of_work(api.state.sessions) as uow:
        await post_care_check_in(
            uow.session, now=clock.start_of_day(day) + timedelta(hours=9), months=MONTHS
        )


async def test_each_threshold_is_asked_once_on_its_day(api: Api) -> None:
    # given a young person who left care on 31 August (months later end on shorter days)
    world = await network(api)
    youth = await insert_youth(
        api,
        institution=world.institution,
        mediator_id=world.mediator.id,
        status=YouthStatus.LEFT_CARE,
        left_care_on=date(2025, 8, 31),
    )

    # when beat scans each day around the thresholds, each day twice
    seen = {}
    for day in (date(2025, 11, 29), date(2025, 11, 30), date(2026, 2, 27), date(2026, 2, 28)):
        await scan(api, day)
        await scan(api, day)
        seen[day] = len(await queued(api, youth_id=youth))
    await scan(api, date(2026, 8, 31))

    # then 3, 6 and 12 months are asked on 30 November, 28 February and 31 August
    assert seen == {
        date(2025, 11, 29): 0,
        date(2025, 11, 30): 1,
        date(2026, 2, 27): 1,
        date(2026, 2, 28): 2,
    }
    mediator = [world.mediator.id]
    assert await queued(api, youth_id=youth) == merged(
        messages(RULE, KIND, mediator, date(2025, 11, 30))
        + messages(RULE, KIND, mediator, date(2026, 2, 28))
        + messages(RULE, KIND, mediator, date(2026, 8, 31))
    )
    assert [p["months"] for p in await params_of(api, youth_id=youth)] == [3, 6, 12]


async def test_a_late_first_scan_asks_only_the_latest_threshold(api: Api) -> None:
    # given one who left care 8 months ago, and one who left 3 years ago
    world = await network(api)
    today = date(2026, 6, 15)
    recent = await insert_youth(
        api,
        institution=world.institution,
        mediator_id=world.mediator.id,
        left_care_on=date(2025, 10, 15),
    )
    old = await insert_youth(
        api,
        institution=world.institution,
        mediator_id=world.mediator.id,
        left_care_on=date(2023, 6, 1),
    )

    # when beat scans for the first time
    await scan(api, today)

    # then the first is asked about 6 months only, the second about nothing
    assert await queued(api, youth_id=recent) == messages(
        RULE, KIND, [world.mediator.id], date(2026, 4, 15)
    )
    assert await queued(api, youth_id=old) == []
