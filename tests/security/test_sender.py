"""Acting only as oneself: a mediator creates a referral in another institution's name."""

from __future__ import annotations

from network.ids import to_global_id
from tests.api import Api
from tests.security.demo import token

CREATE = """
mutation($input: CreateReferralInput!) {
  createReferral(input: $input) {
    referral { id fromActor { id } } userErrors { field code }
  }
}
"""
MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"  # of Dar Al Amal
ACTORS = '{ actors(filter: {search: "Wifaq"}) { nodes { id } } }'
# the mediator's young people, and a service each was already referred to (with consent)
REFERRED = "{ youths(first: 50) { nodes { id referrals(first: 1) { nodes { service { id } } } } } }"


async def referred(api: Api, mediator: str) -> tuple[str, str]:
    """One of the mediator's young people and a service they were referred to."""
    youths = (await api.data(REFERRED, token=mediator))["youths"]["nodes"]
    youth = next(youth for youth in youths if youth["referrals"]["nodes"])
    return youth["id"], youth["referrals"]["nodes"][0]["service"]["id"]


def referral(case: tuple[str, str], from_actor: str | None, key: str) -> dict[str, object]:
    youth, service = case
    given = {
        "youthId": youth,
        "serviceId": service,
        "reason": "Cherche un premier emploi",
        "idempotencyKey": key,
    }
    return {"input": given | ({"fromActorId": from_actor} if from_actor else {})}


async def test_another_institutions_actor_is_refused_as_sender(api: Api) -> None:
    # given the mediator of a young person, and another institution (Al Wifaq)
    mediator = await token(api, MEDIATOR)
    case = await referred(api, mediator)
    (other, *_) = (await api.data(ACTORS))["actors"]["nodes"]

    # when they create a referral with Al Wifaq as its sender
    answer = (await api.data(CREATE, referral(case, other["id"], "attack"), mediator))[
        "createReferral"
    ]

    # then it is refused, naming the field, and no referral exists
    assert answer["referral"] is None
    assert answer["userErrors"] == [
        {"field": ["input", "fromActorId"], "code": "PERMISSION_DENIED"}
    ]
    # while from their own actor (the default) it is created
    own = (await api.data(CREATE, referral(case, None, "own"), mediator))["createReferral"]
    assert own["userErrors"] == [] and own["referral"]["fromActor"]["id"] != other["id"]


async def test_an_unknown_sender_is_not_found(api: Api) -> None:
    mediator = await token(api, MEDIATOR)
    missing = to_global_id("Actor", 999_999)
    case = await referred(api, mediator)
    answer = (await api.data(CREATE, referral(case, missing, "x"), mediator))["createReferral"]
    assert answer["userErrors"][0]["code"] == "NOT_FOUND"
