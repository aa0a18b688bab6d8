from __future__ import annotations

import strawberry

from network.inbox import repository
from schema.auth import require_user
from schema.connections import asks_total_only, session_connection
from schema.context import Info
from schema.notifications.types import Notification, NotificationConnection
from schema.relay import Paging, node_resolver, paged


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
    @paged
    async def notifications(
        self, info: Info, unread_only: bool | None = None, *, paging: Paging
    ) -> NotificationConnection:
        context = info.context
        user_id = require_user(context.viewer).user_id
        assert user_id is not None
        unread = bool(unread_only)
        return await session_connection(
            context.sessions,
            Notification.of,
            paging,
            fetch=lambda session, size, after_id: repository.page(
                session, user_id=user_id, unread_only=unread, first=size, after_id=after_id
            ),
            count=lambda session: repository.count(session, user_id=user_id, unread_only=unread),
            rows=not asks_total_only(info),
        )
