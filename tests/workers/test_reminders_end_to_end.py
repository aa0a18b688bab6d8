"""Issue 4, first Show item: a real worker on a real broker (Redis, and the embedded
one), a real SMTP server and a real API process. A referral to a service that must
answer the same day is reminded to each receiving staff member exactly once, by email
and in-app (pushed through ``notificationAdded``); accepting it tells the mediator
exactly once."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import redis.asyncio as aioredis
from sqlalchemy import select, update
from websockets.asyncio.client import ClientConnection, connect

from network.database import standalone_unit_of_work
from network.enums import Role
from network.notifications.models import Notification, OutboxMessage
from network.pubsub_keys import channel_prefix, notifications_channel
from network.reminders.rules import SCANS
from network.services.models import Service
from tests.api import Api, running_api
from tests.api import test_settings as settings_for
from tests.factories import Person, person
from tests.network.notifications.outbox_data import eventually
from tests.network.notifications.servers import MailServer, mail_server
from tests.schema.notifications.inbox import PROBE, probe
from tests.schema.referrals.fixtures import created, done, network
from tests.schema.referrals.servers import api_process, server_environment
from tests.services import finished_tasks, ticking
from tests.workers.test_delivery import worker_on
from workers.app import create_celery
from workers.notification_tasks import RELAY
from workers.reminder_tasks import SCAN

ADDED = "subscription { notificationAdded { kind referral { id } } }"
OUTBOX_ID = re.compile(r"<outbox-(\d+)@")
REMINDER, STATUS = "REFERRAL_RESPONSE_DUE", "REFERRAL_STATUS_CHANGED"


@asynccontextmanager
async def subscribed(base: str, who: Person) -> AsyncIterator[ClientConnection]:
    url = base.replace("http", "ws", 1) + "/graphql"
    async with connect(
        url,
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers={"Authorization": f"Bearer {who.token}"},
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": ADDED}}))
        yield ws


async def ticked_again(finished: Counter[str], times: int = 2) -> bool:
    """Whether the worker finished every scan and the relay ``times`` more times."""
    start = Counter(finished)
    wanted = {SCAN: len(SCANS) * times, RELAY: times}

    async def done() -> bool:
        return all(finished[name] - start[name] >= n for name, n in wanted.items())

    return await eventually(done, 60)


async def listening(ws: ClientConnection, url: str, user_id: int, redis: str) -> bool:
    """Whether the subscription pushes a probe notification, delivered as the worker
    delivers one (a row, announced through Redis when there is one): it then has taken
    its starting point and listens. A probe written before that point is not pushed, so
    probe again until one is."""
    for _ in range(10):
        message = {"notification_id": await probe(url, user_id), "user_id": user_id}
        if redis:
            async with aioredis.Redis.from_url(redis) as client:
                channel = channel_prefix(url) + notifications_channel(user_id)
                await client.publish(channel, json.dumps(message))
        if await pushed(ws, PROBE, 3):
            return True
    return False


async def pushed(ws: ClientConnection, kind: str, seconds: float) -> bool:
    """Whether a notification of ``kind`` is pushed within ``seconds``."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = json.loads(await asyncio.wait_for(ws.recv(), left))
        except TimeoutError:
            return False
        assert message["type"] == "next", message
        if message["payload"]["data"]["notificationAdded"]["kind"] == kind:
            return True
    return False


async def emails(url: str, smtp: MailServer, kind: str) -> Counter[str]:
    """How many emails of ``kind`` each address received (found by Message-ID)."""
    sent = {int(m.group(1)): to for key, to in _recipients(smtp) if (m := OUTBOX_ID.search(key))}
    async with standalone_unit_of_work(url) as uow:
        kinds = dict(
            (
                await uow.session.execute(
                    select(OutboxMessage.id, OutboxMessage.kind).where(
                        OutboxMessage.id.in_(sorted(sent))
                    )
                )
            ).all()
        )
    return Counter(to for outbox_id, to in sent.items() if kinds.get(outbox_id) == kind)


