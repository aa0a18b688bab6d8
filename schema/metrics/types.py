"""Coordination metrics as the contract shows them, read from a stored snapshot."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from network.metrics import figures
from network.metrics.activity import ActivityRow as ActivityRowData
from network.metrics.coverage import CoverageCell as CoverageCellData
from schema.actors.loaders import actor_loader
from schema.actors.types import Actor
from schema.context import Info
from schema.enums import ServiceAxis
from schema.plans.metrics import plan_figures
from schema.relay import from_row, page_size
from schema.taxonomy.types import TaxonomyTerm
from schema.territories.types import Territory

if TYPE_CHECKING:
    from schema.plans.metrics import PlanFigures


async def actor_of(info: Info, actor_id: int) -> Actor:
    return Actor.of(await actor_loader(info.context).load(actor_id))


@strawberry.type
class Period:
    from_: date = strawberry.field(name="from")
    to: date


@strawberry.type
class CoverageCell:
    data: strawberry.Private[CoverageCellData]
    axis: ServiceAxis
    active_services: int
    available_capacity: int | None
    youth_with_need: int | None
    gap: bool

    @classmethod
    def of(cls, data: CoverageCellData) -> CoverageCell:
        return from_row(cls, data, data=data)

    @strawberry.field
    def territory(self, info: Info) -> Territory:
        return Territory.of_pk(info, self.data.territory_id)


@strawberry.type
class AxisMetrics:
    axis: ServiceAxis
    referrals_sent: int | None
    referrals_completed: int | None
    acceptance_rate: float | None
    median_response_hours: float | None

    @classmethod
    def of(cls, data: figures.AxisFigures) -> AxisMetrics:
        return from_row(cls, data, referrals_sent=data.sent, referrals_completed=data.completed)


@strawberry.type
class ActorMetrics:
    data: strawberry.Private[figures.ActorFigures]
    referrals_sent: int | None
    referrals_received: int | None
    acceptance_rate: float | None
    median_response_hours: float | None
    overdue_responses: int | None

    @classmethod
    def of(cls, data: figures.ActorFigures) -> ActorMetrics:
        return from_row(
            cls, data, data=data, referrals_sent=data.sent, referrals_received=data.received
        )

    @strawberry.field
    async def actor(self, info: Info) -> Actor:
        return await actor_of(info, self.data.actor_id)


@strawberry.type
class InstitutionAutonomy:
    data: strawberry.Private[figures.InstitutionAutonomy]
    cohort_size: int | None
    autonomous_within_12_months: int | None = strawberry.field(name="autonomousWithin12Months")
    rate_12_months: float | None = strawberry.field(name="rate12Months")

    @classmethod
    def of(cls, data: figures.InstitutionAutonomy) -> InstitutionAutonomy:
        return from_row(cls, data, data=data)

    @strawberry.field
    async def institution(self, info: Info) -> Actor:
        return await actor_of(info, self.data.institution_id)


@strawberry.type
class AutonomyIndicator:
    data: strawberry.Private[figures.AutonomyFigures]
    cohort_size: int | None
    autonomous_within_6_months: int | None = strawberry.field(name="autonomousWithin6Months")
    autonomous_within_12_months: int | None = strawberry.field(name="autonomousWithin12Months")
    rate_12_months: float | None = strawberry.field(name="rate12Months")

    @classmethod
    def of(cls, data: figures.AutonomyFigures) -> AutonomyIndicator:
        return from_row(cls, data, data=data)

    @strawberry.field(description="Largest cohorts first; at most 100.")
    def by_institution(self, first: int | None = 20) -> list[InstitutionAutonomy]:
        size = page_size(first)
        return [InstitutionAutonomy.of(item) for item in self.data.by_institution[:size]]


@strawberry.type
class ActorCentrality:
    data: strawberry.Private[figures.Centrality]
    partners: int | None
    referrals_brokered: int | None

    @strawberry.field
    async def actor(self, info: Info) -> Actor:
        return await actor_of(info, self.data.actor_id)


@strawberry.type
class NetworkMetrics:
    data: strawberry.Private[figures.NetworkFigures]
    actors: int
    active_links: int
    density: float | None

    @strawberry.field(description="Active actors accepting referrals that sent and received none.")
    async def isolated_actors(self, info: Info, first: int | None = 20) -> list[Actor]:
        ids = self.data.isolated_actor_ids[: page_size(first)]
        return [Actor.of(row) for row in await actor_loader(info.context).load_many(ids)]

    @strawberry.field
    def top_brokers(self, first: int | None = 10) -> list[ActorCentrality]:
        return [
            ActorCentrality(
                data=item, partners=item.partners, referrals_brokered=item.referrals_brokered
            )
            for item in self.data.top_brokers[: page_size(first)]
        ]


def _referral_figure(figure: str, kind: type[int | float], *, name: str | None = None) -> Any:
    """A field of CoordinationMetrics: the figure of that name of its referrals, a nullable
    ``kind`` (null where it is not disclosed)."""

    def resolve(self: CoordinationMetrics) -> int | float | None:
        value: int | float | None = getattr(self.data.referrals, figure)
        return value

    resolve.__annotations__ = {"return": kind | None}
    return strawberry.field(resolver=resolve, name=name)


@strawberry.type
class CoordinationMetrics:
    data: strawberry.Private[figures.Metrics]
    territory_id: strawberry.Private[int | None]
    computed_at: datetime | None
    period: Period

    @strawberry.field
    def territory(self, info: Info) -> Territory | None:
        if self.territory_id is None:
            return None
        return Territory.of_pk(info, self.territory_id)

    @strawberry.field(description="Integration plans (an addition beyond the contract).")
    async def plans(
        self, info: Info
    ) -> Annotated[PlanFigures, strawberry.lazy("schema.plans.metrics")]:
        span = self.period
        return await plan_figures(
            info, territory_id=self.territory_id, start=span.from_, end=span.to
        )

    referrals_sent = _referral_figure("sent", int)
    referrals_accepted = _referral_figure("accepted", int)
    referrals_declined = _referral_figure("declined", int)
    referrals_expired = _referral_figure("expired", int)
    referrals_completed = _referral_figure("completed", int)
    acceptance_rate = _referral_figure("acceptance_rate", float)
    closed_loop_rate = _referral_figure("closed_loop_rate", float)
    median_response_hours = _referral_figure("median_response_hours", float)
    p90_response_hours = _referral_figure("p90_response_hours", float, name="p90ResponseHours")
    median_completion_days = _referral_figure("median_completion_days", float)
    overdue_follow_ups = _referral_figure("overdue_follow_ups", int)

    @strawberry.field
    def by_axis(self) -> list[AxisMetrics]:
        return [AxisMetrics.of(item) for item in self.data.by_axis]

    @strawberry.field(description="Most referrals received first; at most 100.")
    def by_actor(self, first: int | None = 20) -> list[ActorMetrics]:
        return [ActorMetrics.of(item) for item in self.data.by_actor[: page_size(first)]]

    @strawberry.field
    def autonomy(self) -> AutonomyIndicator:
        return AutonomyIndicator.of(self.data.autonomy)

    @strawberry.field
    def network(self) -> NetworkMetrics:
        network = self.data.network
        return NetworkMetrics(
            data=network,
            actors=network.actors,
            active_links=network.active_links,
            density=network.density,
        )


@strawberry.type
class ActivityRow:
    data: strawberry.Private[ActivityRowData]
    axis: ServiceAxis
    services_delivered: int | None

    @classmethod
    def of(cls, data: ActivityRowData) -> ActivityRow:
        return cls(data=data, axis=data.axis, services_delivered=data.services_delivered)

    @strawberry.field
    async def actor(self, info: Info) -> Actor:
        return await actor_of(info, self.data.actor_id)

    @strawberry.field
    def category(self, info: Info) -> TaxonomyTerm | None:
        if self.data.category_id is None:
            return None
        return TaxonomyTerm.of(info.context.reference.terms[self.data.category_id])
