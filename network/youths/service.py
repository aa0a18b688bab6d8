"""Registering and following young people, as docs/access.md allows.

Only their mediator, MEDIATOR staff of their institution and ADMIN change a young
person; someone the caller may not see is not found. Identity fields are encrypted
before they reach the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.access import may_manage_youth
from network.actors import repository as actors
from network.crypto import DataCipher
from network.enums import (
    EducationLevel,
    Gender,
    MilestoneKind,
    NeedLevel,
    Role,
    ServiceAxis,
    VocationalLevel,
    YouthStatus,
)
from network.errors import Duplicate, InvalidInput, NotFound, PermissionDenied
from network.idempotency import add_once, earlier, request_fingerprint
from network.records.youths import Milestone, Need, Youth
from network.territories import repository as territories
from network.users import repository as users
from network.validation import clean_text
from network.viewer import Viewer
from network.youths import repository, rules
from network.youths.identity import identity_of, set_identity

CODE_ATTEMPTS = 8


class Registration(TypedDict, total=False):
    code: str | None
    first_name: str
    last_name: str
    birth_date: date
    gender: Gender | None
    institution_id: int
    residence_territory_id: int | None
    mediator_id: int | None
    expected_leaving_date: date | None
    education_level: EducationLevel | None
    vocational_level: VocationalLevel | None


class YouthChanges(TypedDict, total=False):
    """Fields to set: an absent key leaves the field as it is, None clears it (the names and
    the status, which cannot be cleared, are then refused as required)."""

    first_name: str | None
    last_name: str | None
    status: YouthStatus | None
    mediator_id: int | None
    residence_territory_id: int | None
    expected_leaving_date: date | None
    left_care_on: date | None
    education_level: EducationLevel | None
    vocational_level: VocationalLevel | None


@dataclass(frozen=True)
class NeedAssessment:
    axis: ServiceAxis
    level: NeedLevel
    note: str | None = None


async def register_youth(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    registration: Registration,
    idempotency_key: str | None = None,
) -> Youth:
    """A new young person; a repeat with the same ``idempotency_key`` (per user) and the
    same input returns the first one, with other input it is a DUPLICATE."""
    user_id = viewer.signed_in_id()
    key = clean_text(idempotency_key, field=["idempotencyKey"], max_length=128)
    fingerprint = request_fingerprint(cipher, registration)
    first = await earlier(
        session,
        Youth,
        user_id=user_id,
        key=key,
        fingerprint=fingerprint,
        refused="this idempotencyKey was used for another registration",
    )
    if first is not None:
        return first
    today = clock.today()
    birth_date = registration["birth_date"]
    rules.check_birth_date(birth_date, today=today)
    youth = Youth(
        institution_id=registration["institution_id"],
        mediator_id=registration.get("mediator_id"),
        gender=registration.get("gender"),
        status=YouthStatus.IN_CARE,
        created_by_id=user_id,
        idempotency_key=key,
        request_fingerprint=fingerprint,
    )
    set_identity(
        youth,
        cipher,
        first_name=rules.clean_name(registration["first_name"], field="firstName"),
        last_name=rules.clean_name(registration["last_name"], field="lastName"),
        birth_date=birth_date,
    )
    if youth.institution_id not in await actors.get_many(session, [youth.institution_id]):
        raise NotFound("no such actor", field=["institutionId"])
    await _apply(session, youth, registration)
    if not may_manage_youth(viewer, youth):
        raise PermissionDenied(
            "only a MEDIATOR of the institution, the named mediator or ADMIN registers",
            field=["institutionId"],
        )
    youth.code = await _code(session, youth.institution_id, registration.get("code"))
    return await add_once(session, youth, user_id=user_id, key=key, fingerprint=fingerprint)


async def _code(session: AsyncSession, institution_id: int, given: str | None) -> str:
    if given is not None:
        code = rules.clean_code(given)
        if await repository.code_taken(session, institution_id, code):
            raise Duplicate("this case code is taken", field=["code"])
        return code
    for _ in range(CODE_ATTEMPTS):
        code = rules.new_code()
        if not await repository.code_taken(session, institution_id, code):
            return code
    raise RuntimeError("no free case code after several attempts")


async def managed_youth(session: AsyncSession, *, viewer: Viewer, youth_id: int) -> Youth:
    """The young person, when ``viewer`` may change them and what is held about them."""
    viewer.signed_in_id()
    seen = (await repository.get_visible(session, viewer, [youth_id], now=clock.now())).get(
        youth_id
    )
    if seen is None:
        raise NotFound("no such young person", field=["id"])
    if not may_manage_youth(viewer, seen.youth):
        raise PermissionDenied("only their mediator, a MEDIATOR of their institution or ADMIN")
    return seen.youth


async def update_youth(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    youth_id: int,
    changes: YouthChanges,
) -> Youth:
    youth = await managed_youth(session, viewer=viewer, youth_id=youth_id)
    if "first_name" in changes or "last_name" in changes:
        current = identity_of(youth, cipher)
        first = changes.get("first_name", current.first_name)
        last = changes.get("last_name", current.last_name)
        set_identity(
            youth,
            cipher,
            first_name=rules.clean_name(first, field="firstName"),
            last_name=rules.clean_name(last, field="lastName"),
            birth_date=current.birth_date or clock.today(),
        )
    if "status" in changes:
        status = changes["status"]
        if status is None:
            raise InvalidInput("required", field=["status"])
        youth.status = status
    if "left_care_on" in changes:
        rules.check_not_future(changes["left_care_on"], today=clock.today(), field="leftCareOn")
        youth.left_care_on = changes["left_care_on"]
    await _apply(session, youth, changes)
    if not may_manage_youth(viewer, youth):
        raise PermissionDenied(
            "you would no longer be allowed to manage them", field=["mediatorId"]
        )
    await session.flush()
    return youth


async def _apply(session: AsyncSession, youth: Youth, changes: YouthChanges | Registration) -> None:
    """The fields a registration and an update share."""
    if "mediator_id" in changes:
        mediator_id = changes["mediator_id"]
        if mediator_id is not None:
            mediator = (await users.get_many(session, [mediator_id])).get(mediator_id)
            if mediator is None or Role.MEDIATOR not in mediator.roles:
                raise NotFound("no such mediator", field=["mediatorId"])
        youth.mediator_id = mediator_id
    if "residence_territory_id" in changes:
        territory_id = changes["residence_territory_id"]
        if territory_id is not None and not await territories.existing_ids(session, [territory_id]):
            raise NotFound("no such territory", field=["residenceTerritoryId"])
        youth.residence_territory_id = territory_id
    if "expected_leaving_date" in changes:
        youth.expected_leaving_date = changes["expected_leaving_date"]
    if "education_level" in changes:
        youth.education_level = changes["education_level"]
    if "vocational_level" in changes:
        youth.vocational_level = changes["vocational_level"]


async def assess_needs(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    youth_id: int,
    needs: Sequence[NeedAssessment],
) -> Youth:
    """Upsert one need per axis given; axes not given are unchanged."""
    youth = await managed_youth(session, viewer=viewer, youth_id=youth_id)
    if len({need.axis for need in needs}) != len(needs):
        raise InvalidInput("one assessment per axis", field=["needs"])
    current = {need.axis: need for need in await repository.needs_of(session, [youth.id])}
    now = clock.now()
    for index, assessed in enumerate(needs):
        note = rules.clean_note(assessed.note, field=["needs", str(index), "note"])
        row = current.get(assessed.axis)
        if row is None:
            row = Need(youth_id=youth.id, axis=assessed.axis)
            session.add(row)
        row.level = assessed.level
        row.note_enc = cipher.encrypt(note)
        row.assessed_at = now
    await session.flush()
    return youth


async def record_milestone(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    youth_id: int,
    kind: MilestoneKind,
    achieved_on: date,
    note: str | None,
) -> Youth:
    youth = await managed_youth(session, viewer=viewer, youth_id=youth_id)
    rules.check_not_future(achieved_on, today=clock.today(), field="achievedOn")
    milestone = Milestone(
        youth_id=youth.id,
        kind=kind,
        achieved_on=achieved_on,
        note_enc=cipher.encrypt(rules.clean_note(note, field=["note"])),
    )
    session.add(milestone)
    await session.flush()
    return youth
