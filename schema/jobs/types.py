from __future__ import annotations

from datetime import datetime

import strawberry

from network.jobs import status
from schema.common import UserError
from schema.relay import FromRow, Node

JobStatus = status.JobStatus
# strawberry.enum marks the class itself as the GraphQL enum of that name.
strawberry.enum(JobStatus, name="JobStatus")


@strawberry.type(name="Job", description="Seen by the one who requested it, and ADMIN.")
class Job(Node, FromRow):
    kind: str
    status: JobStatus
    created_at: datetime
    finished_at: datetime | None
    error: str | None


@strawberry.type
class JobPayload:
    job: Job | None
    user_errors: list[UserError]
