from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry

from network import clock
from network.referrals import filters, repository
from schema.auth import require_user
from schema.connections import session_connection
from schema.context import Info
from schema.listing import Listing, listed
from schema.referrals.filters import ReferralFilter
from schema.referrals.pages import referral_key
from schema.referrals.types import (
    Referral,
    ReferralConnection,
    ReferralEvent,
)
from schema.relay import node_resolver

T = TypeVar("T")


async def _visible(info: Info, fetch: Callable[..., Awaitable[T]], pks: list[int]) -> T:
    async with info.context.sessions() as session:
        return await fetch(session, pks, viewer=info.context.viewer, now=clock.now())


@node_resolver("Referral")
async def referral_nodes(info: Info, pks: list[int]) -> dict[int, Referral]:
    found = await _visible(info, repository.get_visible, pks)
    return {pk: Referral.of(seen) for pk, seen in found.items()}


@node_resolver("ReferralEvent")
async def referral_event_nodes(info: Info, pks: list[int]) -> dict[int, ReferralEvent]:
    found = await _visible(info, repository.get_visible_events, pks)
    return {pk: ReferralEvent.of(seen) for pk, seen in found.items()}


@strawberry.type
class ReferralQuery:
    @listed(description="Referrals the caller may see, in creation order.")
    async def referrals(self, info: Info, listing: Listing[ReferralFilter]) -> ReferralConnection:
        context = info.context
        viewer = require_user(context.viewer)
        given = listing.filter
        where = given.to_domain(context.reference) if given else filters.ReferralFilter()
        now = clock.now()
        return await session_connection(
            context.sessions,
            Referral.of,
            listing.paging,
            fetch=lambda session, size, after_id: repository.search(
                session, where=where, first=size, after_id=after_id, viewer=viewer, now=now
            ),
            count=lambda session: repository.count(session, where=where, viewer=viewer, now=now),
            key=referral_key,
        )
