"""Who sees a referral, its young person and its reason: docs/access.md, role by relation."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from network.database import unit_of_work
from network.enums import ReferralStatus, Role
from network.ids import to_global_id
from network.records.referrals import Referral
from tests.api import Api
from tests.factories import Person, person
from tests.network.youths.world import World, cipher_of, consent, referral, world

REFERRAL = """
query($id: ID!) { node(id: $id) { ... on Referral { id reason youth { code firstName } } } }
"""
REASON = "Cherche un stage en cuisine"
HIDDEN, BASIC, IDENTITY = "hidden", "basic", "identity"


async def who(api: Api, w: World, name: str) -> Person | None:
    actors = {
        "sender_staff": w.institution,
        "receiver_staff": w.receiver,
        "receiver_parent_staff": w.receiver_org,
        "unrelated_staff": w.other,
        "partner_staff": w.partner,
    }
    territories = {"coordinator_sender": "MA-03", "coordinator_receiver": "MA-04"}
    if name == "anonymous":
        return None
    if name == "admin":
        return await person(api, Role.ADMIN)
    if name == "mediator":
        return w.mediator
    if name in territories:
        return await person(api, Role.COORDINATOR, territory=territories[name])
    if name == "coordinator_elsewhere":
        return await person(api, Role.COORDINATOR, territory="MA-05")
    return await person(api, Role.AGENCY_STAFF, actor_id=actors[name])


async def seen(api: Api, referral_id: int, someone: Person | None) -> str:
    answer = await api.data(
        REFERRAL, {"id": to_global_id("Referral", referral_id)}, someone.token if someone else None
    )
    node = answer["node"]
    if node is None:
        return HIDDEN
    if node["reason"] is None:
        assert node["youth"] is None or node["youth"]["firstName"] is None
        return BASIC
    assert node["reason"] == REASON and node["youth"]["firstName"] is not None
    return IDENTITY


async def a_referral(api: Api, w: World, status: ReferralStatus) -> int:
    made = await referral(
        api, w.youth, from_actor=w.institution, to_actor=w.receiver, status=status
    )
    async with unit_of_work(api.state.sessions) as uow:
        await uow.session.execute(
            update(Referral)
            .where(Referral.id == made)
            .values(reason_enc=cipher_of(api).encrypt(REASON))
        )
    return made


@pytest.mark.parametrize(
    ("caller", "sent", "draft"),
    [
        ("anonymous", HIDDEN, HIDDEN),
        ("admin", IDENTITY, IDENTITY),
        ("mediator", IDENTITY, IDENTITY),
        ("sender_staff", IDENTITY, IDENTITY),
        ("receiver_staff", IDENTITY, HIDDEN),
        ("receiver_parent_staff", IDENTITY, HIDDEN),
        ("unrelated_staff", HIDDEN, HIDDEN),
        ("partner_staff", HIDDEN, HIDDEN),
        ("coordinator_sender", BASIC, BASIC),
        ("coordinator_receiver", BASIC, BASIC),
        ("coordinator_elsewhere", HIDDEN, HIDDEN),
    ],
)
async def test_who_sees_a_referral_and_its_identity_fields(
    api: Api, caller: str, sent: str, draft: str
) -> None:
    # given a referral sent from a Fès institution to a Rabat unit, and a draft beside it,
    # about a young person who consented to share with every actor
    w = await world(api)
    await consent(api, w.youth, all_actors=True)
    sent_id = await a_referral(api, w, ReferralStatus.SENT)
    draft_id = await a_referral(api, w, ReferralStatus.DRAFT)
    someone = await who(api, w, caller)

    # when they look each up, then they see what docs/access.md gives them
    assert (await seen(api, sent_id, someone), await seen(api, draft_id, someone)) == (sent, draft)
