"""The autonomy indicator: of the young people who left care in the period (their
institution lying in the territory; the scope's actor, when set, is the institution),
how many were autonomous (``AutonomyRule``) within 6 and 12 months of leaving.

Each horizon counts only the cohort members for whom that much time has passed on
``today``; a milestone reached before leaving counts from the day it was reached.
rate12Months = autonomous within 12 months / cohort members 12+ months out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, Select, and_, case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.metrics.figures import MAX_LISTED, AutonomyFigures, InstitutionAutonomy, share
from network.metrics.scope import Scope, actors_in
from network.metrics.settings import AutonomyRule
from network.metrics.sql import add_months
from network.records.youths import Milestone, Youth


def cohort_outcomes(scope: Scope, rule: AutonomyRule, today: date) -> Select[Any]:
    """One row per cohort member: institution, young person, leaving date, and 0/1 for
    being 6/12 months out and autonomous within 6/12 months."""
    y = Youth.__table__.c
    m = Milestone.__table__.c
    cohort = select(y.id, y.institution_id, y.left_care_on).where(
        y.left_care_on >= scope.period.start, y.left_care_on <= scope.period.end
    )
    if scope.territory_path is not None:
        cohort = cohort.where(y.institution_id.in_(actors_in(scope.territory_path)))
    if scope.actor_id is not None:
        cohort = cohort.where(y.institution_id == scope.actor_id)
    members = cohort.subquery("cohort")

    group = case(
        *(
            (m.kind.in_(sorted(kinds)), literal(index, Integer))
            for index, kinds in enumerate(rule.groups)
        )
    )
    kinds = sorted(set().union(*rule.groups))
    grouped = (
        select(m.youth_id, m.achieved_on, group.label("grp"))
        .where(m.youth_id.in_(select(members.c.id)), m.kind.in_(kinds))
        .subquery("grouped")
    )
    g = grouped.c
    firsts = (
        select(g.youth_id, g.grp, func.min(g.achieved_on).label("first_on"))
        .group_by(g.youth_id, g.grp)
        .subquery("firsts")
    )
    autonomous = (
        select(firsts.c.youth_id, func.max(firsts.c.first_on).label("autonomous_on"))
        .group_by(firsts.c.youth_id)
        .having(func.count() == len(rule.groups))
        .subquery("autonomous")
    )
    on_day = literal(today, Date)

    def out(months: int) -> Any:
        return add_months(members.c.left_care_on, months) <= on_day

    def within(months: int) -> Any:
        return case(
            (
                and_(
                    out(months),
                    autonomous.c.autonomous_on <= add_months(members.c.left_care_on, months),
                ),
                1,
            ),
            else_=0,
        )

    return select(
        members.c.institution_id,
        members.c.id.label("youth_id"),
        members.c.left_care_on,
        case((out(6), 1), else_=0).label("out6"),
        within(6).label("auto6"),
        case((out(12), 1), else_=0).label("out12"),
        within(12).label("auto12"),
    ).outerjoin(autonomous, autonomous.c.youth_id == members.c.id)


async def autonomy_figures(
    session: AsyncSession, scope: Scope, *, rule: AutonomyRule, today: date
) -> AutonomyFigures:
    outcomes = cohort_outcomes(scope, rule, today).subquery("outcomes")
    o = outcomes.c
    size, auto6, out12, auto12 = (
        await session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(o.auto6), 0),
                func.coalesce(func.sum(o.out12), 0),
                func.coalesce(func.sum(o.auto12), 0),
            )
        )
    ).one()
    cohort_size = func.count()
    rows = await session.execute(
        select(
            o.institution_id,
            cohort_size.label("size"),
            func.sum(o.out12).label("out12"),
            func.sum(o.auto12).label("auto12"),
        )
        .group_by(o.institution_id)
        .order_by(cohort_size.desc(), o.institution_id)
        .limit(MAX_LISTED)
    )
    return AutonomyFigures(
        cohort_size=size,
        autonomous_within_6_months=auto6,
        autonomous_within_12_months=auto12,
        rate_12_months=share(auto12, out12),
        out_12_months=out12,
        by_institution=[
            InstitutionAutonomy(
                institution_id=row.institution_id,
                cohort_size=row.size,
                autonomous_within_12_months=row.auto12,
                rate_12_months=share(row.auto12, row.out12),
                out_12_months=row.out12,
            )
            for row in rows
        ],
    )
