"""The reminder rules of docs/design.md, one function each, run by beat through the worker.

Each takes the session of its own unit of work and an explicit ``now``, selects what is
due with set-based SQL (``network.reminders.scans``) and queues messages through the
outbox with a dedupe subject per (rule, record, threshold): running a rule twice, or
in two processes at once, queues nothing more. Each returns how many messages (or, for
expiry, referrals) it produced. Rule 2 (status changes) is
``network.reminders.status_messages``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.enums import NotificationKind, ReferralEventKind
from network.notifications.outbox import notify
from network.records.referrals import Referral
from network.referrals import service, steps
from network.reminders import scans
from network.reminders.deadlines import (
    ONE_DAY,
    elapsed_range,
    escalates_at,
    reached_countdown,
    reached_elapsed,
)
from network.reminders.params import actor_names, referral_params
from network.reminders.plan_rules import PLAN_SCANS
from network.reminders.recipients import coordinators_over, referrers, staff_of
from network.settings import Settings

RESPONSE_REMINDER = "referral_response_reminder"
ESCALATION = "referral_escalation"
EXPIRY = "referral_expiry"
FOLLOW_UP = "follow_up_reminder"
LEAVING_CARE = "leaving_care_reminder"
POST_CARE = "post_care_check_in"
STALE_ACTOR = "stale_actor_reminder"


async def referral_response_reminder(session: AsyncSession, *, now: datetime) -> int:
    """Rule 1, first step: a SENT referral unanswered at ``respond_by`` → the receiving
    actor's staff, once (a REMINDER_SENT event records it)."""
    due = await scans.unanswered(session, due_by=now, without=ReferralEventKind.REMINDER_SENT)
    staff = await staff_of(session, [r.to_actor_id for r in due])
    return await _per_referral(
        session,
        due,
        rule=RESPONSE_REMINDER,
        kind=NotificationKind.REFERRAL_RESPONSE_DUE,
        recipients=lambda r: staff.get(r.to_actor_id, []),
        due_at=_respond_by,
        event=ReferralEventKind.REMINDER_SENT,
        now=now,
    )


async def referral_escalation(session: AsyncSession, *, now: datetime) -> int:
    """Rule 1, second step: still unanswered one response period (at least one day)
    after ``respond_by`` → the coordinators whose territory contains the receiver, and
    the referrer, once (an ESCALATED event records it)."""
    candidates = await scans.unanswered(
        session, due_by=now - ONE_DAY, without=ReferralEventKind.ESCALATED
    )
    due = [r for r in candidates if escalates_at(_sent(r), _respond_by(r)) <= now]
    coordinators = await coordinators_over(session, [r.to_actor_id for r in due])
    referrer = await referrers(session, [r.id for r in due])

    def recipients(referral: Referral) -> list[int]:
        told = coordinators.get(referral.to_actor_id, [])
        found = referrer.get(referral.id)
        return [*told, found] if found is not None else told

    return await _per_referral(
        session,
        due,
        rule=ESCALATION,
        kind=NotificationKind.REFERRAL_ESCALATED,
        recipients=recipients,
        due_at=lambda r: escalates_at(_sent(r), _respond_by(r)),
        event=ReferralEventKind.ESCALATED,
        now=now,
    )


async def referral_expiry(session: AsyncSession, *, now: datetime) -> int:
    """Rule 1, last step: two response periods (at least two days) after ``respond_by``
    the referral expires with its EXPIRED event, which tells the referrer to refer
    elsewhere (``status_messages``)."""
    return len(await service.expire_overdue(session, now))


async def follow_up_reminder(session: AsyncSession, *, now: datetime) -> int:
    """Rule 3: the follow-up date of an open referral is reached → the referrer."""
    due = await scans.follow_ups_due(session, now=now, rule=FOLLOW_UP)
    referrer = await referrers(session, [r.id for r in due])
    return await _per_referral(
        session,
        due,
        rule=FOLLOW_UP,
        kind=NotificationKind.FOLLOW_UP_DUE,
        recipients=lambda r: [referrer[r.id]] if r.id in referrer else [],
        due_at=_follow_up_at,
        event=None,
        now=now,
    )


async def leaving_care_reminder(
    session: AsyncSession, *, now: datetime, days: Sequence[int]
) -> int:
    """Rule 4: the expected leaving date is ``days`` (e.g. 180, 90, 30) away while an
    axis is uncovered → the mediator, once per threshold (the nearest one reached)."""
    today = clock.local_date(now)
    due = await scans.leaving_with_uncovered_needs(
        session, first=today + ONE_DAY, last=today + ONE_DAY * max(days)
    )

    def reached(youth: scans.YouthDue) -> tuple[int, date] | None:
        threshold = reached_countdown(youth.on, today, days)
        return None if threshold is None else (threshold, youth.on - ONE_DAY * threshold)

    return await _per_youth(
        session,
        due,
        rule=LEAVING_CARE,
        kind=NotificationKind.LEAVING_CARE_SOON,
        reached=reached,
        params=lambda youth, threshold: {
            "leaving_on": youth.on,
            "days": threshold,
            "axes": [axis.value for axis in youth.axes],
        },
    )


