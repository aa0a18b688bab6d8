from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from network import clock
from network.ids import to_global_id
from network.referrals import rules
from network.referrals.models import Referral as ReferralRow
from network.referrals.models import ReferralEvent as ReferralEventRow
from network.referrals.repository import Page, Seen, SeenEvent
from schema.actors.types import Actor
from schema.common import PageInfo
from schema.connections import cursors_of, page_info
from schema.context import Info
from schema.enums import ServiceAxis
from schema.referrals.enums import (
    DeclineReason,
    Priority,
    ReferralEventKind,
    ReferralOutcome,
    ReferralStatus,
)
from schema.relay import Node, decode_id_cursor, page_size
from schema.services.types import Service
from schema.users.types import User

if TYPE_CHECKING:
    from schema.youths.types import Youth


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
        return cls(
            id=strawberry.ID(to_global_id("Referral", row.id)),
            row=row,
            sees_youth=seen.youth_visible,
            sees_identity=seen.identity_visible,
            axis=row.axis,
            priority=row.priority,
            status=row.status,
            created_at=row.created_at,
            sent_at=row.sent_at,
            respond_by=row.respond_by,
            responded_at=row.responded_at,
            completed_at=row.completed_at,
            next_follow_up_at=row.next_follow_up_at,
            outcome=row.outcome,
            decline_reason=row.decline_reason,
            version=row.version,
        )

    @strawberry.field(
        description="Null where the caller sees the referral but not the young person."
    )
    async def youth(
        self, info: Info
    ) -> Annotated[Youth, strawberry.lazy("schema.youths.types")] | None:
        if not self.sees_youth:
            return None
        from schema.youths.types import youth_by_id

        return await youth_by_id(info, self.row.youth_id)

    @strawberry.field
    async def from_actor(self, info: Info) -> Actor:
        return Actor.of(await info.context.loaders["actor"].load(self.row.from_actor_id))

    @strawberry.field
    async def to_actor(self, info: Info) -> Actor:
        return Actor.of(await info.context.loaders["actor"].load(self.row.to_actor_id))

    @strawberry.field
    async def service(self, info: Info) -> Service | None:
        if self.row.service_id is None:
            return None
        return Service.of(await info.context.loaders["referral_service"].load(self.row.service_id))

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
    async def events(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> ReferralEventConnection:
        size, after_id = page_size(first), decode_id_cursor(after)
        loaders = info.context.loaders
        page = await loaders["referral_events"].load((self.row.id, size, after_id))
        referral_id, sees_identity = self.row.id, self.sees_identity

        async def count() -> int:
            return await loaders["referral_event_count"].load(referral_id)  # type: ignore[no-any-return]

        events = [SeenEvent(row, sees_identity) for row in page.rows] if page else []
        return ReferralEventConnection.of(
            events, has_next=bool(page and page.has_next), after_id=after_id, count=count
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
        return cls(
            id=strawberry.ID(to_global_id("ReferralEvent", row.id)),
            row=row,
            sees_identity=seen.identity_visible,
            kind=row.kind,
            at=row.at,
            from_status=row.from_status,
            to_status=row.to_status,
        )

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


@strawberry.type
class ReferralEdge:
    cursor: str
    node: Referral


@strawberry.type
class ReferralConnection:
    edges: list[ReferralEdge]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    def nodes(self) -> list[Referral]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()

    @classmethod
    def of(
        cls, page: Page[Seen] | None, *, after_id: int | None, count: Callable[[], Awaitable[int]]
    ) -> ReferralConnection:
        rows = page.rows if page else []
        cursors = cursors_of(rows, lambda seen: [seen.referral.id])
        return cls(
            edges=[
                ReferralEdge(cursor=cursor, node=Referral.of(seen))
                for cursor, seen in zip(cursors, rows, strict=True)
            ],
            page_info=page_info(
                cursors, has_next=bool(page and page.has_next), has_previous=after_id is not None
            ),
            count=count,
        )


@strawberry.type
class ReferralEventEdge:
    cursor: str
    node: ReferralEvent


@strawberry.type
class ReferralEventConnection:
    edges: list[ReferralEventEdge]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    def nodes(self) -> list[ReferralEvent]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()

    @classmethod
    def of(
        cls,
        events: list[SeenEvent],
        *,
        has_next: bool,
        after_id: int | None,
        count: Callable[[], Awaitable[int]],
    ) -> ReferralEventConnection:
        cursors = cursors_of(events, lambda seen: [seen.event.id])
        return cls(
            edges=[
                ReferralEventEdge(cursor=cursor, node=ReferralEvent.of(seen))
                for cursor, seen in zip(cursors, events, strict=True)
            ],
            page_info=page_info(cursors, has_next=has_next, has_previous=after_id is not None),
            count=count,
        )


async def referral_by_id(info: Info, referral_id: int | None) -> Referral | None:
    """The referral if the caller may see it, else None."""
    if referral_id is None:
        return None
    seen: Seen | None = await info.context.loaders["referral"].load(referral_id)
    return Referral.of(seen) if seen else None


async def youth_referrals(
    info: Info, youth_id: int, *, first: int | None, after: str | None
) -> ReferralConnection:
    """``Youth.referrals``: the young person's referrals the caller may see, a page per
    young person through the "youth_referrals" loader."""
    size, after_id = page_size(first), decode_id_cursor(after)
    loaders = info.context.loaders
    page = await loaders["youth_referrals"].load((youth_id, size, after_id))

    async def count() -> int:
        return await loaders["youth_referral_count"].load(youth_id)  # type: ignore[no-any-return]

    return ReferralConnection.of(page, after_id=after_id, count=count)


async def _user(info: Info, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    row: Any = await info.context.loaders["user"].load(user_id)
    return User.of(row) if row else None


async def _identity(info: Info, visible: bool, referral_id: int, token: str | None) -> str | None:
    """An identity field decrypted for a caller who may see it; the read is audited."""
    if not visible or token is None:
        return None
    await info.context.loaders["referral_identity_read"].load(referral_id)
    return info.context.cipher.decrypt(token)
