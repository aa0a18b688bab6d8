"""Referral events a worker causes (an expiry) reach the API's subscribers through Redis,
once their transaction committed, like the events the API causes itself."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import orjson
import redis.asyncio as aioredis
from sqlalchemy import select, update

from network import clock
from network.database import standalone_unit_of_work
from network.enums import ReferralEventKind
from network.ids import pk_of
from network.pubsub_keys import REFERRAL_EVENTS_CHANNEL, channel_prefix
from network.records.referrals import Referral, ReferralEvent
from network.reminders.rules import EXPIRY
from tests.api import Api
from tests.api import test_settings as settings_for
from tests.schema.referrals.fixtures import created, network
from tests.services import redis_url, running_worker
from workers.app import create_celery
from workers.reminder_tasks import SCAN


async def test_an_expiry_by_a_worker_is_published_to_subscribers(
    api: Api, db_url: str, tmp_path: Path
) -> None:
    # given a referral sent long ago and never answered, and a listener on the channel
    world = await network(api)
    referral = pk_of((await created(api, world.mediator, world))["id"], "Referral")
    long_ago = clock.now() - timedelta(days=60)
    async with standalone_unit_of_work(db_url) as uow:
        await uow.session.execute(
            update(Referral)
            .where(Referral.id == referral)
            .values(sent_at=long_ago, respond_by=long_ago + timedelta(days=5))
        )
    url = redis_url()
    client = aioredis.Redis.from_url(url)
    listener = client.pubsub()
    await listener.subscribe(channel_prefix(db_url) + REFERRAL_EVENTS_CHANNEL)
    await listener.get_message(timeout=5)  # the subscription's confirmation

    # when a real worker runs the expiry rule
    app = create_celery(settings_for(db_url, tmp_path / "var", redis_url=url))
    with running_worker(app):
        app.send_task(SCAN, args=(EXPIRY,))
        heard = None
        for _ in range(60):
            heard = await listener.get_message(ignore_subscribe_messages=True, timeout=0.5)
            if heard is not None:
                break
            await asyncio.sleep(0.1)
    await listener.aclose()  # type: ignore[no-untyped-call]  # redis's PubSub.aclose is unannotated
    await client.aclose()

    # then the EXPIRED event was published, naming ids only
    async with standalone_unit_of_work(db_url) as uow:
        expired = await uow.session.scalar(
            select(ReferralEvent.id).where(
                ReferralEvent.referral_id == referral,
                ReferralEvent.kind == ReferralEventKind.EXPIRED,
            )
        )
    assert expired is not None and heard is not None
    message = orjson.loads(heard["data"])
    assert message == {
        "event_id": expired,
        "referral_id": referral,
        "actor_ids": [world.institution, world.receiver],
    }
