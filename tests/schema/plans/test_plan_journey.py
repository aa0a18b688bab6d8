"""A young person's journey through the API: assessed, a plan drafted and agreed, an
action referred and completed by the receiving agency; who sees what of it."""

from __future__ import annotations

from network import clock
from network.enums import Role
from tests.api import Api
from tests.factories import person
from tests.schema.plans.calls import (
    ACTIONS,
    ASSESS,
    ASSESSMENTS,
    PLANS,
    REFER,
    new_plan,
    plan_change,
)
from tests.schema.referrals.fixtures import done, network

NEEDS = "query($y: ID!) { node(id: $y) { ... on Youth { needs { axis level } } } }"


async def test_assess_plan_agree_refer_complete(api: Api) -> None:
    # given the small network: a mediator, their young person, a receiving association
    world = await network(api)
    mediator = world.mediator

    # when the mediator assesses them, overruling the employment axis with a reason
    answers = [
        {"indicator": "health.coverage", "answer": "NO", "note": "Pas d'AMO"},
        {"indicator": "health.follow-up", "answer": "PARTLY"},
        {"indicator": "social.identity-card", "answer": "NO"},
        {"indicator": "social.birth-certificate", "answer": "YES"},
        {"indicator": "social.housing-plan", "answer": "PARTLY"},
        {"indicator": "employment.experience", "answer": "NO"},
        {"indicator": "employment.job-search", "answer": "NO"},
    ]
    overrules = [{"axis": "EMPLOYMENT", "level": "MEDIUM", "reason": "Stage en cours"}]
    given = {"youthId": world.youth_id, "answers": answers, "overrules": overrules}
    assessed = (await api.data(ASSESS, {"input": given}, mediator.token))["assessYouth"]

    # then each axis derives its level (weights 0/1/2 against the most they could reach)
    assert assessed["userErrors"] == []
    axes = {a["axis"]: a for a in assessed["assessment"]["axes"]}
    assert {k: (v["derivedLevel"], v["level"]) for k, v in axes.items()} == {
        "HEALTH": ("HIGH", "HIGH"),
        "SOCIAL_ASSISTANCE": ("MEDIUM", "MEDIUM"),
        "EMPLOYMENT": ("HIGH", "MEDIUM"),
    }
    assert axes["EMPLOYMENT"]["overrideReason"] == "Stage en cours"
    notes = {a["indicator"]: a["note"] for a in assessed["assessment"]["answers"]}
    assert notes["health.coverage"] == "Pas d'AMO" and notes["health.follow-up"] is None
    needs = (await api.data(NEEDS, {"y": world.youth_id}, mediator.token))["node"]["needs"]
    assert {n["axis"]: n["level"] for n in needs} == {
        "HEALTH": "HIGH",
        "SOCIAL_ASSISTANCE": "MEDIUM",
        "EMPLOYMENT": "MEDIUM",
    }

    # when they draft a plan with three goals and their actions
    created = await new_plan(api, mediator, world, idempotencyKey="plan-1")
    assert created["userErrors"] == []
    plan = created["plan"]
    assert plan["status"] == "ACTIVE" and plan["version"] == 1
    assert [g["axis"] for g in plan["goals"]] == [
        "EMPLOYMENT",
        "SOCIAL_ASSISTANCE",
        "SOCIAL_PARTICIPATION",
    ]
    assert [len(g["actions"]) for g in plan["goals"]] == [2, 1, 1]
    again = await new_plan(api, mediator, world, idempotencyKey="plan-1")
    assert again["plan"]["id"] == plan["id"]

    # and the young person agrees to it
    agreed = await plan_change(
        api,
        "recordPlanAgreement",
        mediator,
        planId=plan["id"],
        version=1,
        agreedBy="YOUTH",
        agreedOn=clock.today().isoformat(),
        evidence="Plan signé, dossier papier n° 12",
    )
    assert agreed["userErrors"] == [] and agreed["plan"]["version"] == 2
    assert agreed["plan"]["agreement"]["evidence"] == "Plan signé, dossier papier n° 12"

    # then a change at the version read before is refused, and changes nothing
    stale = await plan_change(
        api,
        "recordPlanReview",
        mediator,
        planId=plan["id"],
        version=1,
        reviewedOn=clock.today().isoformat(),
        changes="Rien",
    )
    assert [e["code"] for e in stale["userErrors"]] == ["STALE_VERSION"]
    current = (await api.data(PLANS, {"y": world.youth_id}, mediator.token))["integrationPlans"]
    assert current[0]["version"] == 2 and current[0]["reviews"] == []

    # when the referral action creates a referral to the receiving association
    action = plan["goals"][0]["actions"][0]
    referral_input = {
        "youthId": world.youth_id,
        "serviceId": world.service_id,
        "reason": "Premier emploi en hôtellerie",
    }
    referred = (
        await api.data(
            REFER, {"input": {"actionId": action["id"], "referral": referral_input}}, mediator.token
        )
    )["referFromPlanAction"]
    assert referred["userErrors"] == []
    assert referred["action"]["status"] == "IN_PROGRESS"
    assert referred["action"]["referral"]["id"] == referred["referral"]["id"]
    assert referred["referral"]["status"] == "SENT"

    # and the receiving agency accepts, starts and completes it
    staff = world.receiver_staff
    accepted = await done(api, "acceptReferral", staff, referred["referral"])
    started = await done(api, "startReferral", staff, accepted)
    await done(api, "completeReferral", staff, started, outcome="SERVED")

    # then the action is done, and the plan moved on
    after = (await api.data(PLANS, {"y": world.youth_id}, mediator.token))["integrationPlans"][0]
    moved = after["goals"][0]["actions"][0]
    assert moved["status"] == "DONE" and moved["doneOn"] == clock.today().isoformat()
    assert moved["referral"]["status"] == "COMPLETED"
    assert after["version"] > 2

    # and the receiving agency sees its own action and nothing else of the plan
    assert (await api.data(PLANS, {"y": world.youth_id}, staff.token))["integrationPlans"] == []
    assert (await api.data(ASSESSMENTS, {"y": world.youth_id}, staff.token))["assessments"] == []
    seen = (await api.data(ACTIONS, {"y": world.youth_id}, staff.token))["planActions"]
    assert [a["id"] for a in seen] == [action["id"]]

    # and each action names its young person to whoever sees it, asked without one
    theirs = "{ planActions { id youth { id } } }"
    by_mediator = (await api.data(theirs, None, mediator.token))["planActions"]
    by_staff = (await api.data(theirs, None, staff.token))["planActions"]
    assert by_mediator and {a["youth"]["id"] for a in by_mediator} == {world.youth_id}
    assert by_staff == [{"id": action["id"], "youth": {"id": world.youth_id}}]
    node = "query($id: ID!) { node(id: $id) { id } }"
    assert (await api.data(node, {"id": plan["id"]}, staff.token))["node"] is None

    # and an unrelated agency sees no action at all
    outsider = world.outsider_staff
    assert (await api.data(ACTIONS, {"y": None}, outsider.token))["planActions"] == []

    # and a coordinator of the institution's territory sees the young person, not the plan
    coordinator = await person(api, Role.COORDINATOR, territory="MA-03")
    assert (await api.data(PLANS, {"y": world.youth_id}, coordinator.token))[
        "integrationPlans"
    ] == []
    assert (await api.data(ACTIONS, {"y": world.youth_id}, coordinator.token))["planActions"] == []
