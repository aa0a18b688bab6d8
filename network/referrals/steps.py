"""Steps shared by the referral operations: finding the referral as the caller sees
it, checking sides and state, the conditional status change, events, new rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from network.access import may_act_as_receiver, may_act_as_sender
from network.crypto import DataCipher
from network.enums import ReferralEventKind, ReferralStatus
from network.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Youth
from network.referrals import machine, repository, rules
from network.referrals.errors import ConsentRequired, StaleVersion
from network.referrals.hooks import announce
from network.referrals.machine import Action, Side
from network.referrals.repository import Seen
from network.referrals.targets import Target
from network.validation import clean_text
from network.viewer import Viewer


async def seen_by(session: AsyncSession, viewer: Viewer, referral_id: int, now: datetime) -> Seen:
    seen = (await repository.get_visible(session, [referral_id], viewer=viewer, now=now)).get(
        referral_id
    )
    if seen is None:
        raise NotFound("no such referral", field=["id"])
    return seen


async def answerable(
    session: AsyncSession,
    viewer: Viewer,
    referral_id: int,
    version: int,
    action: Action,
    now: datetime,
) -> Referral:
    """The referral, if ``viewer`` holds the side that takes ``action``, its status
    allows it, and ``version`` is current."""
    referral = (await seen_by(session, viewer, referral_id, now)).referral
    youth = await repository.youth_of(session, referral.youth_id)
    side = machine.side_of(action)
    held = sides_held(viewer, referral, youth)
    if not held:
        raise PermissionDenied("you may not change this referral")
    if side not in held:
        raise InvalidTransition(f"only the {side.lower()} side may {action.lower()} a referral")
    machine.next_status(referral.status, action, side)
    if version != referral.version:
        raise StaleVersion(f"the referral is at version {referral.version}", field=["version"])
    return referral


def sides_held(viewer: Viewer, referral: Referral, youth: Youth) -> set[Side]:
    held = set()
    if may_act_as_sender(viewer, from_actor_id=referral.from_actor_id, youth=youth):
        held.add(Side.SENDER)
    if may_act_as_receiver(viewer, to_actor_id=referral.to_actor_id):
        held.add(Side.RECEIVER)
    return held


async def move(
    session: AsyncSession,
    referral: Referral,
    *,
    viewer: Viewer | None,
    action: Action,
    version: int,
    note: str | None,
    now: datetime,
    values: dict[str, Any],
) -> Referral:
    """Change the status with one conditional UPDATE, then write the event."""
    side = machine.side_of(action)
    before = referral.status
    after = machine.next_status(before, action, side)
    changes: dict[str, Any] = {
        "status": after,
        "updated_at": now,
        **values,
        **machine.stamps(action, after, responded_at=referral.responded_at, at=now),
    }
    moved = await repository.change(
        session, referral.id, version=version, sources=machine.sources(action), values=changes
    )
    if moved is None:
        current = await repository.get(session, referral.id)
        if current is None or not machine.allows(current.status, action, side):
            raise InvalidTransition("the referral changed status meanwhile")
        raise StaleVersion("the referral changed meanwhile", field=["version"])
    await record(session, moved, machine.EVENT_KINDS[action], viewer, before, after, note, now)
    return moved


async def record(
    session: AsyncSession,
    referral: Referral,
    kind: ReferralEventKind,
    viewer: Viewer | None,
    before: ReferralStatus | None,
    after: ReferralStatus | None,
    note_enc: str | None,
    now: datetime,
) -> ReferralEvent:
    event = ReferralEvent(
        referral_id=referral.id,
        kind=kind,
        at=now,
        by_id=viewer.user_id if viewer else None,
        from_status=before,
        to_status=after,
        note_enc=note_enc,
    )
    session.add(event)
    await session.flush()
    await announce(session, referral, event)
    return event


async def insert(
    session: AsyncSession,
    values: dict[str, Any],
    *,
    target: Target,
    status: ReferralStatus,
    now: datetime,
    days: int,
) -> int | None:
    if status == ReferralStatus.SENT:
        await require_consent(session, values["youth_id"], target, now)
        values = {**values, **sent_stamps(target, now, days)}
    return await repository.insert_once(
        session,
        {
            **values,
            "to_actor_id": target.actor.id,
            "service_id": target.service.id if target.service else None,
            "axis": target.axis,
            "status": status,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        },
    )


def carried_onward(referral: Referral) -> dict[str, Any]:
    """What a redirect carries over to the onward referral it creates."""
    return {
        "youth_id": referral.youth_id,
        "from_actor_id": referral.from_actor_id,
        "reason_enc": referral.reason_enc,
        "priority": referral.priority,
        "redirected_from_id": referral.id,
    }


def sent_stamps(target: Target, now: datetime, default_response_days: int) -> dict[str, Any]:
    days = target.response_days(default_response_days)
    return {"sent_at": now, "respond_by": rules.respond_by(now, days)}


async def require_consent(
    session: AsyncSession, youth_id: int, target: Target, now: datetime
) -> None:
    if not await repository.consent_covers(
        session, youth_id=youth_id, actor_id=target.actor.id, now=now
    ):
        raise ConsentRequired("no consent of the young person covers the receiving actor")


def not_to_itself(from_actor_id: int, target: Target) -> None:
    if target.actor.id == from_actor_id:
        field = "serviceId" if target.service is not None else "toActorId"
        raise InvalidInput("a referral cannot go from an actor to itself", field=[field])


def required_text(value: str, *, field: str, max_length: int) -> str:
    text = clean_text(value, field=[field], max_length=max_length, multiline=True)
    if text is None:
        raise InvalidInput("required", field=[field])
    return text


def encrypted_note(cipher: DataCipher, note: str | None) -> str | None:
    return cipher.encrypt(
        clean_text(note, field=["note"], max_length=rules.MAX_NOTE, multiline=True)
    )
