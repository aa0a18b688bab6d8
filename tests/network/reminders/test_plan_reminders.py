"""The four reminder rules of integration plans, with their timings; a second scan
adds nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from network import clock
from network.crypto import DataCipher
from network.database import unit_of_work
from network.enums import ConsentGiver, Role, ServiceAxis
from network.plans.enums import ActionKind, ActionOwner, ActionStatus
from network.plans.models import Action, Goal, Plan
from network.reminders import plan_rules
from network.users.models import User
from tests.api import Api
from tests.factories import person
from tests.network.reminders.scene import insert_youth, messages, queued
from tests.schema.referrals.fixtures import network

TODAY = date(2026, 4, 1)
DEMO_COORDINATOR = "coordination.fes-meknes@jisr.example.ma"
Rule = Callable[..., Awaitable[int]]


async def scan(api: Api, rule: Rule, day: date, **options: Any) -> int:
    async with unit_of_work(api.state.sessions) as uow:
        now = clock.start_of_day(day) + timedelta(hours=9)
        return await rule(uow.session, now=now, **options)


async def insert_plan(
    api: Api, youth: int, *, actions: Sequence[dict[str, Any]] = (), **values: Any
) -> int:
    async with unit_of_work(api.state.sessions) as uow:
        plan = Plan(youth_id=youth, version=1, **values)
        uow.session.add(plan)
        await uow.session.flush()
        goal = Goal(plan_id=plan.id, axis=ServiceAxis.EMPLOYMENT, text_enc=None)
        uow.session.add(goal)
        await uow.session.flush()
        for given in actions:
            uow.session.add(Action(plan_id=plan.id, goal_id=goal.id, **given))
        return plan.id


async def user_id(api: Api, email: str) -> int:
    async with api.state.sessions() as session:
        found = await session.scalar(select(User.id).where(User.email == email))
    assert found is not None
    return found


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


async def test_an_action_due_and_not_done_is_reminded_to_its_owner_once(api: Api) -> None:
    # given a plan with an action of the mediator due in 10 days, one of the young
    # person's due in 5, and one of a partner's user due in 5 but done
    world = await network(api)
    partner = world.second_staff
    await insert_plan(
        api,
        world.youth,
        actions=[
            {
                "kind": ActionKind.TRAINING,
                "owner": ActionOwner.MEDIATOR,
                "owner_user_id": world.mediator.id,
                "due_on": day(10),
            },
            {"kind": ActionKind.DOCUMENT, "owner": ActionOwner.YOUNG_PERSON, "due_on": day(5)},
            {
                "kind": ActionKind.LIFE_SKILLS,
                "owner": ActionOwner.ACTOR_USER,
                "owner_user_id": partner.id,
                "actor_id": world.second,
                "due_on": day(5),
                "status": ActionStatus.DONE,
            },
        ],
    )
    rule = plan_rules.plan_action_reminder
    mine = {"youth_id": world.youth, "rule": plan_rules.ACTION_DUE}

    # when the scan runs the day before the first due date, then on it, then again
    await scan(api, rule, day(4))
    assert await queued(api, **mine) == []
    await scan(api, rule, day(5))
    await scan(api, rule, day(6))

    # then the young person's action is reminded to the mediator once, the done one never
    first = messages(plan_rules.ACTION_DUE, "PLAN_ACTION_DUE", [world.mediator.id], day(5))
    assert await queued(api, **mine) == first

    # and the mediator's own action on its due date
    await scan(api, rule, day(10))
    assert await scan(api, rule, day(11)) == 0
    second = messages(plan_rules.ACTION_DUE, "PLAN_ACTION_DUE", [world.mediator.id], day(10))
    assert await queued(api, **mine) == sorted(first + second, key=lambda q: q.due_on)


async def test_a_review_due_is_reminded_to_the_mediator_once(api: Api) -> None:
    world = await network(api)
    await insert_plan(api, world.youth, next_review_on=day(20))
    rule, mine = plan_rules.plan_review_reminder, {"youth_id": world.youth}

    await scan(api, rule, day(19))
    assert await queued(api, **mine) == []
    await scan(api, rule, day(20))
    assert await scan(api, rule, day(21)) == 0

    assert await queued(api, **mine) == messages(
        plan_rules.REVIEW_DUE, "PLAN_REVIEW_DUE", [world.mediator.id], day(20)
    )


async def test_aged_fifteen_in_care_without_a_plan_the_mediator_is_told(api: Api) -> None:
    # given a young person turning 15 in 3 days, and one already 16 who has a plan
    world = await network(api)
    cipher = DataCipher(api.state.settings.data_key)
    born = day(3).replace(year=day(3).year - 15)
    turning = await insert_youth(
        api,
        institution=world.institution,
        mediator_id=world.mediator.id,
        birth_date_enc=cipher.encrypt(born.isoformat()),
    )
    planned = await insert_youth(
        api,
        institution=world.institution,
        mediator_id=world.mediator.id,
        birth_date_enc=cipher.encrypt(born.replace(year=born.year - 1).isoformat()),
    )
    await insert_plan(api, planned)
    options = {"cipher": cipher, "age": 15}
    rule = plan_rules.plan_missing_reminder

    await scan(api, rule, day(2), **options)
    assert await queued(api, youth_id=turning) == []
    await scan(api, rule, day(3), **options)
    await scan(api, rule, day(4), **options)

    assert await queued(api, youth_id=turning) == messages(
        plan_rules.MISSING, "PLAN_MISSING", [world.mediator.id], day(3)
    )
    assert await queued(api, youth_id=planned) == []


async def test_leaving_without_an_agreed_plan_mediator_then_coordinator(api: Api) -> None:
    # given a young person leaving in 200 days with a plan not agreed, one leaving in
    # 100 days with an agreed plan, and a coordinator of the institution's region
    world = await network(api)
    coordinator = await person(api, Role.COORDINATOR, territory="MA-03")
    leaving = await insert_youth(
        api,
        institution=world.institution,
        mediator_id=world.mediator.id,
        expected_leaving_date=day(200),
    )
    await insert_plan(api, leaving)
    agreed = await insert_youth(
        api,
        institution=world.institution,
        mediator_id=world.mediator.id,
        expected_leaving_date=day(100),
    )
    await insert_plan(api, agreed, agreed_by=ConsentGiver.YOUTH, agreed_on=TODAY)
    rule = plan_rules.plan_agreement_reminder
    options = {"days": 180, "escalation_days": 30}

    # when the scan runs 181 days before leaving, 180 days before, then daily
    await scan(api, rule, day(19), **options)
    assert await queued(api, youth_id=leaving) == []
    await scan(api, rule, day(20), **options)
    await scan(api, rule, day(49), **options)

    # then the mediator is told once, 180 days before
    told = messages(plan_rules.NOT_AGREED, "PLAN_NOT_AGREED", [world.mediator.id], day(20))
    assert await queued(api, youth_id=leaving) == told

    # and 30 days later, still without an agreed plan, the coordinators of the region (the
    # demo's and ours), once
    await scan(api, rule, day(50), **options)
    assert await scan(api, rule, day(51), **options) == 0
    coordinators = [await user_id(api, DEMO_COORDINATOR), coordinator.id]
    escalated = messages(plan_rules.NOT_AGREED_ESCALATION, "PLAN_NOT_AGREED", coordinators, day(50))
    assert await queued(api, youth_id=leaving) == sorted(
        told + escalated, key=lambda q: (q.rule, q.kind, q.channel, q.user_id or 0, q.due_on)
    )
    assert await queued(api, youth_id=agreed) == []
