"""Set-based SQL selecting what each reminder rule finds due.

Each scan leaves out what was already handled (a REMINDER_SENT or ESCALATED event, or
an outbox row of the rule for the same record and due date), so its cost follows what
is new; the outbox dedupe key remains what guarantees that a message is queued once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from network import clock
from network.actors.models import Actor
from network.database import UtcDateTime
from network.enums import (
    OPEN_STATUSES,
    NeedLevel,
    ReferralEventKind,
    ReferralStatus,
    ServiceAxis,
    YouthStatus,
)
from network.notifications.models import OutboxMessage
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Need, Youth

COVERING = sorted({*OPEN_STATUSES, ReferralStatus.COMPLETED})
"""Referral statuses that cover a need's axis: open, or completed."""
IN_CARE = sorted({YouthStatus.IN_CARE, YouthStatus.PREPARING_TO_LEAVE})
PRESSING = sorted({NeedLevel.MEDIUM, NeedLevel.HIGH})


@dataclass(frozen=True)
class YouthDue:
    """A young person with a reminder due: ``on`` is the date the thresholds count
    from (leaving date, or date they left care)."""

    youth_id: int
    code: str
    mediator_id: int
    on: date
    axes: tuple[ServiceAxis, ...] = ()


@dataclass(frozen=True)
class ActorDue:
    """An actor whose data was last confirmed (or, never verified, created) ``since``."""

    actor_id: int
    names: dict[str, str]
    since: datetime


async def unanswered(
    session: AsyncSession, *, due_by: datetime, without: ReferralEventKind
) -> list[Referral]:
    """SENT referrals whose answer was due at or before ``due_by`` and that have no
    ``without`` event yet, oldest deadline first."""
    statement = (
        select(Referral)
        .where(
            Referral.status == ReferralStatus.SENT,
            Referral.respond_by <= due_by,
            ~exists().where(
                ReferralEvent.referral_id == Referral.id, ReferralEvent.kind == without
            ),
        )
        .order_by(Referral.respond_by, Referral.id)
    )
    return list(await session.scalars(statement))


async def follow_ups_due(session: AsyncSession, *, now: datetime, rule: str) -> list[Referral]:
    """Open referrals whose follow-up date is reached, not yet reminded of by ``rule``."""
    statement = (
        select(Referral)
        .where(
            Referral.status.in_(sorted(OPEN_STATUSES)),
            Referral.next_follow_up_at <= now,
            ~exists().where(
                OutboxMessage.rule == rule,
                OutboxMessage.referral_id == Referral.id,
                OutboxMessage.due_at == Referral.next_follow_up_at,
            ),
        )
        .order_by(Referral.next_follow_up_at, Referral.id)
    )
    return list(await session.scalars(statement))


async def leaving_with_uncovered_needs(
    session: AsyncSession, *, first: date, last: date
) -> list[YouthDue]:
    """Young people still in care, with a mediator, leaving between ``first`` and
    ``last``, with their uncovered axes: a MEDIUM or HIGH need and no open or completed
    referral on that axis. Those with every axis covered are left out."""
    statement = (
        select(Youth.id, Youth.code, Youth.mediator_id, Youth.expected_leaving_date, Need.axis)
        .join(Need, Need.youth_id == Youth.id)
        .where(
            Youth.status.in_(IN_CARE),
            Youth.mediator_id.is_not(None),
            Youth.expected_leaving_date.between(first, last),
            Need.level.in_(PRESSING),
            ~exists().where(
                Referral.youth_id == Youth.id,
                Referral.axis == Need.axis,
                Referral.status.in_(COVERING),
            ),
        )
        .order_by(Youth.id, Need.axis)
    )
    axes: dict[tuple[int, str, int | None, date | None], list[ServiceAxis]] = defaultdict(list)
    for youth_id, code, mediator_id, on, axis in (await session.execute(statement)).all():
        axes[(youth_id, code, mediator_id, on)].append(axis)
    return [_youth_due(*key, axes=tuple(found)) for key, found in axes.items()]


async def left_care_between(session: AsyncSession, *, first: date, last: date) -> list[YouthDue]:
    """Young people with a mediator who left care between ``first`` and ``last``."""
    statement = (
        select(Youth.id, Youth.code, Youth.mediator_id, Youth.left_care_on)
        .where(Youth.mediator_id.is_not(None), Youth.left_care_on.between(first, last))
        .order_by(Youth.id)
    )
    return [_youth_due(*row) for row in (await session.execute(statement)).all()]


def _youth_due(
    youth_id: int,
    code: str,
    mediator_id: int | None,
    on: date | None,
    *,
    axes: tuple[ServiceAxis, ...] = (),
) -> YouthDue:
    assert mediator_id is not None and on is not None, "both are required by the query"
    return YouthDue(youth_id=youth_id, code=code, mediator_id=mediator_id, on=on, axes=axes)


async def queued_for_youths(
    session: AsyncSession, *, rule: str, youth_ids: Sequence[int]
) -> set[tuple[int, date]]:
    """(young person, due date) pairs ``rule`` already queued messages for."""
    if not youth_ids:
        return set()
    statement = select(OutboxMessage.youth_id, OutboxMessage.due_at).where(
        OutboxMessage.rule == rule, OutboxMessage.youth_id.in_(sorted(set(youth_ids)))
    )
    return {
        (youth_id, clock.local_date(due_at))
        for youth_id, due_at in (await session.execute(statement)).all()
        if youth_id is not None
    }


async def unconfirmed_actors(
    session: AsyncSession, *, confirmed_before: datetime, rule: str
) -> list[ActorDue]:
    """Active actors last verified (never verified: created) before
    ``confirmed_before``, not reminded by ``rule`` since."""
    since = func.coalesce(Actor.verified_at, Actor.created_at, type_=UtcDateTime)
    reminded = aliased(OutboxMessage)
    statement = (
        select(Actor.id, Actor.names, since)
        .where(
            Actor.active.is_(True),
            since < confirmed_before,
            ~exists().where(
                reminded.rule == rule, reminded.actor_id == Actor.id, reminded.due_at > since
            ),
        )
        .order_by(Actor.id)
    )
    rows = (await session.execute(statement)).all()
    return [ActorDue(actor_id=a, names=names, since=since) for a, names, since in rows]
