"""Outbox tasks: the relay on beat, and delivery of the messages it hands over.

Both are thin: they take ids and run ``network.notifications`` code on a NullPool
engine. A delivery task for a message already sent, dead or held by another worker
does nothing, so a task delivered twice by the broker is harmless.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from celery import shared_task
from celery.schedules import schedule

from network.database import create_engine, session_factory, unit_of_work
from network.notifications import delivery
from network.notifications import relay as outbox_relay
from network.settings import Settings, get_settings
from workers.app import JisrTask, run

RELAY = "jisr.notifications.relay"
DELIVER = "jisr.notifications.deliver"
DELIVER_BATCH = "jisr.notifications.deliver_batch"


class EveryScanInterval(schedule):
    """Every ``JISR_SCAN_INTERVAL_SECONDS`` of the app's settings, read when beat runs."""

    def __init__(self, *_: Any, **kwargs: Any) -> None:
        super().__init__(None, app=kwargs.get("app"))

    @property
    def run_every(self) -> timedelta:
        settings = getattr(self.app, "settings", None) or get_settings()
        return timedelta(seconds=settings.scan_interval_seconds)

    @run_every.setter
    def run_every(self, _: Any) -> None:
        """The interval is the setting's: nothing to store."""


SCHEDULE = {"outbox-relay": {"task": RELAY, "schedule": EveryScanInterval()}}


async def _relay(settings: Settings) -> list[list[int]]:
    engine = create_engine(settings.database_url, null_pool=True)
    try:
        async with unit_of_work(session_factory(engine)) as uow:
            relayed = await outbox_relay.relay_due(uow.session, settings)
        return relayed.batches
    finally:
        await engine.dispose()


@shared_task(name=RELAY, bind=True, base=JisrTask)
def relay(task: JisrTask) -> int:
    """Hand due messages to ``deliver`` (after the hand-over committed); returns how many."""
    batches = run(_relay(task.settings))
    for ids in batches:
        if len(ids) == 1:
            task.app.send_task(DELIVER, args=[ids[0]])
        else:
            task.app.send_task(DELIVER_BATCH, args=[ids])
    return sum(len(ids) for ids in batches)


async def _deliver(settings: Settings, ids: list[int]) -> None:
    engine = create_engine(settings.database_url, null_pool=True)
    try:
        await delivery.deliver(session_factory(engine), settings, ids)
    finally:
        await engine.dispose()


@shared_task(name=DELIVER, bind=True, base=JisrTask)
def deliver(task: JisrTask, outbox_id: int) -> None:
    """Deliver one message, if it is still due and unclaimed."""
    run(_deliver(task.settings, [outbox_id]))


@shared_task(name=DELIVER_BATCH, bind=True, base=JisrTask)
def deliver_batch(task: JisrTask, outbox_ids: list[int]) -> None:
    """Deliver several messages (in-app ones in one transaction)."""
    run(_deliver(task.settings, outbox_ids))
