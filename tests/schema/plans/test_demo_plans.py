"""The demo holds young people with plans at different stages."""

from __future__ import annotations

from typing import Any

from tests.api import Api

DEMO_PASSWORD = "jisr-demo-2026"
PLANS = """
query($codes: String!) { youths(filter: {search: $codes}) { nodes { code id } } }
"""
STAGES = """
query($y: ID!) {
  integrationPlans(youthId: $y) {
    status agreement { agreedBy } goals { status } reviews { reviewedOn }
  }
  assessments(youthId: $y) { number axes { axis level } }
}
"""


async def _stages(api: Api, token: str, code: str) -> dict[str, Any]:
    found = (await api.data(PLANS, {"codes": code}, token))["youths"]["nodes"]
    assert [y["code"] for y in found] == [code]
    return await api.data(STAGES, {"y": found[0]["id"]}, token)


async def test_demo_plans_at_different_stages(demo_api: Api) -> None:
    token = await demo_api.login("mediation.dar-al-amal@jisr.example.ma", DEMO_PASSWORD)

    agreed = await _stages(demo_api, token, "JY-DEMO01")
    plan = agreed["integrationPlans"][0]
    assert plan["status"] == "ACTIVE" and plan["agreement"] == {"agreedBy": "YOUTH"}
    assert [g["status"] for g in plan["goals"]] == ["ACHIEVED", "OPEN", "OPEN"]
    assert len(plan["reviews"]) == 1
    assert [a["number"] for a in agreed["assessments"]] == [2, 1]

    not_yet = await _stages(demo_api, token, "JY-DEMO03")
    assert not_yet["integrationPlans"] == [] and len(not_yet["assessments"]) == 1

    left = await _stages(demo_api, token, "JY-DEMO05")
    assert [p["status"] for p in left["integrationPlans"]] == ["ACTIVE", "SUPERSEDED"]
