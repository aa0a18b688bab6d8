from __future__ import annotations

import strawberry

from schema.referrals.enums import ReferralEventKind


@strawberry.input
class RegisterWebhookInput:
    actor_id: strawberry.ID
    url: str
    secret: str = strawberry.field(description="At least 16 characters; stored encrypted.")
    events: list[ReferralEventKind] | None = strawberry.field(
        default=None, description="The events to receive; every kind when omitted."
    )
