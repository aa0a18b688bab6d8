"""``notificationAdded`` keeps pushing while Redis is down: the API process notices its
pub/sub reader lost Redis and polls the notifications table, as without Redis."""

from __future__ import annotations

from pathlib import Path

import orjson
import redis as sync_redis
from websockets.asyncio.client import ClientConnection

from network.database import standalone_unit_of_work
from network.enums import NotificationKind, Role
from network.notifications.models import Notification
from network.pubsub_keys import channel_prefix, notifications_channel
from tests.api import TEST_DATA_KEY, Api
from tests.factories import person
from tests.faults.processes import RedisProcess
from tests.schema.referrals.servers import api_process
from tests.workers.test_reminders_end_to_end import pushed, subscribed


async def add_notification(
    url: str, user_id: int, kind: NotificationKind = NotificationKind.FOLLOW_UP_DUE
) -> int:
    """An in-app notification committed as a worker's delivery commits it."""
    async with standalone_unit_of_work(url) as uow:
        notification = Notification(user_id=user_id, kind=kind, title="Suivi", body="Un suivi.")
        uow.session.add(notification)
        await uow.session.flush()
        return notification.id


async def until_live(ws: ClientConnection, redis_url: str, db_url: str, user_id: int) -> None:
    """Until the subscription pushes a first notification, published as a worker does.

    A subscription delivers what is newer than the newest row when it started, and the
    protocol does not say when that is: a fresh notification is sent until one arrives."""
    client = sync_redis.Redis.from_url(redis_url)
    channel = channel_prefix(db_url) + notifications_channel(user_id)
    try:
        for _ in range(40):
            kind = NotificationKind.REFERRAL_RECEIVED
            added = await add_notification(db_url, user_id, kind)
            client.publish(channel, orjson.dumps({"notification_id": added, "user_id": user_id}))
            if await pushed(ws, kind, 0.5):
                return
    finally:
        client.close()
    raise AssertionError("the subscription pushed nothing while Redis answered")


async def test_notifications_are_pushed_while_redis_is_down(
    api: Api, db_url: str, tmp_path: Path
) -> None:
    # given an API process on a Redis of this test's own, and a subscribed staff member
    staff = await person(api, Role.AGENCY_STAFF, actor_id=1)
    with RedisProcess(tmp_path / "redis") as redis:
        env = {
            "JISR_DATABASE_URL": db_url,
            "JISR_REDIS_URL": redis.url(),
            "JISR_VAR_DIR": str(tmp_path / "var"),
            "JISR_SECRET_KEY": "test-secret",
            "JISR_DATA_KEY": TEST_DATA_KEY,
            "JISR_ENV": "development",
        }
        with api_process(env) as base:
            async with subscribed(base, staff) as ws:
                await until_live(ws, redis.url(), db_url, staff.id)
                # when Redis dies and a notification is committed for them
                redis.kill()
                await add_notification(db_url, staff.id)
                # then it is pushed all the same
                assert await pushed(ws, "FOLLOW_UP_DUE", 20)