def _recipients(smtp: MailServer) -> list[tuple[str, str]]:
    with smtp.lock:
        return [(str(m["Message-ID"]), str(m["To"])) for m in smtp.messages]


async def in_app(url: str, kind: str) -> Counter[int]:
    """How many in-app notifications of ``kind`` each user has."""
    async with standalone_unit_of_work(url) as uow:
        rows = await uow.session.scalars(
            select(Notification.user_id).where(Notification.kind == kind)
        )
        return Counter(rows)


async def same_day(api: Api, service_id: int) -> None:
    async with standalone_unit_of_work(api.state.settings.database_url) as uow:
        await uow.session.execute(
            update(Service).where(Service.id == service_id).values(response_days=0)
        )


async def test_a_same_day_referral_is_reminded_once_and_its_answer_told_once(
    broker: str, redis: str, db_url: str, tmp_path: Path
) -> None:
    var = tmp_path / "var"
    async with running_api(db_url, var) as api:
        # given a receiver with two staff members whose service must answer the same day
        world = await network(api)
        colleague = await person(api, Role.AGENCY_STAFF, actor_id=world.receiver)
        staff = {world.receiver_staff.email: world.receiver_staff, colleague.email: colleague}
        await same_day(api, world.receiver_service)
        with (
            api_process(server_environment(db_url, var, JISR_REDIS_URL=redis)) as base,
            mail_server() as smtp,
            worker_on(db_url, var, broker, smtp, redis_url=redis or None) as app,
        ):
            async with (
                subscribed(base, world.receiver_staff) as staff_live,
                subscribed(base, world.mediator) as mediator_live,
            ):
                for live, who in (
                    (staff_live, world.receiver_staff),
                    (mediator_live, world.mediator),
                ):
                    assert await listening(live, db_url, who.id, redis)

                # when the mediator sends a referral there, and beat ticks
                referral = await created(api, world.mediator, world)
                with finished_tasks() as finished:
                    async with ticking(app, SCANS):
                        reminded = await eventually(lambda: _reminded(db_url, smtp, set(staff)), 60)
                        reminder_pushed = await pushed(staff_live, REMINDER, 10)

                        # and a staff member accepts it
                        await done(api, "acceptReferral", world.receiver_staff, referral)
                        told = await eventually(
                            lambda: _told(db_url, smtp, world.mediator.email), 60
                        )
                        status_pushed = await pushed(mediator_live, STATUS, 10)
                        # more ticks: nothing more may come
                        assert await ticked_again(finished)

    # then each receiving staff member got one reminder email and one in-app reminder,
    # pushed live
    assert reminded and reminder_pushed
    assert await emails(db_url, smtp, REMINDER) == Counter({email: 1 for email in staff})
    reminders = await in_app(db_url, REMINDER)
    assert [reminders[person.id] for person in staff.values()] == [1, 1]
    # and the mediator exactly one status message, by email and in-app, pushed live
    assert told and status_pushed
    assert await emails(db_url, smtp, STATUS) == Counter({world.mediator.email: 1})
    assert (await in_app(db_url, STATUS))[world.mediator.id] == 1
    assert set(smtp.ids().values()) == {1}


async def _reminded(url: str, smtp: MailServer, addresses: set[str]) -> bool:
    return set(await emails(url, smtp, REMINDER)) >= addresses


async def _told(url: str, smtp: MailServer, address: str) -> bool:
    return address in await emails(url, smtp, STATUS)


def test_beat_runs_every_rule_every_scan_interval(tmp_path: Path) -> None:
    app = create_celery(settings_for("sqlite+aiosqlite://", tmp_path, scan_interval_seconds=7))
    schedule = app.conf.beat_schedule
    entries = [schedule[f"reminders-{rule}"] for rule in SCANS]
    assert [(e["task"], tuple(e["args"])) for e in entries] == [(SCAN, (rule,)) for rule in SCANS]
    for entry in entries:
        entry["schedule"].app = app
        assert entry["schedule"].run_every.total_seconds() == 7
