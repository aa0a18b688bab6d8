"""Pushes each in-app notification the worker delivers to ``notificationAdded``
subscribers, through Redis pub/sub, once it is committed.

The API processes relay the channel prefix of their database
(``network.pubsub_keys``) to their subscribers, who re-read the notification by id as
themselves. Publishing uses the settings of the running task's app; outside a task,
or without ``JISR_REDIS_URL``, nothing is published (subscriptions then poll the
notifications table).
"""

from __future__ import annotations

from functools import cache

import orjson
import redis
from celery import current_task

from network.notifications.hooks import on_notification
from network.notifications.models import Notification
from network.pubsub_keys import channel_prefix, notifications_channel


@cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


@on_notification
async def publish_notification(notification: Notification) -> None:
    settings = getattr(getattr(current_task, "app", None), "settings", None)
    if settings is None or not settings.redis_url:
        return
    channel = channel_prefix(settings.database_url) + notifications_channel(notification.user_id)
    message = {"notification_id": notification.id, "user_id": notification.user_id}
    _client(settings.redis_url).publish(channel, orjson.dumps(message))
