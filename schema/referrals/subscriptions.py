"""``referralEvents``: referral events pushed live, with the visibility of queries.

A committed event is published as ids only (schema.pubsub); each subscriber re-reads
it with its own viewer in SQL, so nobody receives an event of a referral they may
not see, and identity (the note) only where they may see it.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.ids import pk_of
from network.pubsub_keys import REFERRAL_EVENTS_CHANNEL, referral_event_message
from network.records.referrals import Referral as ReferralRow
from network.records.referrals import ReferralEvent as ReferralEventRow
from network.referrals import repository
from network.referrals.hooks import on_referral_event
from schema.auth import require_user
from schema.context import Info
from schema.pubsub import BROADCASTER
from schema.referrals.types import ReferralEvent

CHANNEL = REFERRAL_EVENTS_CHANNEL


@on_referral_event
async def publish_after_commit(
    session: AsyncSession, referral: ReferralRow, event: ReferralEventRow
) -> None:
    """Publish the event once its transaction committed; a session without a unit of
    work or a broadcaster (a script, a test) publishes nothing."""
    broadcaster, uow = session.info.get(BROADCASTER), session.info.get("unit_of_work")
    if broadcaster is None or uow is None:
        return
    message = referral_event_message(
        event.id, referral.id, [referral.from_actor_id, referral.to_actor_id]
    )
    uow.after_commit(lambda: broadcaster.publish(CHANNEL, message), work="publish")


@strawberry.type
class ReferralSubscription:
    @strawberry.subscription(
        description="Events of referrals the caller may see; with actorId, only those this"
        " actor sends or receives."
    )
    async def referral_events(
        self, info: Info, actor_id: strawberry.ID | None = None
    ) -> AsyncGenerator[ReferralEvent, None]:
        context = info.context
        viewer = require_user(context.viewer)
        actor_pk = pk_of(actor_id, "Actor", field="actorId") if actor_id else None
        broadcaster = context.broadcaster
        assert broadcaster is not None, "the app always has a broadcaster"
        async with broadcaster.subscribe(CHANNEL) as messages:
            context.listens()
            async for message in messages:
                if not _concerns(message, actor_pk):
                    continue
                async with context.sessions() as session:
                    found = await repository.get_visible_events(
                        session, [message["event_id"]], viewer=viewer, now=clock.now()
                    )
                for seen in found.values():
                    context.reset_loaders()
                    yield ReferralEvent.of(seen)


def _concerns(message: dict[str, Any], actor_pk: int | None) -> bool:
    return actor_pk is None or actor_pk in message["actor_ids"]
