"""A small referral network on a test's own database, and the GraphQL calls that
move referrals through it.

A care institution in Fès with its MEDIATOR, who mediates one young person of it; a
receiving association in Rabat with a service and a staff member; a second receiver
for redirects; an unrelated actor's staff. The young person consents to all actors
unless a test says otherwise. Young people and consents are written as rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from network import clock
from network.crypto import DataCipher
from network.database import unit_of_work
from network.enums import ActorKind, ConsentGiver, Role
from network.ids import to_global_id
from network.records.consents import Consent
from network.records.youths import Youth
from tests.api import Api
from tests.factories import Person, actor, person, service


@dataclass(frozen=True)
class Network:
    institution: int
    receiver: int
    receiver_service: int
    second: int
    second_service: int
    outsider: int
    youth: int
    mediator: Person
    receiver_staff: Person
    second_staff: Person
    outsider_staff: Person

    @property
    def youth_id(self) -> str:
        return to_global_id("Youth", self.youth)

    @property
    def service_id(self) -> str:
        return to_global_id("Service", self.receiver_service)


async def add_actor(api: Api, name: str, *, kind: ActorKind, territory: str, **changes: Any) -> int:
    return await actor(api, name=name, kind=kind, territory=territory, **changes)


async def add_youth(api: Api, *, institution: int, mediator_id: int | None) -> int:
    cipher = DataCipher(api.state.settings.data_key)
    async with unit_of_work(api.state.sessions) as uow:
        youth = Youth(
            code=f"JR-{institution:05d}-{mediator_id or 0}",
            first_name_enc=cipher.encrypt("Yassine"),
            last_name_enc=cipher.encrypt("Alaoui"),
            birth_date_enc=cipher.encrypt("2007-05-02"),
            name_hash=cipher.lookup_hash("Yassine", "Alaoui"),
            institution_id=institution,
            mediator_id=mediator_id,
        )
        uow.session.add(youth)
        await uow.session.flush()
        return youth.id


async def add_consent(api: Api, youth: int, *, all_actors: bool = True) -> int:
    async with unit_of_work(api.state.sessions) as uow:
        row = Consent(
            youth_id=youth,
            given_by=ConsentGiver.YOUTH,
            all_actors=all_actors,
            actor_kinds=[],
            given_on=clock.today() - timedelta(days=10),
            expires_on=clock.today() + timedelta(days=365),
        )
        uow.session.add(row)
        await uow.session.flush()
        return row.id


async def network(api: Api, *, consent: bool = True) -> Network:
    institution = await add_actor(
        api, "Dar Test", kind=ActorKind.CARE_INSTITUTION, territory="MA-FES"
    )
    receiver = await add_actor(
        api, "Association Réception", kind=ActorKind.ASSOCIATION, territory="MA-RAB"
    )
    second = await add_actor(
        api, "Centre Relais", kind=ActorKind.TRAINING_CENTER, territory="MA-SAL"
    )
    outsider = await add_actor(api, "Autre Test", kind=ActorKind.ASSOCIATION, territory="MA-KEN")
    mediator = await person(api, Role.MEDIATOR, actor_id=institution)
    youth = await add_youth(api, institution=institution, mediator_id=mediator.id)
    if consent:
        await add_consent(api, youth)
    return Network(
        institution=institution,
        receiver=receiver,
        receiver_service=await service(api, actor_id=receiver),
        second=second,
        second_service=await service(api, actor_id=second, name="Formation relais"),
        outsider=outsider,
        youth=youth,
        mediator=mediator,
        receiver_staff=await person(api, Role.AGENCY_STAFF, actor_id=receiver),
        second_staff=await person(api, Role.AGENCY_STAFF, actor_id=second),
        outsider_staff=await person(api, Role.AGENCY_STAFF, actor_id=outsider),
    )


REFERRAL_FIELDS = """
  id status version reason priority axis overdue
  sentAt respondBy respondedAt completedAt nextFollowUpAt outcome declineReason
  fromActor { id } toActor { id } service { id } youth { id }
  redirectedTo { id status } redirectedFrom { id }
"""

CREATE = (
    "mutation($input: CreateReferralInput!) { createReferral(input: $input) {"
    " referral {" + REFERRAL_FIELDS + "} userErrors { field message code } } }"
)


def transition_mutation(name: str, input_type: str) -> str:
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) {{"
        " referral {" + REFERRAL_FIELDS + "} userErrors { field message code } } }"
    )


INPUT_TYPES = {
    "sendReferral": "TransitionInput",
    "acceptReferral": "TransitionInput",
    "startReferral": "TransitionInput",
    "declineReferral": "DeclineReferralInput",
    "redirectReferral": "RedirectReferralInput",
    "completeReferral": "CompleteReferralInput",
    "cancelReferral": "CancelReferralInput",
    "addReferralNote": "AddReferralNoteInput",
    "scheduleFollowUp": "ScheduleFollowUpInput",
}


async def create(api: Api, who: Person, world: Network, **fields: Any) -> dict[str, Any]:
    """createReferral's payload; by default the mediator sends the young person to the
    receiver's service."""
    given: dict[str, Any] = {
        "youthId": world.youth_id,
        "serviceId": world.service_id,
        "reason": "Recherche d'une formation qualifiante",
    }
    given.update(fields)
    data = await api.data(CREATE, {"input": given}, who.token)
    return data["createReferral"]  # type: ignore[no-any-return]


async def created(api: Api, who: Person, world: Network, **fields: Any) -> dict[str, Any]:
    """A referral that must have been created."""
    payload = await create(api, who, world, **fields)
    assert payload["userErrors"] == [], payload
    return payload["referral"]  # type: ignore[no-any-return]


async def act(api: Api, name: str, who: Person, **given: Any) -> dict[str, Any]:
    """The payload of one referral mutation (``name``) with ``given`` as its input."""
    data = await api.data(transition_mutation(name, INPUT_TYPES[name]), {"input": given}, who.token)
    return data[name]  # type: ignore[no-any-return]


async def done(
    api: Api, name: str, who: Person, referral: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    """The referral after ``name`` succeeded on it at its current version."""
    payload = await act(api, name, who, id=referral["id"], version=referral["version"], **extra)
    assert payload["userErrors"] == [], payload
    return payload["referral"]  # type: ignore[no-any-return]


async def redirected(
    api: Api, world: Network, referral: dict[str, Any], **onward: Any
) -> dict[str, Any]:
    """The referral after the receiver's staff redirected it (``onward``: to a service, or
    to an actor)."""
    return await done(api, "redirectReferral", world.receiver_staff, referral, **onward)


def error_codes(payload: dict[str, Any]) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]


def future(days: int = 3) -> str:
    return (clock.now() + timedelta(days=days)).isoformat()
