"""Every query on the outbox: relaying, claiming, settling, and the operators' counts.

A message is claimed by one conditional UPDATE and settled by another that names the
attempt it claimed (``attempts``): a worker whose lease expired and whose row was taken
over settles nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from network.enums import NotificationKind
from network.notifications.models import OutboxMessage

PENDING, SENDING, SENT, DEAD = "PENDING", "SENDING", "SENT", "DEAD"
STATES = (PENDING, SENDING, SENT, DEAD)
LOST_ON_LAST_ATTEMPT = "worker lost during the last attempt"


@dataclass(frozen=True)
class Claimed:
    """A message this worker holds until ``lease_until``: the attempt ``attempts``."""

    id: int
    kind: NotificationKind
    channel: str
    attempts: int
    recipient_user_id: int | None
    webhook_id: int | None
    referral_id: int | None
    youth_id: int | None
    payload: dict[str, Any]


def _expired(now: datetime) -> Any:
    return and_(OutboxMessage.state == SENDING, OutboxMessage.lease_until < now)


async def relay_due(
    session: AsyncSession, *, now: datetime, lease: timedelta, limit: int, max_attempts: int
) -> list[tuple[int, str]]:
    """Mark up to ``limit`` due messages as handed to the workers until ``now + lease``.

    Due: PENDING at or after ``due_at`` and not handed over in the last lease, or
    SENDING with an expired lease (its worker was lost: back to PENDING, or DEAD when
    that was the last attempt). Rows another relay is marking are skipped (PostgreSQL
    SKIP LOCKED). Returns (id, channel) of the PENDING rows, to enqueue after commit.
    """
    waiting = and_(
        OutboxMessage.state == PENDING,
        OutboxMessage.due_at <= now,
        or_(OutboxMessage.lease_until.is_(None), OutboxMessage.lease_until < now),
    )
    due = (
        select(OutboxMessage.id)
        .where(or_(waiting, _expired(now)))
        .order_by(OutboxMessage.due_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    lost = and_(OutboxMessage.state == SENDING, OutboxMessage.attempts >= max_attempts)
    statement = (
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(due.scalar_subquery()))
        .values(
            state=case((lost, DEAD), else_=PENDING),
            last_error=case((lost, LOST_ON_LAST_ATTEMPT), else_=OutboxMessage.last_error),
            lease_until=now + lease,
        )
        .returning(OutboxMessage.id, OutboxMessage.channel, OutboxMessage.state)
        .execution_options(synchronize_session=False)
    )
    rows = (await session.execute(statement)).all()
    return sorted((id_, channel) for id_, channel, state in rows if state == PENDING)


def _claimable(now: datetime) -> Any:
    return and_(
        OutboxMessage.due_at <= now,
        or_(OutboxMessage.state == PENDING, _expired(now)),
    )


_CLAIMED_COLUMNS = (
    OutboxMessage.id,
    OutboxMessage.kind,
    OutboxMessage.channel,
    OutboxMessage.attempts,
    OutboxMessage.recipient_user_id,
    OutboxMessage.webhook_id,
    OutboxMessage.referral_id,
    OutboxMessage.youth_id,
    OutboxMessage.payload,
)


async def claim(
    session: AsyncSession, ids: list[int], *, now: datetime, lease: timedelta
) -> list[Claimed]:
    """Take the due, unclaimed messages among ``ids`` with one UPDATE (lease, attempt+1).

    A message already sent, dead, claimed by a live worker or not yet due is left alone.
    """
    statement = (
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), _claimable(now))
        .values(state=SENDING, lease_until=now + lease, attempts=OutboxMessage.attempts + 1)
        .returning(*_CLAIMED_COLUMNS)
        .execution_options(synchronize_session=False)
    )
    rows = (await session.execute(statement)).all()
    return sorted((Claimed(*row) for row in rows), key=lambda c: c.id)


def _held(message: Claimed) -> Any:
    return and_(
        OutboxMessage.id == message.id,
        OutboxMessage.state == SENDING,
        OutboxMessage.attempts == message.attempts,
    )


async def mark_sent(session: AsyncSession, messages: list[Claimed], *, now: datetime) -> set[int]:
    """SENT for the messages still held by their claim; returns their ids."""
    if not messages:
        return set()
    claims = [(m.id, m.attempts) for m in messages]
    statement = (
        update(OutboxMessage)
        .where(
            tuple_(OutboxMessage.id, OutboxMessage.attempts).in_(claims),
            OutboxMessage.state == SENDING,
        )
        .values(state=SENT, sent_at=now, lease_until=None, last_error=None)
        .returning(OutboxMessage.id)
        .execution_options(synchronize_session=False)
    )
    return set((await session.execute(statement)).scalars())


async def mark_failed(
    session: AsyncSession, message: Claimed, *, error: str, retry_at: datetime | None
) -> str | None:
    """Back to PENDING until ``retry_at``, or DEAD when ``retry_at`` is None.

    Returns the new state, or None when the claim was lost meanwhile.
    """
    state = DEAD if retry_at is None else PENDING
    values: dict[str, Any] = {"state": state, "lease_until": None, "last_error": error[:500]}
    if retry_at is not None:
        values["due_at"] = retry_at
    statement = (
        update(OutboxMessage)
        .where(_held(message))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    result: Any = await session.execute(statement)
    return state if result.rowcount else None


async def counts(session: AsyncSession) -> list[tuple[str, str, int]]:
    """(channel, state, count) of every pair that has messages, by channel then state."""
    rows = (
        await session.execute(
            select(OutboxMessage.channel, OutboxMessage.state, func.count()).group_by(
                OutboxMessage.channel, OutboxMessage.state
            )
        )
    ).all()
    order = {state: index for index, state in enumerate(STATES)}
    return sorted(
        ((channel, state, count) for channel, state, count in rows),
        key=lambda row: (row[0], order.get(row[1], len(order))),
    )


async def retry_dead(session: AsyncSession, *, now: datetime) -> int:
    """Every DEAD message PENDING again, due now, with its attempts reset."""
    result: Any = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.state == DEAD)
        .values(state=PENDING, due_at=now, attempts=0, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)


async def dead(session: AsyncSession, *, first: int) -> list[OutboxMessage]:
    """Up to ``first`` DEAD messages, the latest first."""
    statement = (
        select(OutboxMessage)
        .where(OutboxMessage.state == DEAD)
        .order_by(OutboxMessage.id.desc())
        .limit(first)
    )
    return list((await session.scalars(statement)).all())


async def retry_one(session: AsyncSession, message_id: int, *, now: datetime) -> bool:
    """One DEAD message PENDING again, due now, with its attempts reset; False when it is
    not DEAD (any more)."""
    result: Any = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.state == DEAD)
        .values(state=PENDING, due_at=now, attempts=0, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)
