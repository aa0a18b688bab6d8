"""Issue 14: the four plan reminder rules through a real worker on a real broker (Redis,
and the embedded one), beat ticking: each message reaches its recipient in-app once."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from network import clock
from network.crypto import DataCipher
from network.database import standalone_unit_of_work
from network.enums import Role
from network.notifications.models import Notification
from network.plans.enums import ActionKind, ActionOwner
from network.reminders.rules import SCANS
from tests.api import running_api
from tests.factories import person
from tests.network.notifications.outbox_data import eventually
from tests.network.notifications.servers import mail_server
from tests.network.reminders.scene import insert_youth
from tests.network.reminders.test_plan_reminders import insert_plan, user_id
from tests.schema.referrals.fixtures import network
from tests.services import finished_tasks, ticking
from tests.workers.test_delivery import worker_on
from tests.workers.test_reminders_end_to_end import ticked_again

KINDS = ("PLAN_ACTION_DUE", "PLAN_REVIEW_DUE", "PLAN_MISSING", "PLAN_NOT_AGREED")


async def test_each_plan_rule_reminds_once_through_a_worker(
    broker: str, redis: str, db_url: str, tmp_path: Path
) -> None:
    var = tmp_path / "var"
    today = clock.today()
    async with running_api(db_url, var) as api:
        # given a plan whose action and review are due today; a young person of 15 in care
        # without a plan; one leaving in 140 days whose plan is not agreed
        world = await network(api)
        mediator = world.mediator.id
        coordinator = await person(api, Role.COORDINATOR, territory="MA-03")
        cipher = DataCipher(api.state.settings.data_key)
        await insert_plan(
            api,
            world.youth,
            next_review_on=today,
            actions=[
                {
                    "kind": ActionKind.DOCUMENT,
                    "owner": ActionOwner.MEDIATOR,
                    "owner_user_id": mediator,
                    "due_on": today,
                }
            ],
        )
        fifteen = today.replace(year=today.year - 15) - timedelta(days=1)
        turning = await insert_youth(
            api,
            institution=world.institution,
            mediator_id=mediator,
            birth_date_enc=cipher.encrypt(fifteen.isoformat()),
        )
        leaving = await insert_youth(
            api,
            institution=world.institution,
            mediator_id=mediator,
            expected_leaving_date=today + timedelta(days=140),
        )
        await insert_plan(api, leaving)
        demo_coordinator = await user_id(api, "coordination.fes-meknes@jisr.example.ma")

    expected = {
        "PLAN_ACTION_DUE": Counter({mediator: 1}),
        "PLAN_REVIEW_DUE": Counter({mediator: 1}),
        "PLAN_MISSING": Counter({mediator: 1}),
        "PLAN_NOT_AGREED": Counter({mediator: 1, coordinator.id: 1, demo_coordinator: 1}),
    }

    ours = [world.youth, turning, leaving]

    async def told() -> dict[str, Counter[int]]:
        """In-app notifications about our young people, per kind and recipient."""
        found: dict[str, Counter[int]] = {kind: Counter() for kind in KINDS}
        async with standalone_unit_of_work(db_url) as uow:
            rows = await uow.session.execute(
                select(Notification.kind, Notification.user_id).where(
                    Notification.youth_id.in_(ours)
                )
            )
            for kind, user in rows:
                found[kind.value][user] += 1
        return found

    async def all_told() -> bool:
        return all(set(c) == set(expected[k]) for k, c in (await told()).items())

    # when beat ticks on a real worker
    with (
        mail_server() as smtp,
        worker_on(db_url, var, broker, smtp, redis_url=redis or None) as app,
        finished_tasks() as finished,
    ):
        async with ticking(app, SCANS):
            arrived = await eventually(all_told, 90)
            assert await ticked_again(finished)  # more ticks: nothing more may come

    # then each recipient has each message once, in-app
    assert arrived
    assert await told() == expected
