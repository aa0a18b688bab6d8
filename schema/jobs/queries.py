from __future__ import annotations

import strawberry

from network.ids import pk_of
from network.jobs import service
from schema.context import Info
from schema.jobs.types import Job
from schema.relay import node_resolver


@node_resolver("Job")
async def job_nodes(info: Info, pks: list[int]) -> dict[int, Job]:
    async with info.context.sessions() as session:
        rows = await service.visible(session, pks, info.context.viewer)
    return {pk: Job.of(row) for pk, row in rows.items()}


@strawberry.type
class JobQuery:
    @strawberry.field(description="The requester's job (any job for ADMIN); null otherwise.")
    async def job(self, info: Info, id: strawberry.ID) -> Job | None:
        pk = pk_of(id, "Job")
        return (await job_nodes(info, [pk])).get(pk)
