"""The GraphQL calls of the plans' tests, on the small network of the referrals' tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from network import clock
from tests.api import Api
from tests.factories import Person
from tests.schema.referrals.fixtures import Network

PLAN_FIELDS = """
  id status version nextReviewOn
  agreement { agreedBy agreedOn evidence }
  goals { id axis text targetDate status statusReason
          actions { id kind owner status dueDate doneOn note actor { id }
                    referral { id status } } }
  reviews { reviewedOn changes nextReviewOn }
"""

ASSESS = """
mutation($input: AssessYouthInput!) { assessYouth(input: $input) {
  assessment { id number note answers { indicator answer note }
               axes { axis derivedLevel level overrideReason } }
  userErrors { field code message } } }
"""


def plan_mutation(name: str, input_type: str) -> str:
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) {{"
        " plan {" + PLAN_FIELDS + "} userErrors { field code message } } }"
    )


REFER = """
mutation($input: ReferFromPlanActionInput!) { referFromPlanAction(input: $input) {
  action { id status actor { id } referral { id } }
  referral { id status version }
  userErrors { field code message } } }
"""

SET_ACTION = """
mutation($input: SetPlanActionStatusInput!) { setPlanActionStatus(input: $input) {
  action { id status doneOn } userErrors { field code message } } }
"""

PLANS = "query($y: ID!) { integrationPlans(youthId: $y) {" + PLAN_FIELDS + "} }"
ACTIONS = "query($y: ID) { planActions(youthId: $y) { id kind status note } }"
ASSESSMENTS = "query($y: ID!) { assessments(youthId: $y) { id number } }"


def day(offset: int) -> str:
    return (clock.today() + timedelta(days=offset)).isoformat()


def three_goals(world: Network) -> list[dict[str, Any]]:
    """An employment goal with a referral to make, a document, and a life skill."""
    return [
        {
            "axis": "EMPLOYMENT",
            "text": "Trouver un premier emploi en hôtellerie",
            "targetDate": day(120),
            "actions": [
                {"kind": "REFERRAL", "owner": "MEDIATOR", "dueDate": day(30)},
                {"kind": "EMPLOYMENT_MEDIATION", "owner": "MEDIATOR", "dueDate": day(60)},
            ],
        },
        {
            "axis": "SOCIAL_ASSISTANCE",
            "text": "Obtenir la carte nationale d'identité",
            "targetDate": day(60),
            "actions": [{"kind": "DOCUMENT", "owner": "YOUNG_PERSON", "dueDate": day(45)}],
        },
        {
            "axis": "SOCIAL_PARTICIPATION",
            "text": "Savoir gérer un budget mensuel",
            "actions": [
                {
                    "kind": "LIFE_SKILLS",
                    "owner": "ACTOR_USER",
                    "ownerUserId": world.second_staff.global_id,
                    "dueDate": day(40),
                    "note": "Atelier budget au centre relais",
                }
            ],
        },
    ]


async def new_plan(api: Api, who: Person, world: Network, **extra: Any) -> dict[str, Any]:
    given = {"youthId": world.youth_id, "goals": three_goals(world), **extra}
    data = await api.data(
        plan_mutation("createIntegrationPlan", "CreateIntegrationPlanInput"),
        {"input": given},
        who.token,
    )
    return data["createIntegrationPlan"]  # type: ignore[no-any-return]


async def plan_change(api: Api, name: str, who: Person, **given: Any) -> dict[str, Any]:
    input_type = name[0].upper() + name[1:] + "Input"
    data = await api.data(plan_mutation(name, input_type), {"input": given}, who.token)
    return data[name]  # type: ignore[no-any-return]
