from __future__ import annotations

import strawberry

from network.notifications import repository
from schema.auth import require_admin
from schema.context import Info
from schema.outbox.types import OutboxCount, OutboxState


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
