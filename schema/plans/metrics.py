"""``coordinationMetrics { plans }``: figures of integration plans (an addition beyond the
contract), computed live for the metrics' territory and period (network.plans.metrics)."""

from __future__ import annotations

from datetime import date

import strawberry

from network import clock
from network.metrics.scope import Period as Span
from network.metrics.scope import Scope
from network.metrics.settings import autonomy_rule
from network.plans import metrics
from schema.actors.loaders import actor_loader
from schema.actors.types import Actor
from schema.context import Info
from schema.enums import ServiceAxis
from schema.relay import FromRow, from_row


@strawberry.type(name="PlanShare")
class Share(FromRow):
    whole: int | None
    part: int | None
    rate: float | None


@strawberry.type
class InstitutionPlanShare:
    institution_id: strawberry.Private[int]
    preparing: int | None
    with_agreed_plan: int | None
    rate: float | None

    @strawberry.field
    async def institution(self, info: Info) -> Actor | None:
        row = await actor_loader(info.context).load(self.institution_id)
        return Actor.of(row) if row else None


@strawberry.type
class AxisGoalFigures:
    axis: ServiceAxis
    goals: int | None
    achieved: int | None
    dropped: int | None
    achieved_rate: float | None


@strawberry.type
class AutonomyByPlan:
    agreed_before_leaving: bool
    cohort_size: int | None
    out12_months: int | None
    autonomous_within12_months: int | None
    rate12_months: float | None


@strawberry.type(
    name="PlanFigures",
    description="Preparing to leave with an agreed plan (today, by institution); actions "
    "due in the period done on time; goals of active plans per axis; the autonomy cohort "
    "split by a plan agreed before leaving. Counts of 1–4 are null but for ADMIN.",
)
class PlanFigures:
    preparing_to_leave: int | None
    with_agreed_plan: int | None
    agreed_plan_rate: float | None
    by_institution: list[InstitutionPlanShare]
    actions_due: int | None
    actions_done_on_time: int | None
    on_time_rate: float | None
    goals_by_axis: list[AxisGoalFigures]
    autonomy_by_plan: list[AutonomyByPlan]


async def plan_figures(
    info: Info, *, territory_id: int | None, start: date, end: date
) -> PlanFigures:
    context = info.context
    path = context.reference.territories[territory_id].path if territory_id else None
    scope = Scope(period=Span(start, end), territory_id=territory_id, territory_path=path)
    publish = metrics.Publish(
        threshold=context.settings.small_count_threshold, admin=context.viewer.is_admin
    )
    async with context.sessions() as session:
        found = await metrics.plan_figures(
            session, scope, rule=autonomy_rule(), today=clock.today(), publish=publish
        )
    preparing, actions = found.preparing_with_agreed_plan, found.actions_on_time
    return PlanFigures(
        preparing_to_leave=preparing.whole,
        with_agreed_plan=preparing.part,
        agreed_plan_rate=preparing.rate,
        by_institution=[
            InstitutionPlanShare(
                institution_id=i.institution_id,
                preparing=i.share.whole,
                with_agreed_plan=i.share.part,
                rate=i.share.rate,
            )
            for i in found.by_institution
        ],
        actions_due=actions.whole,
        actions_done_on_time=actions.part,
        on_time_rate=actions.rate,
        goals_by_axis=[from_row(AxisGoalFigures, g) for g in found.goals_by_axis],
        autonomy_by_plan=[
            AutonomyByPlan(
                agreed_before_leaving=a.agreed_before_leaving,
                cohort_size=a.cohort_size,
                out12_months=a.out_12_months,
                autonomous_within12_months=a.autonomous_within_12_months,
                rate12_months=a.rate_12_months,
            )
            for a in found.autonomy_by_plan
        ],
    )
