"""The rules of docs/access.md as SQL: who sees a young person, their identity, a referral."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import ColumnElement, select

from network import clock
from network.access import (
    covering_consent,
    may_act_as_receiver,
    may_act_as_sender,
    may_manage_youth,
    referral_visible,
    youth_identity_visible,
    youth_visible,
)
from network.actors.service import create_actor
from network.database import unit_of_work
from network.enums import ActorKind, ReferralStatus, Role
from network.records.referrals import Referral
from network.records.youths import Youth
from network.viewer import ANONYMOUS, Viewer
from tests.api import Api
from tests.factories import SCENE, territory_pk
from tests.network.youths.world import World, consent, referral, referral_to_receiver, world

ADMIN = Viewer(user_id=1, roles=frozenset({Role.ADMIN}))


def staff(actor: int, *units: int, role: Role = Role.AGENCY_STAFF) -> Viewer:
    return Viewer(
        user_id=999_001,
        roles=frozenset({role}),
        actor_id=actor,
        actor_kind=ActorKind.ASSOCIATION,
        actor_scope=frozenset({actor, *units}),
    )


def coordinator(path: str) -> Viewer:
    return Viewer(user_id=999_002, roles=frozenset({Role.COORDINATOR}), territory_path=path)


def mediator_of(w: World) -> Viewer:
    return Viewer(
        user_id=w.mediator.id, roles=frozenset({Role.MEDIATOR}), actor_id=1, actor_scope=frozenset()
    )


async def sees(api: Api, rule: Callable[..., ColumnElement[bool]], viewer: Viewer, pk: int) -> bool:
    model: Any = Referral if rule is referral_visible else Youth
    async with api.state.sessions() as session:
        found = await session.scalar(select(model.id).where(model.id == pk, rule(viewer)))
    return found is not None


async def covered(api: Api, youth: int, actor: int) -> bool:
    async with api.state.sessions() as session:
        statement = select(Youth.id).where(
            Youth.id == youth, covering_consent(Youth.id, actor, today=clock.today())
        )
        return await session.scalar(statement) is not None


async def test_the_institution_staff_and_the_mediator_see_the_identity(api: Api) -> None:
    # given
    w = await world(api)
    # then
    for viewer in (staff(w.institution), mediator_of(w), ADMIN):
        assert await sees(api, youth_visible, viewer, w.youth)
        assert await sees(api, youth_identity_visible, viewer, w.youth)
    for viewer in (staff(w.other), staff(w.receiver), ANONYMOUS):
        assert not await sees(api, youth_visible, viewer, w.youth)


async def test_a_coordinator_sees_the_young_people_of_their_territory_but_never_identity(
    api: Api,
) -> None:
    # given
    w = await world(api)
    # then
    assert await sees(api, youth_visible, coordinator("/MA-03/"), w.youth)
    assert not await sees(api, youth_identity_visible, coordinator("/MA-03/"), w.youth)
    assert not await sees(api, youth_visible, coordinator("/MA-04/"), w.youth)


async def test_staff_of_an_international_partner_see_no_young_person(api: Api) -> None:
    # given
    w = await world(api)
    await consent(api, w.youth, all_actors=True)
    pk = await referral(api, w.youth, from_actor=w.institution, to_actor=w.partner)
    partner = Viewer(
        user_id=999_003,
        roles=frozenset({Role.AGENCY_STAFF, Role.COORDINATOR}),
        actor_id=w.partner,
        actor_kind=ActorKind.INTERNATIONAL_PARTNER,
        actor_scope=frozenset({w.partner}),
        territory_path="/",
    )
    # then
    assert not await sees(api, youth_visible, partner, w.youth)
    assert not await sees(api, referral_visible, partner, pk)


@pytest.mark.parametrize(
    ("status", "closed_days_ago", "expected"),
    [
        (ReferralStatus.SENT, None, True),
        (ReferralStatus.IN_PROGRESS, None, True),
        (ReferralStatus.DRAFT, None, False),
        (ReferralStatus.COMPLETED, 10, True),
        (ReferralStatus.DECLINED, 60, False),
    ],
)
async def test_the_receiver_sees_the_young_person_while_the_referral_is_live(
    api: Api, status: ReferralStatus, closed_days_ago: int | None, expected: bool
) -> None:
    # given
    w = await world(api)
    await consent(api, w.youth, actors=(w.receiver,))
    await referral_to_receiver(api, w, status, closed_days_ago)
    # then
    for viewer in (staff(w.receiver), staff(w.receiver_org, w.receiver)):
        assert await sees(api, youth_visible, viewer, w.youth) is expected
        assert await sees(api, youth_identity_visible, viewer, w.youth) is expected


@pytest.mark.parametrize(
    "scope",
    [
        {"all_actors": True},
        {"kinds": (ActorKind.HEALTH_FACILITY, ActorKind.ASSOCIATION)},
        {"actors": ("receiver",)},
        {"actors": ("receiver_org",)},
    ],
)
async def test_a_consent_covers_all_actors_a_kind_an_actor_or_its_parent(
    api: Api, scope: dict[str, Any]
) -> None:
    # given
    w = await world(api)
    if "actors" in scope:
        scope = {"actors": tuple(getattr(w, name) for name in scope["actors"])}
    await consent(api, w.youth, **scope)
    # then
    assert await covered(api, w.youth, w.receiver)


async def test_a_consent_naming_an_actor_covers_its_units_three_levels_down(api: Api) -> None:
    # given
    w = await world(api)
    fes = await territory_pk(api, "MA-FES")
    deepest = w.receiver
    async with unit_of_work(api.state.sessions) as uow:
        for depth in (2, 3):
            row = await create_actor(
                uow.session,
                viewer=SCENE,
                kind=ActorKind.ASSOCIATION,
                changes={
                    "names": {"fr": f"Niveau {depth}"},
                    "territory_id": fes,
                    "parent_id": deepest,
                },
            )
            deepest = row.id
    await consent(api, w.youth, actors=(w.receiver_org,))
    # then
    assert await covered(api, w.youth, deepest)
    assert not await covered(api, w.youth, w.other)


TODAY = clock.today()


@pytest.mark.parametrize(
    "state",
    [
        {"all_actors": True, "withdrawn": True},
        {"all_actors": True, "expires_on": TODAY - timedelta(days=1)},
        {"all_actors": True, "given_on": TODAY + timedelta(days=1)},
        {"kinds": (ActorKind.EMPLOYER, ActorKind.EMPLOYMENT_AGENCY)},
    ],
)
async def test_a_withdrawn_expired_future_or_other_consent_does_not_cover(
    api: Api, state: dict[str, Any]
) -> None:
    # given
    w = await world(api)
    await consent(api, w.youth, **state)
    await referral(api, w.youth, from_actor=w.institution, to_actor=w.receiver)
    # then
    assert not await covered(api, w.youth, w.receiver)
    assert not await sees(api, youth_visible, staff(w.receiver), w.youth)


async def test_referrals_are_seen_by_both_sides_the_mediator_and_coordinators(api: Api) -> None:
    # given
    w = await world(api)
    sent = await referral(api, w.youth, from_actor=w.institution, to_actor=w.receiver)
    draft = await referral(
        api, w.youth, from_actor=w.institution, to_actor=w.receiver, status=ReferralStatus.DRAFT
    )
    # then
    for viewer in (staff(w.institution), staff(w.receiver_org, w.receiver), mediator_of(w)):
        assert await sees(api, referral_visible, viewer, sent)
    assert await sees(api, referral_visible, coordinator("/MA-04/"), sent)
    assert await sees(api, referral_visible, staff(w.institution), draft)
    assert await sees(api, referral_visible, mediator_of(w), draft)
    assert not await sees(api, referral_visible, staff(w.receiver), draft)
    for viewer in (staff(w.other), coordinator("/MA-05/"), ANONYMOUS):
        assert not await sees(api, referral_visible, viewer, sent)


def test_who_may_manage_a_young_person_and_act_on_a_referral() -> None:
    # given
    youth = Youth(institution_id=10, mediator_id=7)
    mediator = Viewer(user_id=7, roles=frozenset({Role.MEDIATOR}), actor_id=30)
    institution_mediator = staff(10, role=Role.MEDIATOR)
    institution_staff = staff(10)
    # then
    assert may_manage_youth(mediator, youth)
    assert may_manage_youth(institution_mediator, youth)
    assert may_manage_youth(ADMIN, youth)
    assert not may_manage_youth(institution_staff, youth)
    assert not may_manage_youth(ANONYMOUS, youth)
    assert may_act_as_sender(mediator, from_actor_id=99, youth=youth)
    assert may_act_as_sender(staff(1, 99), from_actor_id=99, youth=youth)
    assert not may_act_as_sender(staff(98), from_actor_id=99, youth=youth)
    assert may_act_as_receiver(staff(1, 99), to_actor_id=99)
    assert not may_act_as_receiver(mediator, to_actor_id=99)
    assert may_act_as_receiver(ADMIN, to_actor_id=99)
