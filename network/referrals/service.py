"""The referral lifecycle of docs/design.md, with the rights of docs/access.md.

Every change writes a ReferralEvent in the caller's transaction and announces it
(network.referrals.hooks). Status changes go through one conditional UPDATE on
(id, version, status), so of two concurrent answers exactly one wins and the other
gets STALE_VERSION or INVALID_TRANSITION. A referral the caller may not see is
NOT_FOUND; one they see but may not change, PERMISSION_DENIED.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.access import may_act_as_sender
from network.crypto import DataCipher
from network.enums import (
    DeclineReason,
    ReferralEventKind,
    ReferralOutcome,
    ReferralStatus,
)
from network.errors import InvalidInput, InvalidTransition, PermissionDenied
from network.records.referrals import Referral
from network.referrals import machine, repository, rules, steps
from network.referrals.errors import StaleVersion
from network.referrals.machine import Action
from network.referrals.targets import check_receives, chosen_target, current_target
from network.viewer import Viewer


@dataclass(frozen=True)
class Answer:
    """What every status change is given: who answers, the cipher of their note, the
    referral and the version they saw, the note, and when (now by default)."""

    viewer: Viewer
    cipher: DataCipher
    referral_id: int
    version: int
    note: str | None = None
    now: datetime | None = None

    def at(self) -> datetime:
        return self.now or clock.now()


async def send_referral(
    session: AsyncSession, answer: Answer, *, default_response_days: int
) -> Referral:
    """DRAFT → SENT: the receiver must still take referrals and a consent must cover it."""
    now = answer.at()
    referral = await steps.answerable(
        session, answer.viewer, answer.referral_id, answer.version, Action.SEND, now
    )
    target = await current_target(
        session,
        actor_id=referral.to_actor_id,
        service_id=referral.service_id,
        axis=referral.axis,
    )
    check_receives(target)
    await steps.require_consent(session, referral.youth_id, target, now)
    return await steps.move(
        session,
        referral,
        viewer=answer.viewer,
        action=Action.SEND,
        version=answer.version,
        note=steps.encrypted_note(answer.cipher, answer.note),
        now=now,
        values=steps.sent_stamps(target, now, default_response_days),
    )


async def accept_referral(session: AsyncSession, answer: Answer) -> Referral:
    """SENT → ACCEPTED, by the receiving side."""
    return await _simple(session, answer, Action.ACCEPT)


async def start_referral(session: AsyncSession, answer: Answer) -> Referral:
    """ACCEPTED → IN_PROGRESS, by the receiving side."""
    return await _simple(session, answer, Action.START)


async def decline_referral(
    session: AsyncSession, answer: Answer, reason: DeclineReason
) -> Referral:
    """SENT or ACCEPTED → DECLINED, by the receiving side, with a reason."""
    return await _simple(session, answer, Action.DECLINE, {"decline_reason": reason})


async def complete_referral(
    session: AsyncSession, answer: Answer, outcome: ReferralOutcome
) -> Referral:
    """IN_PROGRESS → COMPLETED, by the receiving side, with an outcome."""
    return await _simple(session, answer, Action.COMPLETE, {"outcome": outcome})


async def cancel_referral(session: AsyncSession, answer: Answer) -> Referral:
    """Any open state → CANCELLED, by the sending side, saying why."""
    note = steps.required_text(answer.note or "", field="note", max_length=rules.MAX_NOTE)
    return await _simple(session, replace(answer, note=note), Action.CANCEL)


async def redirect_referral(
    session: AsyncSession,
    answer: Answer,
    *,
    to_actor_id: int | None,
    service_id: int | None,
    default_response_days: int,
) -> Referral:
    """The referral ends as REDIRECTED, and a new SENT referral goes from the same
    sending actor to the new receiver (consent checked again), linked both ways.
    Returns the redirected referral."""
    viewer, now = answer.viewer, answer.at()
    note_enc = steps.encrypted_note(answer.cipher, answer.note)
    referral = await steps.answerable(
        session, viewer, answer.referral_id, answer.version, Action.REDIRECT, now
    )
    target = await chosen_target(
        session,
        viewer=viewer,
        service_id=service_id,
        to_actor_id=to_actor_id,
        axis=None if service_id is not None else referral.axis,
    )
    steps.not_to_itself(referral.from_actor_id, target)
    same_service = target.service.id if target.service else None
    if target.actor.id == referral.to_actor_id and same_service == referral.service_id:
        raise InvalidInput("the referral is already with this receiver", field=["toActorId"])
    check_receives(target)
    values = {**steps.carried_onward(referral), "created_by_id": viewer.user_id}
    onward_id = await steps.insert(
        session,
        values,
        target=target,
        status=ReferralStatus.SENT,
        now=now,
        days=default_response_days,
    )
    assert onward_id is not None, "no idempotency key, no conflict"
    redirected = await steps.move(
        session,
        referral,
        viewer=viewer,
        action=Action.REDIRECT,
        version=answer.version,
        note=note_enc,
        now=now,
        values={"redirected_to_id": onward_id},
    )
    onward = await repository.get(session, onward_id)
    assert onward is not None
    await steps.record(
        session, onward, ReferralEventKind.CREATED, viewer, None, onward.status, note_enc, now
    )
    return redirected


async def add_referral_note(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    referral_id: int,
    note: str,
    now: datetime | None = None,
) -> Referral:
    """Both sides add notes: anyone who may see the referral's identity fields."""
    now = now or clock.now()
    text = steps.required_text(note, field="note", max_length=rules.MAX_NOTE)
    seen = await steps.seen_by(session, viewer, referral_id, now)
    if not seen.identity_visible:
        raise PermissionDenied("only those who see the young person's identity add notes")
    referral = seen.referral
    await steps.record(
        session, referral, ReferralEventKind.NOTE, viewer, None, None, cipher.encrypt(text), now
    )
    return referral


