"""The reminder rules of integration plans (issue 14), run by beat like the others.

- ``plan_action_reminder``: an action of an active plan due and not done → its owner
  (the user; the mediator for an action of the young person's own), on its due date.
- ``plan_review_reminder``: an active plan's next review date reached → the mediator.
- ``plan_missing_reminder`` (the proactive rule): a young person in care aged 15 or more
  (``JISR_PLAN_PROACTIVE_AGE``) without an active plan → the mediator, from that birthday.
- ``plan_agreement_reminder``: leaving care within 180 days (``JISR_PLAN_LEAVING_DAYS``)
  without an agreed active plan → the mediator; 30 days later
  (``JISR_PLAN_ESCALATION_DAYS``) still without one → the coordinators whose territory
  contains the institution.

Dedupe subjects are per (rule, record, due date): a second scan queues nothing more. Ages
need the birth date, which is encrypted: the candidates are chosen in SQL, their age
checked after decryption.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TypeVar

from sqlalchemy import and_, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

import network.plans.hooks  # noqa: F401  (the worker moves actions when referrals close)
from network import clock
from network.crypto import DataCipher
from network.enums import NotificationKind, YouthStatus
from network.notifications.outbox import notify
from network.plans.enums import OPEN_ACTION_STATUSES, ActionOwner, PlanStatus
from network.plans.models import Action, Plan
from network.records.youths import Youth
from network.reminders.recipients import coordinators_over
from network.settings import Settings
from network.youths.identity import birth_date_of

ACTION_DUE = "plan_action_reminder"
REVIEW_DUE = "plan_review_reminder"
MISSING = "plan_missing_reminder"
NOT_AGREED = "plan_agreement_reminder"
NOT_AGREED_ESCALATION = "plan_agreement_escalation"
T = TypeVar("T")
IN_CARE = sorted({YouthStatus.IN_CARE, YouthStatus.PREPARING_TO_LEAVE})


async def plan_action_reminder(session: AsyncSession, *, now: datetime) -> int:
    today = clock.local_date(now)
    statement = (
        select(Action, Plan.youth_id, Youth.code, Youth.mediator_id)
        .join(Plan, Plan.id == Action.plan_id)
        .join(Youth, Youth.id == Plan.youth_id)
        .where(
            Plan.status == PlanStatus.ACTIVE,
            Action.status.in_(sorted(OPEN_ACTION_STATUSES)),
            Action.due_on <= today,
        )
        .order_by(Action.id)
    )
    queued = 0
    for action, youth_id, code, mediator_id in (await session.execute(statement)).all():
        owner = mediator_id if action.owner == ActionOwner.YOUNG_PERSON else action.owner_user_id
        queued += await notify(
            session,
            rule=ACTION_DUE,
            kind=NotificationKind.PLAN_ACTION_DUE,
            recipients=[owner] if owner is not None else [],
            subject=f"plan-action:{action.id}",
            due_at=clock.start_of_day(_selected(action.due_on)),
            params={"youth_code": code, "due_on": action.due_on},
            youth_id=youth_id,
        )
    return queued


async def plan_review_reminder(session: AsyncSession, *, now: datetime) -> int:
    statement = (
        select(Plan.id, Plan.next_review_on, Youth.id, Youth.code, Youth.mediator_id)
        .join(Youth, Youth.id == Plan.youth_id)
        .where(
            Plan.status == PlanStatus.ACTIVE,
            Plan.next_review_on <= clock.local_date(now),
            Youth.mediator_id.is_not(None),
        )
        .order_by(Plan.id)
    )
    queued = 0
    for plan_id, review_on, youth_id, code, mediator_id in await session.execute(statement):
        queued += await notify(
            session,
            rule=REVIEW_DUE,
            kind=NotificationKind.PLAN_REVIEW_DUE,
            recipients=[_selected(mediator_id)],
            subject=f"plan:{plan_id}:review",
            due_at=clock.start_of_day(_selected(review_on)),
            params={"youth_code": code, "review_on": review_on},
            youth_id=youth_id,
        )
    return queued


def _without_plan(*, agreed: bool) -> object:
    plan = aliased(Plan)
    conditions = [plan.youth_id == Youth.id, plan.status == PlanStatus.ACTIVE]
    if agreed:
        conditions.append(plan.agreed_on.is_not(None))
    return ~exists().where(and_(*conditions))


async def plan_missing_reminder(
    session: AsyncSession, *, now: datetime, cipher: DataCipher, age: int
) -> int:
    today = clock.local_date(now)
    statement = (
        select(Youth)
        .where(
            Youth.status.in_(IN_CARE),
            Youth.mediator_id.is_not(None),
            Youth.birth_date_enc.is_not(None),
            _without_plan(agreed=False),  # type: ignore[arg-type]
        )
        .order_by(Youth.id)
    )
    queued = 0
    for youth in await session.scalars(statement):
        born = birth_date_of(youth, cipher)
        if born is None:
            continue
        birthday = _birthday(born, age)
        if birthday > today:
            continue
        assert youth.mediator_id is not None
        queued += await notify(
            session,
            rule=MISSING,
            kind=NotificationKind.PLAN_MISSING,
            recipients=[youth.mediator_id],
            subject=f"youth:{youth.id}:{MISSING}",
            due_at=clock.start_of_day(birthday),
            params={"youth_code": youth.code, "age": age},
            youth_id=youth.id,
        )
    return queued


async def plan_agreement_reminder(
    session: AsyncSession, *, now: datetime, days: int, escalation_days: int
) -> int:
    today = clock.local_date(now)
    statement = (
        select(
            Youth.id,
            Youth.code,
            Youth.mediator_id,
            Youth.institution_id,
            Youth.expected_leaving_date,
        )
        .where(
            Youth.status.in_(IN_CARE),
            Youth.expected_leaving_date.between(today, today + timedelta(days=days)),
            _without_plan(agreed=True),  # type: ignore[arg-type]
        )
        .order_by(Youth.id)
    )
    rows = (await session.execute(statement)).all()
    late = [r for r in rows if _escalates_on(_selected(r[4]), days, escalation_days) <= today]
    coordinators = await coordinators_over(session, [r[3] for r in late])
    queued = 0
    for youth_id, code, mediator_id, institution_id, leaving in rows:
        leaving_on = _selected(leaving)
        params = {"youth_code": code, "leaving_on": leaving_on}
        queued += await notify(
            session,
            rule=NOT_AGREED,
            kind=NotificationKind.PLAN_NOT_AGREED,
            recipients=[mediator_id] if mediator_id is not None else [],
            subject=f"youth:{youth_id}:{NOT_AGREED}",
            due_at=clock.start_of_day(leaving_on - timedelta(days=days)),
            params=params,
            youth_id=youth_id,
        )
        escalates_on = _escalates_on(leaving_on, days, escalation_days)
        if escalates_on <= today:
            queued += await notify(
                session,
                rule=NOT_AGREED_ESCALATION,
                kind=NotificationKind.PLAN_NOT_AGREED,
                recipients=coordinators.get(institution_id, []),
                subject=f"youth:{youth_id}:{NOT_AGREED_ESCALATION}",
                due_at=clock.start_of_day(escalates_on),
                params=params,
                youth_id=youth_id,
            )
    return queued


def _selected(value: T | None) -> T:
    assert value is not None, "the query selects only rows that have it"
    return value


def _escalates_on(leaving_on: date, days: int, escalation_days: int) -> date:
    return leaving_on - timedelta(days=days) + timedelta(days=escalation_days)


def _birthday(born: date, age: int) -> date:
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # born on 29 February
        return born.replace(year=born.year + age, day=28)


async def _action_scan(session: AsyncSession, now: datetime, _: Settings) -> int:
    return await plan_action_reminder(session, now=now)


async def _review_scan(session: AsyncSession, now: datetime, _: Settings) -> int:
    return await plan_review_reminder(session, now=now)


async def _missing_scan(session: AsyncSession, now: datetime, settings: Settings) -> int:
    cipher = DataCipher(settings.data_key)
    return await plan_missing_reminder(
        session, now=now, cipher=cipher, age=settings.plan_proactive_age
    )


async def _agreement_scan(session: AsyncSession, now: datetime, settings: Settings) -> int:
    return await plan_agreement_reminder(
        session,
        now=now,
        days=settings.plan_leaving_days,
        escalation_days=settings.plan_escalation_days,
    )


PLAN_SCANS = {
    ACTION_DUE: _action_scan,
    REVIEW_DUE: _review_scan,
    MISSING: _missing_scan,
    NOT_AGREED: _agreement_scan,
}
