from __future__ import annotations

import strawberry

from network.ids import pk_of
from network.jobs import service
from schema.context import Info
from schema.jobs.types import Job
from schema.relay import visible_nodes

job_nodes = visible_nodes("Job", service.visible, Job.of)


@strawberry.type
class JobQuery:
    @strawberry.field(description="The requester's job (any job for ADMIN); null otherwise.")
    async def job(self, info: Info, id: strawberry.ID) -> Job | None:
        pk = pk_of(id, "Job")
        return (await job_nodes(info, [pk])).get(pk)
