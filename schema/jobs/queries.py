from __future__ import annotations

import strawberry

from network.ids import pk_of
from network.jobs import service
from schema.context import Info
from schema.jobs.types import Job
from schema.relay import page_size, visible_nodes

job_nodes = visible_nodes("Job", service.visible, Job.of)


@strawberry.type
class JobQuery:
    @strawberry.field(description="The requester's job (any job for ADMIN); null otherwise.")
    async def job(self, info: Info, id: strawberry.ID) -> Job | None:
        pk = pk_of(id, "Job")
        return (await job_nodes(info, [pk])).get(pk)

    @strawberry.field(
        description="The caller's jobs, the latest first (every one's for ADMIN); at most 100."
    )
    async def jobs(self, info: Info, first: int | None = 20) -> list[Job]:
        size = page_size(first)
        async with info.context.sessions() as session:
            rows = await service.latest(session, info.context.viewer, first=size)
        return [Job.of(row) for row in rows]
