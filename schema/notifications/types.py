from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from network.ids import to_global_id
from network.inbox.repository import Page
from network.notifications.models import Notification as NotificationRow
from schema.common import PageInfo, UserError
from schema.connections import cursors_of, page_info
from schema.context import Info
from schema.enums import NotificationKind
from schema.relay import Node

if TYPE_CHECKING:
    from schema.referrals.types import Referral
    from schema.youths.types import Youth


@strawberry.type(name="Notification", description="Seen by its recipient only.")
class Notification(Node):
    row: strawberry.Private[NotificationRow]
    kind: NotificationKind
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def of(cls, row: NotificationRow) -> Notification:
        return cls(
            id=strawberry.ID(to_global_id("Notification", row.id)),
            row=row,
            kind=row.kind,
            title=row.title,
            body=row.body,
            created_at=row.created_at,
            read_at=row.read_at,
        )

    @strawberry.field(description="Null when the caller may no longer see the referral.")
    async def referral(
        self, info: Info
    ) -> Annotated[Referral, strawberry.lazy("schema.referrals.types")] | None:
        from schema.referrals.types import referral_by_id

        return await referral_by_id(info, self.row.referral_id)

    @strawberry.field(description="Null when the caller may no longer see the young person.")
    async def youth(
        self, info: Info
    ) -> Annotated[Youth, strawberry.lazy("schema.youths.types")] | None:
        from schema.youths.types import youth_by_id

        return await youth_by_id(info, self.row.youth_id)


@strawberry.type
class NotificationEdge:
    cursor: str
    node: Notification


@strawberry.type
class NotificationConnection:
    edges: list[NotificationEdge]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @classmethod
    def of(
        cls, page: Page, *, after_id: int | None, count: Callable[[], Awaitable[int]]
    ) -> NotificationConnection:
        cursors = cursors_of(page.rows, lambda row: [row.id])
        return cls(
            edges=[
                NotificationEdge(cursor=cursor, node=Notification.of(row))
                for cursor, row in zip(cursors, page.rows, strict=True)
            ],
            page_info=page_info(cursors, has_next=page.has_next, has_previous=after_id is not None),
            count=count,
        )

    @strawberry.field
    def nodes(self) -> list[Notification]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()


@strawberry.type
class MarkReadPayload:
    notifications: list[Notification]
    user_errors: list[UserError]
