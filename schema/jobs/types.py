from __future__ import annotations

from datetime import datetime

import strawberry

from network.jobs import status
from network.jobs.models import Job as JobRow
from schema.common import UserError
from schema.relay import Node, from_row

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
        return from_row(cls, row)


@strawberry.type
class JobPayload:
    job: Job | None
    user_errors: list[UserError]
