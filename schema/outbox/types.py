from __future__ import annotations

from enum import StrEnum

import strawberry

from network.notifications import repository


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
