from __future__ import annotations

from datetime import datetime

import strawberry

from network.audit.models import AuditEntry as AuditRow
from schema.connections import Connection
from schema.context import Info
from schema.relay import Node, from_row
from schema.users.loaders import user_loader
from schema.users.types import User


@strawberry.type(name="AuditEntry")
class AuditEntry(Node):
    """One mutation attempt: who, when, which operation on which records."""

    row: strawberry.Private[AuditRow]
    at: datetime
    operation: str
    record_ids: list[strawberry.ID]
    outcome: str = strawberry.field(
        description="OK, or the error code that refused the attempt (e.g. PERMISSION_DENIED)."
    )
    matched: int | None = strawberry.field(
        description="How many records a search matched (its text is never kept)."
    )

    @classmethod
    def of(cls, row: AuditRow) -> AuditEntry:
        return from_row(
            cls, row, row=row, record_ids=[strawberry.ID(record_id) for record_id in row.record_ids]
        )

    @strawberry.field
    async def user(self, info: Info) -> User | None:
        if self.row.user_id is None:
            return None
        row = await user_loader(info.context).load(self.row.user_id)
        return User.of(row) if row is not None else None


AuditEntryConnection = Connection[AuditEntry]
