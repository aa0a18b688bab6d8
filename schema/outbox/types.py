from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from network.ids import to_global_id
from network.notifications import repository
from network.notifications.models import OutboxMessage as OutboxRow
from schema.common import UserError
from schema.enums import NotificationKind
from schema.relay import from_row


@strawberry.enum(name="OutboxState")
class OutboxState(StrEnum):
    PENDING = repository.PENDING
    SENDING = repository.SENDING
    SENT = repository.SENT
    DEAD = repository.DEAD


@strawberry.type(name="OutboxCount", description="Messages of one channel in one state.")
class OutboxCount:
    channel: str
    state: OutboxState
    count: int


@strawberry.type(
    name="OutboxMessage",
    description="One message of the outbox, as ADMIN sees it: never its content.",
)
class OutboxMessage:
    id: strawberry.ID
    channel: str
    kind: NotificationKind
    state: OutboxState
    attempts: int
    last_error: str | None = strawberry.field(description="Why its last attempt failed.")
    created_at: datetime
    due_at: datetime

    @classmethod
    def of(cls, row: OutboxRow) -> OutboxMessage:
        return from_row(
            cls,
            row,
            id=strawberry.ID(to_global_id("OutboxMessage", row.id)),
            state=OutboxState(row.state),
        )


@strawberry.type
class OutboxMessagePayload:
    outbox_message: OutboxMessage | None
    user_errors: list[UserError]
