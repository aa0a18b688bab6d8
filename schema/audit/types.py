from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import strawberry

from network.audit.models import AuditEntry as AuditRow
from network.ids import to_global_id
from schema.common import PageInfo
from schema.context import Info
from schema.relay import Node
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
        return cls(
            id=strawberry.ID(to_global_id("AuditEntry", row.id)),
            row=row,
            at=row.at,
            operation=row.operation,
            record_ids=[strawberry.ID(record_id) for record_id in row.record_ids],
            outcome=row.outcome,
            matched=row.matched,
        )

    @strawberry.field
    async def user(self, info: Info) -> User | None:
        if self.row.user_id is None:
            return None
        row = await info.context.loaders["user"].load(self.row.user_id)
        return User.of(row) if row is not None else None


@strawberry.type
class AuditEntryEdge:
    cursor: str
    node: AuditEntry


@strawberry.type
class AuditEntryConnection:
    edges: list[AuditEntryEdge]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    def nodes(self) -> list[AuditEntry]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()
