from __future__ import annotations

import strawberry

from network.inbox import repository
from schema.auth import require_user
from schema.connections import page_connection
from schema.context import Info
from schema.notifications.types import Notification, NotificationConnection
from schema.relay import decode_id_cursor, node_resolver, page_size


@node_resolver("Notification")
async def notification_nodes(info: Info, pks: list[int]) -> dict[int, Notification]:
    user_id = info.context.viewer.user_id
    if user_id is None:
        return {}
    async with info.context.sessions() as session:
        rows = await repository.own(session, user_id=user_id, ids=pks)
    return {pk: Notification.of(row) for pk, row in rows.items()}


@strawberry.type
class NotificationQuery:
    @strawberry.field(
        description="The caller's own notifications, in the order they were delivered"
        " (oldest first, like every list of the API: page on with ``after``)."
    )
    async def notifications(
        self,
        info: Info,
        unread_only: bool | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> NotificationConnection:
        context = info.context
        user_id = require_user(context.viewer).user_id
        assert user_id is not None
        size, after_id, unread = page_size(first), decode_id_cursor(after), bool(unread_only)
        async with context.sessions() as session:
            page = await repository.page(
                session, user_id=user_id, unread_only=unread, first=size, after_id=after_id
            )

        async def count() -> int:
            async with context.sessions() as session:
                return await repository.count(session, user_id=user_id, unread_only=unread)

        return page_connection(page, Notification.of, after_id=after_id, count=count)
