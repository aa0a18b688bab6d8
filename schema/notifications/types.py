from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from network.notifications.models import Notification as NotificationRow
from schema.common import UserError
from schema.connections import Connection
from schema.context import Info
from schema.enums import NotificationKind
from schema.referrals.types import referral_by_id
from schema.relay import FromRow, Node
from schema.youths.types import youth_by_id

if TYPE_CHECKING:
    from schema.referrals.types import Referral
    from schema.youths.types import Youth


@strawberry.type(name="Notification", description="Seen by its recipient only.")
class Notification(Node, FromRow):
    row: strawberry.Private[NotificationRow]
    kind: NotificationKind
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None

    @strawberry.field(description="Null when the caller may no longer see the referral.")
    async def referral(
        self, info: Info
    ) -> Annotated[Referral, strawberry.lazy("schema.referrals.types")] | None:
        return await referral_by_id(info, self.row.referral_id)

    @strawberry.field(description="Null when the caller may no longer see the young person.")
    async def youth(
        self, info: Info
    ) -> Annotated[Youth, strawberry.lazy("schema.youths.types")] | None:
        return await youth_by_id(info, self.row.youth_id)


NotificationConnection = Connection[Notification]


@strawberry.type
class MarkReadPayload:
    notifications: list[Notification]
    user_errors: list[UserError]
