"""``notificationAdded`` keeps pushing while Redis is down: the API process notices its
pub/sub reader lost Redis and polls the notifications table, as without Redis."""

from __future__ import annotations

from pathlib import Path

from network.database import standalone_unit_of_work
from network.enums import NotificationKind, Role
from network.notifications.models import Notification
from tests.api import TEST_DATA_KEY, Api
from tests.factories import person
from tests.faults.processes import RedisProcess
from tests.schema.referrals.servers import api_process
from tests.workers.test_reminders_end_to_end import pushed, subscribed


async def add_notification(url: str, user_id: int) -> None:
    """An in-app notification committed as a worker's delivery commits it."""
    async with standalone_unit_of_work(url) as uow:
        uow.session.add(
            Notification(
                user_id=user_id,
                kind=NotificationKind.FOLLOW_UP_DUE,
                title="Suivi",
                body="Un suivi est dû.",
            )
        )


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
                # when Redis dies and a notification is committed for them
                redis.kill()
                await add_notification(db_url, staff.id)
                # then it is pushed all the same
                assert await pushed(ws, "FOLLOW_UP_DUE", 20)
