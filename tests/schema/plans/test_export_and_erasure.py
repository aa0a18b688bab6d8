"""Assessments and plans in the right-of-access export, and erased with the identity."""

from __future__ import annotations

from datetime import timedelta

import orjson
from sqlalchemy import update

from network import clock
from network.database import unit_of_work
from network.enums import YouthStatus
from network.records.youths import Youth
from network.retention import erase_expired_identities
from tests.api import Api
from tests.schema.plans.calls import ASSESS, PLANS, new_plan
from tests.schema.referrals.fixtures import network

EXPORT = "mutation($y: ID!) { exportYouthData(youthId: $y) { json userErrors { code } } }"
ANSWERS = [{"indicator": "social.identity-card", "answer": "NO", "note": "Perdue"}]


async def test_export_holds_them_and_retention_erases_their_texts(api: Api) -> None:
    # given a young person assessed and with a plan
    world = await network(api)
    token = world.mediator.token
    given = {"youthId": world.youth_id, "answers": ANSWERS, "note": "Premier entretien"}
    assert (await api.data(ASSESS, {"input": given}, token))["assessYouth"]["userErrors"] == []
    assert (await new_plan(api, world.mediator, world))["userErrors"] == []

    # when their data is exported
    exported = (await api.data(EXPORT, {"y": world.youth_id}, token))["exportYouthData"]

    # then it holds the assessment's answers and the plan's goals and actions, decrypted
    document = orjson.loads(exported["json"])
    assessment = document["assessments"][0]
    assert assessment["note"] == "Premier entretien"
    assert assessment["answers"][0] == {
        "assessment_id": assessment["id"],
        "indicator_code": "social.identity-card",
        "answer": "NO",
        "note": "Perdue",
    }
    assert assessment["axes"][0]["level"] == "HIGH"
    plan = document["plans"][0]
    assert [g["text"] for g in plan["goals"]][1] == "Obtenir la carte nationale d'identité"
    assert len(plan["actions"]) == 4

    # when their case closed long ago and retention runs
    long_ago = clock.now() - timedelta(days=365 * 6)
    async with unit_of_work(api.state.sessions) as uow:
        await uow.session.execute(
            update(Youth)
            .where(Youth.id == world.youth)
            .values(status=YouthStatus.AUTONOMOUS, updated_at=long_ago)
        )
    async with unit_of_work(api.state.sessions) as uow:
        erased = await erase_expired_identities(uow.session, clock.now(), years=5)
    assert world.youth in erased

    # then the plan keeps its structure but no text
    shown = (await api.data(PLANS, {"y": world.youth_id}, token))["integrationPlans"][0]
    assert [g["axis"] for g in shown["goals"]] == [
        "EMPLOYMENT",
        "SOCIAL_ASSISTANCE",
        "SOCIAL_PARTICIPATION",
    ]
    assert {g["text"] for g in shown["goals"]} == {None}
    assert {a["note"] for g in shown["goals"] for a in g["actions"]} == {None}
    exported = (await api.data(EXPORT, {"y": world.youth_id}, token))["exportYouthData"]
    again = orjson.loads(exported["json"])
    assert again["assessments"][0]["answers"][0]["answer"] is None
    assert again["assessments"][0]["note"] is None
