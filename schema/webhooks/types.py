from __future__ import annotations

from datetime import datetime

import strawberry

from network.enums import ReferralEventKind as EventKind
from network.ids import to_global_id
from network.notifications.models import Webhook as WebhookRow
from schema.common import UserError
from schema.referrals.enums import ReferralEventKind
from schema.relay import Node


@strawberry.type(
    name="Webhook", description="Seen by the actor's staff and ADMIN; never its secret."
)
class Webhook(Node):
    url: str
    events: list[ReferralEventKind]
    active: bool
    created_at: datetime

    @classmethod
    def of(cls, row: WebhookRow) -> Webhook:
        return cls(
            id=strawberry.ID(to_global_id("Webhook", row.id)),
            url=row.url,
            events=[EventKind(name) for name in row.events],
            active=row.active,
            created_at=row.created_at,
        )


@strawberry.type
class WebhookPayload:
    webhook: Webhook | None
    user_errors: list[UserError]
