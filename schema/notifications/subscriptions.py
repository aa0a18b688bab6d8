"""``notificationAdded``: the caller's new in-app notifications, pushed live.

With Redis (``JISR_REDIS_URL``) the worker that delivers a notification publishes its
id after commit (``workers.notification_publisher``) on the recipient's channel, and
each API process relays it to that user's subscriptions, which re-read it as their
caller. Without Redis (the embedded default: API and worker are separate processes
with nothing shared but the database) a subscription polls the notifications table
for the caller's new rows every ``POLL_SECONDS``. While a configured Redis does not
answer (``Broadcaster.live`` is false), a subscription polls in the same way, and
catches up on what was delivered meanwhile once it answers again.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator

import strawberry

from network.inbox import repository
from network.notifications.models import Notification as NotificationRow
from network.pubsub_keys import notifications_channel
from schema.auth import require_user
from schema.context import Context, Info
from schema.notifications.types import Notification

POLL_SECONDS = 1.0


@strawberry.type
class NotificationSubscription:
    @strawberry.subscription(description="The caller's own notifications, as they arrive.")
    async def notification_added(self, info: Info) -> AsyncGenerator[Notification, None]:
        context = info.context
        user_id = require_user(context.viewer).user_id
        assert user_id is not None
        arriving = _published if context.settings.redis_url else _polled
        async for row in arriving(context, user_id):
            yield Notification.of(row)
            context.reset_loaders()


async def _published(context: Context, user_id: int) -> AsyncIterator[NotificationRow]:
    """Rows newer than the last one yielded: read once subscribed, then when a message
    announces one, and every ``POLL_SECONDS`` while Redis does not answer (or just came
    back)."""
    broadcaster = context.broadcaster
    assert broadcaster is not None, "the app always has a broadcaster"
    async with context.sessions() as session:
        seen = await repository.last_id(session, user_id=user_id)
    async with broadcaster.subscribe(notifications_channel(user_id)) as messages:
        context.listens()
        arriving = asyncio.ensure_future(anext(messages))
        was_live = False  # catch up once subscribed
        try:
            while True:
                if was_live and broadcaster.live:
                    done, _ = await asyncio.wait({arriving}, timeout=POLL_SECONDS)
                    if not done:
                        continue
                    arriving = asyncio.ensure_future(anext(messages))
                was_live = broadcaster.live
                async with context.sessions() as session:
                    rows = await repository.newer(session, user_id=user_id, after_id=seen)
                for row in rows:
                    seen = row.id
                    yield row
                if not was_live:
                    done, _ = await asyncio.wait({arriving}, timeout=POLL_SECONDS)
                    if done:
                        arriving = asyncio.ensure_future(anext(messages))
        finally:
            arriving.cancel()


async def _polled(context: Context, user_id: int) -> AsyncIterator[NotificationRow]:
    async with context.sessions() as session:
        seen = await repository.last_id(session, user_id=user_id)
    context.listens()
    while True:
        await asyncio.sleep(POLL_SECONDS)
        async with context.sessions() as session:
            rows = await repository.newer(session, user_id=user_id, after_id=seen)
        for row in rows:
            seen = row.id
            yield row
