from __future__ import annotations

import strawberry

from network.notifications import operators, repository
from schema.auth import require_admin
from schema.context import Info
from schema.outbox.types import OutboxCount, OutboxMessage, OutboxState
from schema.relay import page_size


@strawberry.type
class OutboxQuery:
    @strawberry.field(
        description="ADMIN only. Messages by channel and state (pairs with none are left out)."
    )
    async def outbox_status(self, info: Info) -> list[OutboxCount]:
        require_admin(info.context.viewer)
        async with info.context.sessions() as session:
            counts = await repository.counts(session)
        return [OutboxCount(channel=c, state=OutboxState(s), count=n) for c, s, n in counts]

    @strawberry.field(
        description="ADMIN only. The latest DEAD messages, with the error of their last "
        "attempt; at most 100."
    )
    async def outbox_dead_messages(self, info: Info, first: int | None = 20) -> list[OutboxMessage]:
        viewer = require_admin(info.context.viewer)
        size = page_size(first)
        async with info.context.sessions() as session:
            rows = await operators.dead_messages(session, viewer=viewer, first=size)
        return [OutboxMessage.of(row) for row in rows]
