"""Rule 6: an actor not verified for 12 months (from its creation when never verified)
→ its staff are asked to confirm its profile and services."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from network import clock
from network.actors.models import Actor
from network.database import unit_of_work
from network.enums import ActorKind, Role
from network.reminders.rules import stale_actor_reminder
from tests.api import Api
from tests.factories import person
from tests.network.reminders.scene import merged, messages, params_of, queued
from tests.schema.referrals.fixtures import add_actor

RULE, KIND = "stale_actor_reminder", "ACTOR_DATA_STALE"


def at(day: date, hour: int = 10) -> datetime:
    return clock.start_of_day(day) + timedelta(hours=hour)


async def scan(api: Api, day: date) -> None:
    async with unit_of_work(api.state.sessions) as uow:
        await stale_actor_reminder(uow.session, now=at(day, 18), months=12)


async def set_dates(api: Api, actor_id: int, **dates: Any) -> None:
    async with unit_of_work(api.state.sessions) as uow:
        row = await uow.session.get(Actor, actor_id)
        assert row is not None
        for name, value in dates.items():
            setattr(row, name, value)


async def test_staff_are_asked_twelve_months_after_creation_then_after_verification(
    api: Api,
) -> None:
    # given an organisation created and never verified, with a unit verified since
    parent = await add_actor(
        api, "Association Ancienne", kind=ActorKind.ASSOCIATION, territory="MA-FES"
    )
    unit = await add_actor(
        api, "Antenne Récente", kind=ActorKind.ASSOCIATION, territory="MA-FES", parent_id=parent
    )
    await set_dates(api, parent, created_at=at(date(2025, 1, 10)), verified_at=None)
    await set_dates(api, unit, created_at=at(date(2025, 1, 10)), verified_at=at(date(2025, 6, 1)))
    parent_staff = await person(api, Role.AGENCY_STAFF, actor_id=parent)
    unit_staff = await person(api, Role.MEDIATOR, actor_id=unit)
    await person(api, Role.COORDINATOR, territory="MA-03")

    # when beat scans the day before and on the anniversary, twice
    await scan(api, date(2026, 1, 9))
    before = await queued(api, actor_id=parent)
    await scan(api, date(2026, 1, 10))
    await scan(api, date(2026, 1, 10))

    # then the organisation's staff are asked once, the unit's staff not yet
    assert before == []
    asked = messages(RULE, KIND, [parent_staff.id], date(2026, 1, 10))
    assert await queued(api, actor_id=parent) == asked
    assert await queued(api, actor_id=unit) == []
    assert await params_of(api, actor_id=parent) == [{"actor": {"fr": "Association Ancienne"}}]

    # when the organisation is verified, and beat scans a year on, and the unit's turn
    await set_dates(api, parent, verified_at=at(date(2026, 2, 1)))
    await scan(api, date(2027, 1, 31))
    await scan(api, date(2027, 2, 1))

    # then its staff are asked again a year after the verification; the unit's staff
    # (who act for their own unit only) and the organisation's (who act for it) too
    assert await queued(api, actor_id=parent) == merged(
        asked + messages(RULE, KIND, [parent_staff.id], date(2027, 2, 1))
    )
    assert await queued(api, actor_id=unit) == messages(
        RULE, KIND, [parent_staff.id, unit_staff.id], date(2026, 6, 1)
    )
