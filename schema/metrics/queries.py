from __future__ import annotations

import strawberry

from network.database import unit_of_work
from network.enums import TerritoryLevel as Level
from network.errors import NotFound
from network.ids import pk_of
from network.metrics import service
from network.metrics.activity import activity_rows
from network.metrics.coverage import coverage as coverage_cells
from network.metrics.disclosure import Disclosure, disclose
from schema.auth import require_user
from schema.context import Info
from schema.enums import ServiceAxis, TerritoryLevel
from schema.metrics.inputs import PeriodInput, period_or_last_year
from schema.metrics.types import ActivityRow, CoordinationMetrics, CoverageCell, Period


def _territory_path(
    info: Info, territory_id: strawberry.ID | None
) -> tuple[int | None, str | None]:
    """The pk and path of a territory id; an unknown territory is NOT_FOUND."""
    if territory_id is None:
        return None, None
    pk = pk_of(territory_id, "Territory", field="territoryId")
    territory = info.context.reference.territories.get(pk)
    if territory is None:
        raise NotFound("no such territory", field=["territoryId"])
    return pk, territory.path


def disclosure(info: Info) -> Disclosure:
    """What this viewer may read of the figures: ADMIN all, others no small counts."""
    threshold = info.context.settings.small_count_threshold
    return Disclosure(threshold=threshold, everything=info.context.viewer.is_admin)


@strawberry.type
class MetricsQuery:
    @strawberry.field(
        description="Public. Cells for the territories of that level under territoryId (the "
        "whole country without it); counts of 1 to 4 young people are null."
    )
    async def coverage(
        self,
        info: Info,
        territory_id: strawberry.ID | None = None,
        axis: ServiceAxis | None = None,
        level: TerritoryLevel | None = Level.PROVINCE,
    ) -> list[CoverageCell]:
        _, path = _territory_path(info, territory_id)
        async with info.context.sessions() as session:
            cells = await coverage_cells(
                session, level=level or Level.PROVINCE, territory_path=path, axis=axis
            )
        return [CoverageCell.of(cell) for cell in disclose(cells, disclosure(info))]

    @strawberry.field(
        description="Signed-in users. Period default: the last 12 months to today. Served "
        "from the freshest snapshot; computed and stored when none exists."
    )
    async def coordination_metrics(
        self,
        info: Info,
        territory_id: strawberry.ID | None = None,
        period: PeriodInput | None = None,
        axis: ServiceAxis | None = None,
        actor_id: strawberry.ID | None = None,
    ) -> CoordinationMetrics:
        require_user(info.context.viewer)
        territory_pk, _ = _territory_path(info, territory_id)
        span = period_or_last_year(period)
        actor_pk = pk_of(actor_id, "Actor", field="actorId") if actor_id is not None else None
        async with unit_of_work(info.context.sessions) as uow:
            scope = await service.scope_of(
                uow.session, period=span, territory_id=territory_pk, axis=axis, actor_id=actor_pk
            )
            served = await service.served(uow.session, scope)
        return CoordinationMetrics(
            data=disclose(served.metrics, disclosure(info)),
            territory_id=territory_pk,
            computed_at=served.computed_at,
            period=Period(from_=span.start, to=span.end),
        )

    @strawberry.field(description="Signed-in users. Referrals completed in the period.")
    async def activity_report(
        self, info: Info, period: PeriodInput, territory_id: strawberry.ID | None = None
    ) -> list[ActivityRow]:
        require_user(info.context.viewer)
        _, path = _territory_path(info, territory_id)
        async with info.context.sessions() as session:
            rows = await activity_rows(session, territory_path=path, period=period.period())
        return [ActivityRow.of(row) for row in disclose(rows, disclosure(info))]
