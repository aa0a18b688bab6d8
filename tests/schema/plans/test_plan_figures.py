"""coordinationMetrics { plans } worked out by hand on a small network in Tiznit (where the
demo has no young people), as ADMIN; small counts hidden for a coordinator."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from network import clock
from network.database import unit_of_work
from network.enums import ActorKind, ConsentGiver, MilestoneKind, Role, ServiceAxis, YouthStatus
from network.ids import to_global_id
from network.plans.enums import ActionKind, ActionOwner, ActionStatus, GoalStatus, PlanStatus
from network.plans.models import Action, Goal, Plan
from network.records.youths import Milestone
from tests.api import Api
from tests.factories import person, territory_pk
from tests.network.reminders.scene import insert_youth
from tests.schema.referrals.fixtures import add_actor

FIGURES = """
query($t: ID!, $from: Date!, $to: Date!) {
  coordinationMetrics(territoryId: $t, period: {from: $from, to: $to}) { plans {
    preparingToLeave withAgreedPlan agreedPlanRate
    byInstitution { institution { id } preparing withAgreedPlan rate }
    actionsDue actionsDoneOnTime onTimeRate
    goalsByAxis { axis goals achieved dropped achievedRate }
    autonomyByPlan { agreedBeforeLeaving cohortSize out12Months autonomousWithin12Months
                     rate12Months }
  } }
}
"""
GOAL_TEXTS = "query($y: ID!) { integrationPlans(youthId: $y) { goals { text } } }"


def ago(days: int) -> date:
    return clock.today() - timedelta(days=days)


async def plan(
    api: Api,
    youth: int,
    *,
    goals: Sequence[tuple[ServiceAxis, GoalStatus]] = (),
    actions: Sequence[dict[str, Any]] = (),
    **values: Any,
) -> None:
    async with unit_of_work(api.state.sessions) as uow:
        row = Plan(youth_id=youth, version=1, **values)
        uow.session.add(row)
        await uow.session.flush()
        made = [Goal(plan_id=row.id, axis=axis, status=status) for axis, status in goals]
        uow.session.add_all(made or [Goal(plan_id=row.id, axis=ServiceAxis.HEALTH)])
        await uow.session.flush()
        for given in actions:
            uow.session.add(
                Action(
                    plan_id=row.id,
                    goal_id=made[0].id,
                    kind=ActionKind.OTHER,
                    owner=ActionOwner.MEDIATOR,
                    **given,
                )
            )


async def small_network(api: Api) -> dict[str, int]:
    first = await add_actor(api, "Dar Tiznit", kind=ActorKind.CARE_INSTITUTION, territory="MA-TIZ")
    second = await add_actor(
        api, "Foyer Tiznit", kind=ActorKind.CARE_INSTITUTION, territory="MA-TIZ"
    )

    async def youth(institution: int, **values: Any) -> int:
        return await insert_youth(api, institution=institution, mediator_id=None, **values)

    preparing = YouthStatus.PREPARING_TO_LEAVE
    # three preparing to leave at the first institution: two agreed plans, one not agreed
    a1 = await youth(first, status=preparing)
    a2 = await youth(first, status=preparing)
    a3 = await youth(first, status=preparing)
    agreed: dict[str, Any] = {"agreed_by": ConsentGiver.YOUTH, "agreed_on": ago(30)}
    employment, health = ServiceAxis.EMPLOYMENT, ServiceAxis.HEALTH
    await plan(
        api,
        a1,
        goals=[
            (employment, GoalStatus.ACHIEVED),
            (employment, GoalStatus.OPEN),
            (health, GoalStatus.DROPPED),
        ],
        actions=[
            {"due_on": ago(10), "status": ActionStatus.DONE, "done_on": ago(12)},  # on time
            {"due_on": ago(5), "status": ActionStatus.DONE, "done_on": ago(2)},  # late
            {"due_on": ago(3)},  # not done
            {"due_on": ago(1), "status": ActionStatus.CANCELLED},  # left out
            {"due_on": ago(-5)},  # not due yet
        ],
        **agreed,
    )
    await plan(api, a2, goals=[(employment, GoalStatus.ACHIEVED)], **agreed)
    await plan(api, a3, goals=[(employment, GoalStatus.OPEN)])
    await plan(api, a3, goals=[(employment, GoalStatus.ACHIEVED)], status=PlanStatus.SUPERSEDED)
    # one preparing at the second institution, without a plan
    await youth(second, status=preparing)
    # the autonomy cohort: left 14 months ago with a plan agreed before, autonomous in 12
    # months; left 13 months ago, agreed after leaving, not autonomous; left 2 months ago
    left = YouthStatus.LEFT_CARE
    l1 = await youth(first, status=left, left_care_on=ago(425))
    await plan(api, l1, agreed_by=ConsentGiver.YOUTH, agreed_on=ago(500))
    async with unit_of_work(api.state.sessions) as uow:
        for kind in (MilestoneKind.EMPLOYED, MilestoneKind.HOUSING_SECURED):
            uow.session.add(Milestone(youth_id=l1, kind=kind, achieved_on=ago(300)))
    l2 = await youth(second, status=left, left_care_on=ago(395))
    await plan(api, l2, agreed_by=ConsentGiver.YOUTH, agreed_on=ago(390))
    l3 = await youth(first, status=left, left_care_on=ago(60))
    await plan(api, l3, agreed_by=ConsentGiver.YOUTH, agreed_on=ago(90))
    return {"first": first, "second": second, "a1": a1}


async def test_plan_figures_by_hand(api: Api) -> None:
    # given the small network
    ids = await small_network(api)
    admin = await person(api, Role.ADMIN)
    variables = {
        "t": to_global_id("Territory", await territory_pk(api, "MA-TIZ")),
        "from": ago(730).isoformat(),
        "to": clock.today().isoformat(),
    }

    # when ADMIN reads the figures of Tiznit over the last two years
    figures = (await api.data(FIGURES, variables, admin.token))["coordinationMetrics"]["plans"]

    # then 2 of the 4 preparing to leave have an agreed plan: 2 of 3, 0 of 1 by institution
    assert (figures["preparingToLeave"], figures["withAgreedPlan"]) == (4, 2)
    assert figures["agreedPlanRate"] == 0.5
    assert figures["byInstitution"] == [
        {
            "institution": {"id": to_global_id("Actor", ids["first"])},
            "preparing": 3,
            "withAgreedPlan": 2,
            "rate": 2 / 3,
        },
        {
            "institution": {"id": to_global_id("Actor", ids["second"])},
            "preparing": 1,
            "withAgreedPlan": 0,
            "rate": 0.0,
        },
    ]
    # and of 3 actions due (the cancelled and the future one left out), 1 done on time
    assert (figures["actionsDue"], figures["actionsDoneOnTime"]) == (3, 1)
    assert figures["onTimeRate"] == 1 / 3
    # and the goals of active plans: employment 2 of a1's, a2's and a3's (the superseded
    # plan left out): 4, 2 achieved; health a1's dropped one and the cohort's three plans
    goals = {g["axis"]: g for g in figures["goalsByAxis"]}
    assert (goals["EMPLOYMENT"]["goals"], goals["EMPLOYMENT"]["achieved"]) == (4, 2)
    assert goals["EMPLOYMENT"]["achievedRate"] == 0.5
    assert (goals["HEALTH"]["goals"], goals["HEALTH"]["dropped"]) == (4, 1)
    assert goals["HEALTH"]["achievedRate"] == 0.0
    assert goals["SOCIAL_ASSISTANCE"] == {
        "axis": "SOCIAL_ASSISTANCE",
        "goals": 0,
        "achieved": 0,
        "dropped": 0,
        "achievedRate": None,
    }
    # and the cohort split by a plan agreed before leaving
    assert figures["autonomyByPlan"] == [
        {
            "agreedBeforeLeaving": True,
            "cohortSize": 2,
            "out12Months": 1,
            "autonomousWithin12Months": 1,
            "rate12Months": 1.0,
        },
        {
            "agreedBeforeLeaving": False,
            "cohortSize": 1,
            "out12Months": 1,
            "autonomousWithin12Months": 0,
            "rate12Months": 0.0,
        },
    ]

    # when a coordinator of the region reads them
    coordinator = await person(api, Role.COORDINATOR, territory="MA-09")
    seen = (await api.data(FIGURES, variables, coordinator.token))["coordinationMetrics"]["plans"]

    # then counts of 1 to 4 are null, and rates over a hidden count too; zeros show
    assert (seen["preparingToLeave"], seen["withAgreedPlan"], seen["agreedPlanRate"]) == (
        None,
        None,
        None,
    )
    assert (seen["actionsDue"], seen["onTimeRate"]) == (None, None)
    assert {g["axis"]: g["goals"] for g in seen["goalsByAxis"]}["SOCIAL_ASSISTANCE"] == 0
    # and no goal text reaches them
    youth_id = to_global_id("Youth", ids["a1"])
    assert (await api.data(GOAL_TEXTS, {"y": youth_id}, coordinator.token)) == {
        "integrationPlans": []
    }
