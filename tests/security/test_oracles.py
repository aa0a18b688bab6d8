"""No existence oracles: filters on hidden records match nothing, and a case code of
another institution is no clash."""

from __future__ import annotations

from network.enums import Role
from network.ids import pk_of
from tests.api import Api
from tests.factories import person
from tests.security.demo import ADMIN, NON_ADMIN, every_referral, token

SEES = "query($id: ID!) { node(id: $id) { id } }"
FILTERED = "query($id: ID!) { referrals(filter: {youthId: $id}) { totalCount nodes { id } } }"
LISTED = "{ referrals(first: 100) { nodes { id } } }"


async def test_a_youth_filter_on_a_hidden_young_person_matches_nothing(api: Api) -> None:
    referrals = await every_referral(api)
    youth_of = {r["id"]: r["youth"]["id"] for r in referrals}
    hidden_links = 0
    for email in NON_ADMIN:
        caller = await token(api, email)
        seen = [r["id"] for r in (await api.data(LISTED, token=caller))["referrals"]["nodes"]]
        for youth_id in sorted({youth_of[r] for r in seen if r in youth_of}):
            if (await api.data(SEES, {"id": youth_id}, caller))["node"] is not None:
                continue
            # a referral the caller sees, of a young person the caller may not see:
            # filtering on that young person must not link them
            hidden_links += 1
            found = (await api.data(FILTERED, {"id": youth_id}, caller))["referrals"]
            assert found == {"totalCount": 0, "nodes": []}, (email, youth_id)
    assert hidden_links > 0, "the demo must hold referrals whose young person is hidden"


async def test_a_youth_filter_on_a_visible_young_person_still_works(api: Api) -> None:
    # given a young person the mediator sees, with a referral the mediator sees
    mediator = await token(api, "mediation.dar-al-amal@jisr.example.ma")
    seen = {r["id"] for r in (await api.data(LISTED, token=mediator))["referrals"]["nodes"]}
    youth_id = next(r["youth"]["id"] for r in await every_referral(api) if r["id"] in seen)
    assert (await api.data(SEES, {"id": youth_id}, mediator))["node"] is not None

    # when the mediator filters on that young person, then their referrals are found
    found = (await api.data(FILTERED, {"id": youth_id}, mediator))["referrals"]
    assert found["totalCount"] > 0 and set(n["id"] for n in found["nodes"]) <= seen


REGISTER = """
mutation($input: RegisterYouthInput!) {
  registerYouth(input: $input) { youth { id code } userErrors { field code } }
}
"""


async def test_another_institutions_case_code_is_no_clash(api: Api) -> None:
    # given a case code of Dar Al Amal (read by ADMIN), and a mediator of another institution
    (first, *_) = await every_referral(api)
    code, institution = first["youth"]["code"], first["youth"]["institution"]["id"]
    others = await api.data(
        "{ actors(filter: {kinds: [CARE_INSTITUTION]}, first: 50) { nodes { id } } }"
    )
    other = next(a["id"] for a in others["actors"]["nodes"] if a["id"] != institution)
    stranger = await person(api, Role.MEDIATOR, actor_id=pk_of(other, "Actor"))

    def registration(into: str) -> dict[str, object]:
        return {
            "input": {
                "code": code,
                "firstName": "Sara",
                "lastName": "Testine",
                "birthDate": "2008-04-02",
                "institutionId": into,
            }
        }

    # when they register a young person of their own under that code
    answer = (await api.data(REGISTER, registration(other), stranger.token))["registerYouth"]

    # then it is registered: nothing says the code exists elsewhere
    assert answer["userErrors"] == [] and answer["youth"]["code"] == code
    # while in the institution that holds it, it is a DUPLICATE, as before
    admin = await token(api, ADMIN)
    again = (await api.data(REGISTER, registration(institution), admin))["registerYouth"]
    assert again["userErrors"] == [{"field": ["input", "code"], "code": "DUPLICATE"}]
