from __future__ import annotations

from datetime import datetime

import strawberry

from network.ids import to_global_id
from network.jobs import status
from network.jobs.models import Job as JobRow
from schema.common import UserError
from schema.relay import Node

JobStatus = strawberry.enum(status.JobStatus, name="JobStatus")


@strawberry.type(name="Job", description="Seen by the one who requested it, and ADMIN.")
class Job(Node):
    kind: str
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    error: str | None

    @classmethod
    def of(cls, row: JobRow) -> Job:
        return cls(
            id=strawberry.ID(to_global_id("Job", row.id)),
            kind=row.kind,
            status=row.status,
            created_at=row.created_at,
            finished_at=row.finished_at,
            error=row.error,
        )


@strawberry.type
class JobPayload:
    job: Job | None
    user_errors: list[UserError]
