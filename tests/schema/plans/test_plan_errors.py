"""Bad input and the wrong caller get clear userErrors, and change nothing."""

from __future__ import annotations

from typing import Any

from network import clock
from tests.api import Api
from tests.schema.plans.calls import ASSESS, PLANS, new_plan, plan_change
from tests.schema.referrals.fixtures import network


def codes(payload: dict[str, Any]) -> list[tuple[str, list[str] | None]]:
    return [(e["code"], e["field"]) for e in payload["userErrors"]]


async def test_wrong_input_and_wrong_callers(api: Api) -> None:
    # given a plan of the network's young person
    world = await network(api)
    plan = (await new_plan(api, world.mediator, world))["plan"]
    goal = plan["goals"][0]["id"]
    first_version = {"planId": plan["id"], "version": 1}

    # when an unknown indicator is answered
    given = {"youthId": world.youth_id, "answers": [{"indicator": "nope", "answer": "NO"}]}
    payload = (await api.data(ASSESS, {"input": given}, world.mediator.token))["assessYouth"]
    # then it is invalid input naming the answer
    assert codes(payload) == [("INVALID_INPUT", ["input", "answers", "0", "indicator"])]

    # when a goal is dropped without a reason
    dropped = await plan_change(
        api, "setPlanGoalStatus", world.mediator, **first_version, goalId=goal, status="DROPPED"
    )
    assert codes(dropped) == [("INVALID_INPUT", ["input", "reason"])]

    # when the receiving agency's staff, who cannot see the plan, record an agreement
    agreement = {"agreedBy": "YOUTH", "agreedOn": clock.today().isoformat()}
    stranger = await plan_change(
        api, "recordPlanAgreement", world.receiver_staff, **first_version, **agreement
    )
    assert codes(stranger) == [("NOT_FOUND", ["input", "planId"])]

    # then nothing changed: the plan is at version 1, not agreed, its goal open
    shown = await api.data(PLANS, {"y": world.youth_id}, world.mediator.token)
    current = shown["integrationPlans"][0]
    assert current["version"] == 1 and current["agreement"] is None
    assert current["goals"][0]["status"] == "OPEN"

    # and a second plan supersedes the first, which then refuses changes
    second = (await new_plan(api, world.mediator, world))["plan"]
    old = await plan_change(
        api, "recordPlanAgreement", world.mediator, planId=plan["id"], version=2, **agreement
    )
    assert codes(old) == [("INVALID_TRANSITION", None)]
    statuses = [
        p["status"]
        for p in (await api.data(PLANS, {"y": world.youth_id}, world.mediator.token))[
            "integrationPlans"
        ]
    ]
    assert statuses == ["ACTIVE", "SUPERSEDED"] and second["version"] == 1
