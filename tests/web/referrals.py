"""Referrals for the console's tests, made as a partner system would: through the API."""

from __future__ import annotations

import uuid
from typing import Any

from tests.web.conftest import AGENCY, MEDIATOR, Console

CREATE = """
mutation($input: CreateReferralInput!) {
  createReferral(input: $input) { referral { id status version } userErrors { code message } }
}"""
AGENCY_SERVICE = """
query { me { actor { id services(first: 50) { nodes { id acceptsReferrals active } } } } }"""
YOUTH = """query { youths(filter: {search: "JY-DEMO01"}) { nodes { id code } } }"""


def as_dict(value: object) -> dict[str, Any]:
    assert isinstance(value, dict)
    return value


def new_referral(console: Console, reason: str) -> str:
    """A SENT referral from the demo mediator to a service of the agency's actor (AEC Fès
    Atlas) for JY-DEMO01, whose consent covers every actor; its id."""
    agency = as_dict(console.graphql(AGENCY_SERVICE, token=console.token(AGENCY))["me"])
    service = next(
        s for s in agency["actor"]["services"]["nodes"] if s["acceptsReferrals"] and s["active"]
    )
    mediator = console.token(MEDIATOR)
    youth = as_dict(console.graphql(YOUTH, token=mediator)["youths"])["nodes"][0]
    payload = as_dict(
        console.graphql(
            CREATE,
            {
                "input": {
                    "youthId": youth["id"],
                    "serviceId": service["id"],
                    "reason": reason,
                    "idempotencyKey": uuid.uuid4().hex,
                }
            },
            token=mediator,
        )["createReferral"]
    )
    assert payload["userErrors"] == [], payload
    assert payload["referral"]["status"] == "SENT"
    return str(payload["referral"]["id"])