async def schedule_follow_up(
    session: AsyncSession,
    *,
    viewer: Viewer,
    referral_id: int,
    at: datetime,
    now: datetime | None = None,
) -> Referral:
    """The sending side sets the next follow-up of an open referral, in the future."""
    now = now or clock.now()
    seen = await steps.seen_by(session, viewer, referral_id, now)
    referral = seen.referral
    youth = await repository.youth_of(session, referral.youth_id)
    if not may_act_as_sender(viewer, from_actor_id=referral.from_actor_id, youth=youth):
        raise PermissionDenied("the sending side schedules follow-ups")
    if not machine.is_open(referral.status):
        raise InvalidTransition(f"a {referral.status} referral is closed")
    if at <= now:
        raise InvalidInput("must be in the future", field=["at"])
    referral.next_follow_up_at = at
    await session.flush()
    await steps.record(
        session, referral, ReferralEventKind.FOLLOW_UP_SCHEDULED, viewer, None, None, None, now
    )
    return referral


async def expire_overdue(session: AsyncSession, now: datetime) -> list[Referral]:
    """SENT referrals unanswered two response periods (at least two days) after their
    deadline become EXPIRED; one answered meanwhile is left alone. Returns the expired."""
    expired = []
    for referral in await repository.due_to_expire(session, before=now - timedelta(days=2)):
        sent_at, respond_by = referral.sent_at, referral.respond_by
        if sent_at is None or respond_by is None or rules.expires_at(sent_at, respond_by) > now:
            continue
        try:
            moved = await steps.move(
                session,
                referral,
                viewer=None,
                action=Action.EXPIRE,
                version=referral.version,
                note=None,
                now=now,
                values={},
            )
        except (StaleVersion, InvalidTransition):
            continue
        expired.append(moved)
    return expired


async def _simple(
    session: AsyncSession, answer: Answer, action: Action, values: dict[str, Any] | None = None
) -> Referral:
    now = answer.at()
    note_enc = steps.encrypted_note(answer.cipher, answer.note)
    referral = await steps.answerable(
        session, answer.viewer, answer.referral_id, answer.version, action, now
    )
    return await steps.move(
        session,
        referral,
        viewer=answer.viewer,
        action=action,
        version=answer.version,
        note=note_enc,
        now=now,
        values=values or {},
    )
