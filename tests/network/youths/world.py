"""A small leaving-care world for access tests, written as rows on a test's own database.

A care institution in Fès (region MA-03) with its MEDIATOR and AGENCY_STAFF, a young
person of that institution with a mediator from another actor, a receiving organisation
in Rabat whose unit receives referrals, an unrelated actor and an international
partner. Consents and referrals are added by each test with ``consent`` and ``referral``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from network import clock
from network.crypto import DataCipher
from network.database import unit_of_work
from network.enums import (
    OPEN_STATUSES,
    ActorKind,
    ConsentGiver,
    ReferralStatus,
    Role,
    ServiceAxis,
)
from network.records.consents import Consent, consent_actors
from network.records.referrals import Referral
from network.records.youths import Youth
from tests.api import Api
from tests.factories import Person, actor, add_row, person

FIRST_NAME, LAST_NAME, BIRTH_DATE = "Salma", "Bennani", date(2010, 3, 14)


@dataclass(frozen=True)
class World:
    institution: int
    receiver_org: int
    receiver: int
    other: int
    partner: int
    youth: int
    mediator: Person


def cipher_of(api: Api) -> DataCipher:
    return DataCipher(api.state.settings.data_key)


async def _actor(api: Api, kind: ActorKind, name: str, territory: str, parent: int | None) -> int:
    return await actor(api, name=name, kind=kind, territory=territory, parent_id=parent)


async def add_youth(api: Api, *, institution: int, mediator_id: int | None) -> int:
    cipher = cipher_of(api)
    async with unit_of_work(api.state.sessions) as uow:
        youth = Youth(
            code=f"JY-T{institution:05d}",
            first_name_enc=cipher.encrypt(FIRST_NAME),
            last_name_enc=cipher.encrypt(LAST_NAME),
            birth_date_enc=cipher.encrypt(BIRTH_DATE.isoformat()),
            name_hash=cipher.lookup_hash(FIRST_NAME, LAST_NAME),
            institution_id=institution,
            mediator_id=mediator_id,
        )
        uow.session.add(youth)
        await uow.session.flush()
        return youth.id


async def world(api: Api) -> World:
    institution = await _actor(api, ActorKind.CARE_INSTITUTION, "Dar Test", "MA-FES", None)
    mediation = await _actor(api, ActorKind.ASSOCIATION, "Médiation Test", "MA-MEK", None)
    receiver_org = await _actor(api, ActorKind.ASSOCIATION, "Réseau Test", "MA-RAB", None)
    receiver = await _actor(api, ActorKind.ASSOCIATION, "Antenne Test", "MA-RAB", receiver_org)
    other = await _actor(api, ActorKind.ASSOCIATION, "Autre Test", "MA-RAB", None)
    partner = await _actor(api, ActorKind.INTERNATIONAL_PARTNER, "Partner", "MA-RAB", None)
    mediator = await person(api, Role.MEDIATOR, actor_id=mediation)
    youth = await add_youth(api, institution=institution, mediator_id=mediator.id)
    return World(institution, receiver_org, receiver, other, partner, youth, mediator)


async def consent(
    api: Api,
    youth: int,
    *,
    all_actors: bool = False,
    kinds: tuple[ActorKind, ...] = (),
    actors: tuple[int, ...] = (),
    given_on: date | None = None,
    expires_on: date | None = None,
    withdrawn: bool = False,
) -> int:
    today = clock.today()
    async with unit_of_work(api.state.sessions) as uow:
        row = Consent(
            youth_id=youth,
            given_by=ConsentGiver.LEGAL_REPRESENTATIVE,
            all_actors=all_actors,
            actor_kinds=[str(kind) for kind in kinds],
            given_on=given_on or today - timedelta(days=30),
            expires_on=expires_on,
            withdrawn_at=clock.now() if withdrawn else None,
        )
        uow.session.add(row)
        await uow.session.flush()
        for actor_id in actors:
            await uow.session.execute(
                consent_actors.insert().values(consent_id=row.id, actor_id=actor_id)
            )
        return row.id


async def referral(
    api: Api,
    youth: int,
    *,
    from_actor: int,
    to_actor: int,
    status: ReferralStatus = ReferralStatus.SENT,
    closed_days_ago: int | None = None,
) -> int:
    """A referral row as the referral service would leave it in ``status``."""
    now = clock.now()
    closed_at = None if status in OPEN_STATUSES else now - timedelta(days=closed_days_ago or 0)
    sent_at: datetime | None = None if status == ReferralStatus.DRAFT else now - timedelta(90)
    row = Referral(
        youth_id=youth,
        from_actor_id=from_actor,
        to_actor_id=to_actor,
        axis=ServiceAxis.EMPLOYMENT,
        status=status,
        sent_at=sent_at,
        closed_at=closed_at,
    )
    return await add_row(api, row)


async def referral_to_receiver(
    api: Api, w: World, status: ReferralStatus, closed_days_ago: int | None
) -> int:
    """A referral of the young person from the institution to the receiving unit."""
    return await referral(
        api,
        w.youth,
        from_actor=w.institution,
        to_actor=w.receiver,
        status=status,
        closed_days_ago=closed_days_ago,
    )
