from __future__ import annotations

import strawberry

from network.database import UnitOfWork
from network.ids import pk_of, to_global_id
from network.metrics.jobs import request_recompute
from schema.context import Info
from schema.jobs.types import Job, JobPayload
from schema.metrics.inputs import PeriodInput, period_or_last_year
from schema.mutations import run_mutation


@strawberry.type
class JobMutation:
    @strawberry.mutation(
        description="COORDINATOR and ADMIN: recompute the metrics of a territory (the whole "
        "country without one) for a period (default: the last 12 months) in the background."
    )
    async def request_metrics_recompute(
        self,
        info: Info,
        territory_id: strawberry.ID | None = None,
        period: PeriodInput | None = None,
    ) -> JobPayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[Job, list[str]]:
            territory_pk = (
                pk_of(territory_id, "Territory", field="territoryId")
                if territory_id is not None
                else None
            )
            span = period_or_last_year(period)
            row = await request_recompute(
                uow, viewer=viewer, territory_id=territory_pk, period=span
            )
            return Job.of(row), [to_global_id("Job", row.id)]

        job, errors = await run_mutation(info, change)
        return JobPayload(job=job, user_errors=errors)
