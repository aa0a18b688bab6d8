"""docs/access.md through the HTTP API: who sees a young person, and who sees their identity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from network import clock
from network.enums import ReferralStatus, Role
from network.ids import to_global_id
from tests.api import Api
from tests.factories import Person, person
from tests.network.youths.world import (
    FIRST_NAME,
    World,
    consent,
    referral,
    referral_to_receiver,
    world,
)

YOUTH = """
query($id: ID!) {
  node(id: $id) { ... on Youth { code firstName lastName birthDate age consents { id } } }
  youths(filter: {search: "JY-T"}) { nodes { code firstName } totalCount }
}
"""

WITHDRAW = """
mutation($id: ID!) { withdrawConsent(id: $id) { consent { active } userErrors { code } } }
"""

HIDDEN, BASIC, IDENTITY = "hidden", "basic", "identity"


async def seen_as(api: Api, w: World, token: str | None) -> str:
    answer = await api.gql(YOUTH, {"id": to_global_id("Youth", w.youth)}, token)
    node = answer["data"]["node"] if answer.get("data") else None
    listed = (answer.get("data") or {}).get("youths")
    if node is None:
        assert not listed or listed["totalCount"] == 0
        return HIDDEN
    assert node["age"] is not None
    assert listed is not None
    assert listed["nodes"] == [{"code": node["code"], "firstName": node["firstName"]}]
    if node["firstName"] is None:
        assert node["lastName"] is None and node["birthDate"] is None and node["consents"] == []
        return BASIC
    assert node["firstName"] == FIRST_NAME
    return IDENTITY


@dataclass(frozen=True)
class Case:
    who: str
    expected: str


async def caller(api: Api, w: World, who: str) -> Person | None:
    staff = {
        "institution_staff": (Role.AGENCY_STAFF, w.institution),
        "institution_mediator": (Role.MEDIATOR, w.institution),
        "unrelated_staff": (Role.AGENCY_STAFF, w.other),
        "partner_staff": (Role.AGENCY_STAFF, w.partner),
    }
    if who == "anonymous":
        return None
    if who == "mediator":
        return w.mediator
    if who == "admin":
        return await person(api, Role.ADMIN)
    if who == "coordinator_in":
        return await person(api, Role.COORDINATOR, territory="MA-03")
    if who == "coordinator_out":
        return await person(api, Role.COORDINATOR, territory="MA-05")
    role, actor = staff[who]
    return await person(api, role, actor_id=actor)


@pytest.mark.parametrize(
    "case",
    [
        Case("anonymous", HIDDEN),
        Case("admin", IDENTITY),
        Case("mediator", IDENTITY),
        Case("institution_staff", IDENTITY),
        Case("institution_mediator", IDENTITY),
        Case("unrelated_staff", HIDDEN),
        Case("partner_staff", HIDDEN),
        Case("coordinator_in", BASIC),
        Case("coordinator_out", HIDDEN),
    ],
    ids=lambda case: case.who,
)
async def test_who_sees_the_young_person_and_their_identity(api: Api, case: Case) -> None:
    # given
    w = await world(api)
    await consent(api, w.youth, all_actors=True)
    await referral(api, w.youth, from_actor=w.institution, to_actor=w.partner)
    someone = await caller(api, w, case.who)
    # when
    if someone is None:
        answer = await api.gql(YOUTH, {"id": to_global_id("Youth", w.youth)})
        # then
        assert answer["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        return
    # then
    assert await seen_as(api, w, someone.token) == case.expected


TODAY = clock.today()


@pytest.mark.parametrize(
    ("consent_state", "status", "closed_days_ago", "expected"),
    [
        ({}, ReferralStatus.SENT, None, IDENTITY),
        ({}, ReferralStatus.ACCEPTED, None, IDENTITY),
        ({}, ReferralStatus.DRAFT, None, HIDDEN),
        ({}, ReferralStatus.COMPLETED, 10, IDENTITY),
        ({}, ReferralStatus.DECLINED, 60, HIDDEN),
        ({"expires_on": TODAY - timedelta(days=1)}, ReferralStatus.SENT, None, HIDDEN),
        ({"withdrawn": True}, ReferralStatus.SENT, None, HIDDEN),
    ],
)
async def test_the_receiver_sees_the_young_person_with_consent_while_the_referral_lives(
    api: Api,
    consent_state: dict[str, object],
    status: ReferralStatus,
    closed_days_ago: int | None,
    expected: str,
) -> None:
    # given
    w = await world(api)
    await consent(api, w.youth, actors=(w.receiver_org,), **consent_state)  # type: ignore[arg-type]
    await referral_to_receiver(api, w, status, closed_days_ago)
    receiver = await person(api, Role.AGENCY_STAFF, actor_id=w.receiver)
    # then
    assert await seen_as(api, w, receiver.token) == expected


async def test_withdrawing_a_consent_hides_identity_at_once(api: Api) -> None:
    # given
    w = await world(api)
    given = await consent(api, w.youth, actors=(w.receiver,))
    await referral(api, w.youth, from_actor=w.institution, to_actor=w.receiver)
    receiver = await person(api, Role.AGENCY_STAFF, actor_id=w.receiver)
    assert await seen_as(api, w, receiver.token) == IDENTITY
    # when
    data = await api.data(WITHDRAW, {"id": to_global_id("Consent", given)}, w.mediator.token)
    # then
    assert data["withdrawConsent"] == {"consent": {"active": False}, "userErrors": []}
    assert await seen_as(api, w, receiver.token) == HIDDEN
    again = await api.data(WITHDRAW, {"id": to_global_id("Consent", given)}, w.mediator.token)
    assert again["withdrawConsent"]["userErrors"] == [{"code": "INVALID_TRANSITION"}]
