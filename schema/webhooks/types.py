from __future__ import annotations

from datetime import datetime

import strawberry

from network.enums import ReferralEventKind as EventKind
from network.notifications.models import Webhook as WebhookRow
from schema.common import UserError
from schema.referrals.enums import ReferralEventKind
from schema.relay import Node, from_row


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
        return from_row(cls, row, events=[EventKind(name) for name in row.events])


@strawberry.type
class WebhookPayload:
    webhook: Webhook | None
    user_errors: list[UserError]
