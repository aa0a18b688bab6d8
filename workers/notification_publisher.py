"""Pushes what the worker commits to the API's subscribers through Redis pub/sub: each
in-app notification it delivers (``notificationAdded``) and each referral event it causes,
such as an expiry (``referralEvents``).

The API processes relay the channel prefix of their database
(``network.pubsub_keys``) to their subscribers, who re-read the notification by id as
themselves. Publishing uses the settings of the running task's app; outside a task,
or without ``JISR_REDIS_URL``, nothing is published (subscriptions then poll the
notifications table).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import orjson
import redis
from celery import current_task
from redis.backoff import NoBackoff
from redis.retry import Retry
from sqlalchemy.ext.asyncio import AsyncSession

from network.notifications.hooks import on_notification
from network.notifications.models import Notification
from network.pubsub_keys import (
    REFERRAL_EVENTS_CHANNEL,
    channel_prefix,
    notifications_channel,
    referral_event_message,
)
from network.records.referrals import Referral, ReferralEvent
from network.referrals.hooks import on_referral_event
from network.settings import Settings


@cache
def _client(url: str) -> redis.Redis:
    """Health-checked, one retry on a stale connection, short timeouts: a Redis that is
    down delays a delivery by little (and its failure is logged, never raised)."""
    return redis.Redis.from_url(
        url,
        health_check_interval=5,
        socket_connect_timeout=1,
        socket_timeout=2,
        retry=Retry(NoBackoff(), 1),
    )


def _settings() -> Settings | None:
    """The settings of the running task's app, when it publishes (``JISR_REDIS_URL``)."""
    settings = getattr(getattr(current_task, "app", None), "settings", None)
    return settings if settings is not None and settings.redis_url else None


def _publish(settings: Settings, channel: str, message: Mapping[str, object]) -> None:
    assert settings.redis_url is not None
    full = channel_prefix(settings.database_url) + channel
    _client(settings.redis_url).publish(full, orjson.dumps(message))


@on_notification
async def publish_notification(notification: Notification) -> None:
    settings = _settings()
    if settings is not None:
        message = {"notification_id": notification.id, "user_id": notification.user_id}
        _publish(settings, notifications_channel(notification.user_id), message)


@on_referral_event
async def publish_referral_event(
    session: AsyncSession, referral: Referral, event: ReferralEvent
) -> None:
    """Once the task's transaction committed; the API publishes its own events itself."""
    settings, uow = _settings(), session.info.get("unit_of_work")
    if settings is None or uow is None:
        return
    message = referral_event_message(
        event.id, referral.id, [referral.from_actor_id, referral.to_actor_id]
    )
    uow.after_commit(lambda: _publish(settings, REFERRAL_EVENTS_CHANNEL, message), work="publish")
