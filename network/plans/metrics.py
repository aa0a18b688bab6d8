"""Figures of integration plans for ``coordinationMetrics { plans }``, in set-based SQL.

What belongs to territory T: young people whose institution lies in T (the autonomy
indicator's rule). Definitions:

- **preparing with an agreed plan** (today): young people PREPARING_TO_LEAVE, and those of
  them whose ACTIVE plan is agreed; overall and by institution.
- **actions done on time** (the period): actions of their plans due in the period up to
  today, CANCELLED ones left out; done on time = DONE on or before the due date.
- **goals per axis** (today): the goals of their ACTIVE plans, by axis: all, ACHIEVED,
  DROPPED.
- **autonomy by agreed plan**: the autonomy cohort of the period (left care in it), split
  by whether a plan of theirs was agreed on or before the day they left; per group the
  cohort, the members 12+ months out, and those autonomous within 12 months.

Small counts: a count from 1 to ``threshold - 1`` is published as None to everyone but
ADMIN, and a rate whose denominator is hidden is hidden too (docs/access.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.enums import ServiceAxis, YouthStatus
from network.metrics.autonomy import cohort_outcomes
from network.metrics.scope import Scope, actors_in
from network.metrics.settings import AutonomyRule
from network.plans.enums import ActionStatus, GoalStatus, PlanStatus
from network.plans.models import Action, Goal, Plan
from network.records.youths import Youth


@dataclass(frozen=True)
class Share:
    """``part`` of ``whole``; counts None when hidden, ``rate`` None when ``whole`` is."""

    whole: int | None
    part: int | None
    rate: float | None


@dataclass(frozen=True)
class InstitutionShare:
    institution_id: int
    share: Share


@dataclass(frozen=True)
class AxisGoals:
    axis: ServiceAxis
    goals: int | None
    achieved: int | None
    dropped: int | None
    achieved_rate: float | None


@dataclass(frozen=True)
class AutonomyByPlan:
    agreed_before_leaving: bool
    cohort_size: int | None
    out_12_months: int | None
    autonomous_within_12_months: int | None
    rate_12_months: float | None


@dataclass(frozen=True)
class PlanFigures:
    preparing_with_agreed_plan: Share
    by_institution: list[InstitutionShare]
    actions_on_time: Share
    goals_by_axis: list[AxisGoals]
    autonomy_by_plan: list[AutonomyByPlan]


class Publish:
    """Hides small counts for everyone but ADMIN."""

    def __init__(self, *, threshold: int, admin: bool) -> None:
        self.threshold, self.admin = threshold, admin

    def count(self, value: int) -> int | None:
        return None if not self.admin and 0 < value < self.threshold else value

    def share(self, part: int, whole: int) -> Share:
        shown = self.count(whole)
        rate = part / whole if whole and shown is not None else None
        return Share(whole=shown, part=self.count(part), rate=rate)


def _in_scope(scope: Scope) -> Any:
    youths = select(Youth.id)
    if scope.territory_path is not None:
        youths = youths.where(Youth.institution_id.in_(actors_in(scope.territory_path)))
    if scope.actor_id is not None:
        youths = youths.where(Youth.institution_id == scope.actor_id)
    return youths


async def plan_figures(
    session: AsyncSession,
    scope: Scope,
    *,
    rule: AutonomyRule,
    today: date,
    publish: Publish,
) -> PlanFigures:
    preparing, institutions = await _preparing(session, scope, publish)
    return PlanFigures(
        preparing_with_agreed_plan=preparing,
        by_institution=institutions,
        actions_on_time=await _actions(session, scope, today, publish),
        goals_by_axis=await _goals(session, scope, publish),
        autonomy_by_plan=await _autonomy(session, scope, rule, today, publish),
    )


async def _preparing(
    session: AsyncSession, scope: Scope, publish: Publish
) -> tuple[Share, list[InstitutionShare]]:
    agreed = exists().where(
        Plan.youth_id == Youth.id, Plan.status == PlanStatus.ACTIVE, Plan.agreed_on.is_not(None)
    )
    rows = (
        await session.execute(
            select(
                Youth.institution_id,
                func.count(),
                func.coalesce(func.sum(case((agreed, 1), else_=0)), 0),
            )
            .where(Youth.status == YouthStatus.PREPARING_TO_LEAVE, Youth.id.in_(_in_scope(scope)))
            .group_by(Youth.institution_id)
            .order_by(Youth.institution_id)
        )
    ).all()
    whole = sum(int(r[1]) for r in rows)
    part = sum(int(r[2]) for r in rows)
    by_institution = [
        InstitutionShare(institution_id=r[0], share=publish.share(int(r[2]), int(r[1])))
        for r in rows
    ]
    return publish.share(part, whole), by_institution


async def _actions(session: AsyncSession, scope: Scope, today: date, publish: Publish) -> Share:
    last = min(scope.period.end, today)
    on_time = and_(
        Action.status == ActionStatus.DONE,
        Action.done_on.is_not(None),
        Action.done_on <= Action.due_on,
    )
    whole, part = (
        await session.execute(
            select(func.count(), func.coalesce(func.sum(case((on_time, 1), else_=0)), 0))
            .select_from(Action)
            .join(Plan, Plan.id == Action.plan_id)
            .where(
                Plan.youth_id.in_(_in_scope(scope)),
                Action.status != ActionStatus.CANCELLED,
                Action.due_on >= scope.period.start,
                Action.due_on <= last,
            )
        )
    ).one()
    return publish.share(int(part), int(whole))


async def _goals(session: AsyncSession, scope: Scope, publish: Publish) -> list[AxisGoals]:
    def counted(status: GoalStatus) -> Any:
        return func.coalesce(func.sum(case((Goal.status == status, 1), else_=0)), 0)

    rows = (
        await session.execute(
            select(
                Goal.axis, func.count(), counted(GoalStatus.ACHIEVED), counted(GoalStatus.DROPPED)
            )
            .join(Plan, Plan.id == Goal.plan_id)
            .where(Plan.status == PlanStatus.ACTIVE, Plan.youth_id.in_(_in_scope(scope)))
            .group_by(Goal.axis)
        )
    ).all()
    found = {axis: (int(n), int(a), int(d)) for axis, n, a, d in rows}
    figures = []
    for axis in ServiceAxis:
        goals, achieved, dropped = found.get(axis, (0, 0, 0))
        share = publish.share(achieved, goals)
        figures.append(
            AxisGoals(
                axis=axis,
                goals=share.whole,
                achieved=share.part,
                dropped=publish.count(dropped),
                achieved_rate=share.rate,
            )
        )
    return figures


async def _autonomy(
    session: AsyncSession, scope: Scope, rule: AutonomyRule, today: date, publish: Publish
) -> list[AutonomyByPlan]:
    outcomes = cohort_outcomes(scope, rule, today).subquery("outcomes")
    o = outcomes.c
    agreed = exists().where(
        Plan.youth_id == o.youth_id, Plan.agreed_on.is_not(None), Plan.agreed_on <= o.left_care_on
    )
    group = case((agreed, 1), else_=0).label("agreed")
    grouped = select(group, o.out12, o.auto12).subquery("grouped")
    g = grouped.c
    rows = (
        await session.execute(
            select(
                g.agreed,
                func.count(),
                func.coalesce(func.sum(g.out12), 0),
                func.coalesce(func.sum(g.auto12), 0),
            ).group_by(g.agreed)
        )
    ).all()
    found = {bool(a): (int(n), int(out), int(auto)) for a, n, out, auto in rows}
    figures = []
    for flag in (True, False):
        size, out12, auto12 = found.get(flag, (0, 0, 0))
        share = publish.share(auto12, out12)
        figures.append(
            AutonomyByPlan(
                agreed_before_leaving=flag,
                cohort_size=publish.count(size),
                out_12_months=share.whole,
                autonomous_within_12_months=share.part,
                rate_12_months=share.rate,
            )
        )
    return figures
