from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from network import clock
from network.records.referrals import Referral as ReferralRow
from network.records.referrals import ReferralEvent as ReferralEventRow
from network.referrals import rules
from network.referrals.repository import Seen, SeenEvent
from schema.actors.loaders import actor_loader
from schema.actors.types import Actor
from schema.connections import Connection, loaded_connection
from schema.context import Info
from schema.enums import ServiceAxis
from schema.referrals.enums import (
    DeclineReason,
    Priority,
    ReferralEventKind,
    ReferralOutcome,
    ReferralStatus,
)
from schema.referrals.loaders import (
    referral_event_count_loader,
    referral_events_loader,
    referral_identity_read_loader,
    referral_loader,
    referral_service_loader,
)
from schema.relay import Node, Paging, from_row, node_type, paged
from schema.services.types import Service
from schema.users.loaders import user_loader
from schema.users.types import User
from schema.youths.types import Youth, judged_youth

if TYPE_CHECKING:
    from schema.youths.types import Youth


@node_type
@strawberry.type(name="Referral")
class Referral(Node):
    row: strawberry.Private[ReferralRow]
    sees_youth: strawberry.Private[bool]
    sees_identity: strawberry.Private[bool]
    axis: ServiceAxis
    priority: Priority
    status: ReferralStatus
    created_at: datetime
    sent_at: datetime | None
    respond_by: datetime | None
    responded_at: datetime | None
    completed_at: datetime | None
    next_follow_up_at: datetime | None
    outcome: ReferralOutcome | None
    decline_reason: DeclineReason | None
    version: int

    @classmethod
    def of(cls, seen: Seen) -> Referral:
        row = seen.referral
        return from_row(
            cls, row, row=row, sees_youth=seen.youth_visible, sees_identity=seen.identity_visible
        )

    @strawberry.field(
        description="Null where the caller sees the referral but not the young person."
    )
    async def youth(
        self, info: Info
    ) -> Annotated[Youth, strawberry.lazy("schema.youths.types")] | None:
        if not self.sees_youth:
            return None
        return await judged_youth(info, self.row.youth_id, identity=self.sees_identity)

    @strawberry.field
    async def from_actor(self, info: Info) -> Actor:
        return Actor.of(await actor_loader(info.context).load(self.row.from_actor_id))

    @strawberry.field
    async def to_actor(self, info: Info) -> Actor:
        return Actor.of(await actor_loader(info.context).load(self.row.to_actor_id))

    @strawberry.field
    async def service(self, info: Info) -> Service | None:
        if self.row.service_id is None:
            return None
        return Service.of(await referral_service_loader(info.context).load(self.row.service_id))

    @strawberry.field(description="Encrypted at rest; null for callers who may not see identity.")
    async def reason(self, info: Info) -> str | None:
        return await _identity(info, self.sees_identity, self.row.id, self.row.reason_enc)

    @strawberry.field
    async def created_by(self, info: Info) -> User | None:
        return await _user(info, self.row.created_by_id)

    @strawberry.field
    def overdue(self) -> bool:
        return rules.is_overdue(self.row, clock.now())

    @strawberry.field
    async def redirected_to(self, info: Info) -> Referral | None:
        return await referral_by_id(info, self.row.redirected_to_id)

    @strawberry.field
    async def redirected_from(self, info: Info) -> Referral | None:
        return await referral_by_id(info, self.row.redirected_from_id)

    @strawberry.field(description="What happened to the referral, in order.")
    @paged
    async def events(self, info: Info, *, paging: Paging) -> ReferralEventConnection:
        context = info.context
        referral_id, sees_identity = self.row.id, self.sees_identity
        return await loaded_connection(
            lambda size, after_id: referral_events_loader(context).load(
                (referral_id, size, after_id)
            ),
            lambda row: ReferralEvent.of(SeenEvent(row, sees_identity)),
            paging,
            count=lambda: referral_event_count_loader(context).load(referral_id),
        )


@strawberry.type(name="ReferralEvent")
class ReferralEvent(Node):
    row: strawberry.Private[ReferralEventRow]
    sees_identity: strawberry.Private[bool]
    kind: ReferralEventKind
    at: datetime
    from_status: ReferralStatus | None
    to_status: ReferralStatus | None

    @classmethod
    def of(cls, seen: SeenEvent) -> ReferralEvent:
        row = seen.event
        return from_row(cls, row, sees_identity=seen.identity_visible)

    @strawberry.field
    async def referral(self, info: Info) -> Referral:
        found = await referral_by_id(info, self.row.referral_id)
        assert found is not None, "an event is only shown with a referral its viewer sees"
        return found

    @strawberry.field
    async def by(self, info: Info) -> User | None:
        return await _user(info, self.row.by_id)

    @strawberry.field(description="Encrypted at rest; null for callers who may not see identity.")
    async def note(self, info: Info) -> str | None:
        return await _identity(info, self.sees_identity, self.row.referral_id, self.row.note_enc)


ReferralConnection = Connection[Referral]
ReferralEventConnection = Connection[ReferralEvent]


async def referral_by_id(info: Info, referral_id: int | None) -> Referral | None:
    """The referral if the caller may see it, else None."""
    if referral_id is None:
        return None
    seen: Seen | None = await referral_loader(info.context).load(referral_id)
    return Referral.of(seen) if seen else None


async def _user(info: Info, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    row: Any = await user_loader(info.context).load(user_id)
    return User.of(row) if row else None


async def _identity(info: Info, visible: bool, referral_id: int, token: str | None) -> str | None:
    """An identity field decrypted for a caller who may see it; the read is audited."""
    if not visible or token is None:
        return None
    await referral_identity_read_loader(info.context).load(referral_id)
    return info.context.cipher.decrypt(token)
