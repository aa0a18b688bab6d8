"""Reminder scans on beat: one task run per rule every ``JISR_SCAN_INTERVAL_SECONDS``.

The task is thin: it runs one rule of ``network.reminders.rules`` in its own unit of
work on a NullPool engine. Rules are idempotent (outbox dedupe keys), so a scan run
twice, or by two workers at once, queues nothing more. Importing this module also
loads the worker's ``notificationAdded`` publisher.
"""

from __future__ import annotations

from celery import shared_task

from network import clock
from network.database import standalone_unit_of_work
from network.logging import get_logger
from network.reminders.rules import SCANS
from network.settings import Settings
from workers import notification_publisher as notification_publisher
from workers.app import JisrTask, run
from workers.notification_tasks import EveryScanInterval

log = get_logger("jisr.reminders")
SCAN = "jisr.reminders.scan"
SCHEDULE = {
    f"reminders-{rule}": {"task": SCAN, "args": (rule,), "schedule": EveryScanInterval()}
    for rule in SCANS
}


async def _scan(settings: Settings, rule: str) -> int:
    async with standalone_unit_of_work(settings.database_url) as uow:
        return await SCANS[rule](uow.session, clock.now(), settings)


@shared_task(name=SCAN, bind=True, base=JisrTask)
def scan(task: JisrTask, rule: str) -> None:
    """Run one reminder rule (a name of ``SCANS``) now."""
    count = run(_scan(task.settings, rule))
    if count:
        log.info("reminder rule ran", rule=rule, count=count)