async def post_care_check_in(session: AsyncSession, *, now: datetime, months: Sequence[int]) -> int:
    """Rule 5: ``months`` (e.g. 3, 6, 12) after leaving care → the mediator is asked to
    record milestones and status, once per threshold (the latest one reached)."""
    today = clock.local_date(now)
    first, last = elapsed_range(today, months)
    due = await scans.left_care_between(session, first=first, last=last)

    def reached(youth: scans.YouthDue) -> tuple[int, date] | None:
        threshold = reached_elapsed(youth.on, today, months)
        return None if threshold is None else (threshold, clock.add_months(youth.on, threshold))

    return await _per_youth(
        session,
        due,
        rule=POST_CARE,
        kind=NotificationKind.POST_CARE_CHECK_IN,
        reached=reached,
        params=lambda _, threshold: {"months": threshold},
    )


async def stale_actor_reminder(session: AsyncSession, *, now: datetime, months: int) -> int:
    """Rule 6: an actor not verified for ``months`` (counted from its creation when
    never verified) → its staff are asked to confirm its profile and services, once
    per period without confirmation."""
    cutoff = clock.end_of_day(clock.add_months(clock.local_date(now), -months))
    due = await scans.unconfirmed_actors(session, confirmed_before=cutoff, rule=STALE_ACTOR)
    staff = await staff_of(session, [a.actor_id for a in due])
    queued = 0
    for actor in due:
        due_on = clock.add_months(clock.local_date(actor.since), months)
        queued += await notify(
            session,
            rule=STALE_ACTOR,
            kind=NotificationKind.ACTOR_DATA_STALE,
            recipients=staff.get(actor.actor_id, []),
            subject=f"actor:{actor.actor_id}:unconfirmed",
            due_at=clock.start_of_day(due_on),
            params={"actor": actor.names},
            actor_id=actor.actor_id,
        )
    return queued


async def _per_youth(
    session: AsyncSession,
    due: Sequence[scans.YouthDue],
    *,
    rule: str,
    kind: NotificationKind,
    reached: Callable[[scans.YouthDue], tuple[int, date] | None],
    params: Callable[[scans.YouthDue, int], dict[str, Any]],
) -> int:
    """Queue ``kind`` to the mediator of each young person with a threshold ``reached``
    (the threshold, and the date it fell due), unless the rule queued it already."""
    done = await scans.queued_for_youths(session, rule=rule, youth_ids=[y.youth_id for y in due])
    queued = 0
    for youth in due:
        found = reached(youth)
        if found is None or (youth.youth_id, found[1]) in done:
            continue
        threshold, on = found
        queued += await notify(
            session,
            rule=rule,
            kind=kind,
            recipients=[youth.mediator_id],
            subject=f"youth:{youth.youth_id}:{rule}:{threshold}",
            due_at=clock.start_of_day(on),
            params={"youth_code": youth.code, **params(youth, threshold)},
            youth_id=youth.youth_id,
        )
    return queued


async def _per_referral(
    session: AsyncSession,
    due: Sequence[Referral],
    *,
    rule: str,
    kind: NotificationKind,
    recipients: Callable[[Referral], Sequence[int]],
    due_at: Callable[[Referral], datetime],
    event: ReferralEventKind | None,
    now: datetime,
) -> int:
    """Queue ``kind`` for each referral; record ``event`` on those that got a message."""
    names = await actor_names(session, [a for r in due for a in (r.from_actor_id, r.to_actor_id)])
    queued = 0
    for referral in due:
        count = await notify(
            session,
            rule=rule,
            kind=kind,
            recipients=recipients(referral),
            subject=f"referral:{referral.id}",
            due_at=due_at(referral),
            params=referral_params(referral, names),
            referral_id=referral.id,
        )
        if count and event is not None:
            await steps.record(session, referral, event, None, None, None, None, now)
        queued += count
    return queued


def _sent(referral: Referral) -> datetime:
    assert referral.sent_at is not None, "a SENT referral has been sent"
    return referral.sent_at


def _respond_by(referral: Referral) -> datetime:
    assert referral.respond_by is not None, "a SENT referral has a deadline"
    return referral.respond_by


def _follow_up_at(referral: Referral) -> datetime:
    assert referral.next_follow_up_at is not None, "selected for its follow-up date"
    return referral.next_follow_up_at


Scan = Callable[[AsyncSession, datetime, Settings], Awaitable[int]]


async def _leaving_care(session: AsyncSession, now: datetime, settings: Settings) -> int:
    return await leaving_care_reminder(session, now=now, days=settings.leaving_care_reminder_days)


async def _post_care(session: AsyncSession, now: datetime, settings: Settings) -> int:
    return await post_care_check_in(session, now=now, months=settings.post_care_check_in_months)


async def _stale_actors(session: AsyncSession, now: datetime, settings: Settings) -> int:
    return await stale_actor_reminder(session, now=now, months=settings.actor_stale_months)


def _plain(rule: Callable[..., Awaitable[int]]) -> Scan:
    async def run(session: AsyncSession, now: datetime, _: Settings) -> int:
        return await rule(session, now=now)

    return run


SCANS: dict[str, Scan] = {
    RESPONSE_REMINDER: _plain(referral_response_reminder),
    ESCALATION: _plain(referral_escalation),
    EXPIRY: _plain(referral_expiry),
    FOLLOW_UP: _plain(follow_up_reminder),
    LEAVING_CARE: _leaving_care,
    POST_CARE: _post_care,
    STALE_ACTOR: _stale_actors,
    **PLAN_SCANS,
}
"""Every rule by name, run with the settings' thresholds: what beat schedules."""
