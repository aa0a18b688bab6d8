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
MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"  # of Dar Al Amal, mediating Youth:1
ACTORS = '{ actors(filter: {search: "Wifaq"}) { nodes { id } } }'


def referral(from_actor: str | None, key: str) -> dict[str, object]:
    given = {
        "youthId": to_global_id("Youth", 1),
        "serviceId": to_global_id("Service", 31),
        "reason": "Cherche un premier emploi",
        "idempotencyKey": key,
    }
    return {"input": given | ({"fromActorId": from_actor} if from_actor else {})}


async def test_another_institutions_actor_is_refused_as_sender(api: Api) -> None:
    # given the mediator of a young person, and another institution (Al Wifaq)
    mediator = await token(api, MEDIATOR)
    (other, *_) = (await api.data(ACTORS))["actors"]["nodes"]

    # when they create a referral with Al Wifaq as its sender
    answer = (await api.data(CREATE, referral(other["id"], "attack"), mediator))["createReferral"]

    # then it is refused, naming the field, and no referral exists
    assert answer["referral"] is None
    assert answer["userErrors"] == [
        {"field": ["input", "fromActorId"], "code": "PERMISSION_DENIED"}
    ]
    # while from their own actor (the default) it is created
    own = (await api.data(CREATE, referral(None, "own"), mediator))["createReferral"]
    assert own["userErrors"] == [] and own["referral"]["fromActor"]["id"] != other["id"]


async def test_an_unknown_sender_is_not_found(api: Api) -> None:
    mediator = await token(api, MEDIATOR)
    missing = to_global_id("Actor", 999_999)
    answer = (await api.data(CREATE, referral(missing, "x"), mediator))["createReferral"]
    assert answer["userErrors"][0]["code"] == "NOT_FOUND"
