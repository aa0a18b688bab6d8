from __future__ import annotations

import strawberry

from network.notifications import operators
from schema.context import Info
from schema.mutations import mutate_one, shown_as
from schema.outbox.types import OutboxMessage, OutboxMessagePayload


@strawberry.type
class OutboxMutation:
    @strawberry.mutation(
        description="ADMIN: a DEAD message is sent again (PENDING, due now, its attempts "
        "counted afresh); any other state is INVALID_TRANSITION."
    )
    async def retry_outbox_message(self, info: Info, id: strawberry.ID) -> OutboxMessagePayload:
        message, errors = await mutate_one(
            info,
            "OutboxMessage",
            id,
            lambda session, viewer, pk: operators.retry_message(
                session, viewer=viewer, message_id=pk
            ),
            shown_as("OutboxMessage", OutboxMessage.of),
            admin=True,
        )
        return OutboxMessagePayload(outbox_message=message, user_errors=errors)
