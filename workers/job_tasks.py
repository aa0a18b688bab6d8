"""The jobs relay on beat: jobs whose hand-over after commit failed, or was lost with the
broker, are handed to their task again (``network.jobs.service.waiting``)."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from celery.schedules import schedule

from network.database import standalone_unit_of_work
from network.jobs.service import waiting
from workers.app import JisrTask, enqueue_through, run

RELAY = "jisr.jobs.relay"
SCHEDULE = {"jobs-relay": {"task": RELAY, "schedule": schedule(timedelta(minutes=1))}}


async def _waiting(url: str) -> list[tuple[str, int]]:
    async with standalone_unit_of_work(url) as uow:
        return await waiting(uow.session)


@shared_task(name=RELAY, bind=True, base=JisrTask)
def relay_jobs(task: JisrTask) -> int:
    """Hand waiting jobs over again; returns how many."""
    jobs = run(_waiting(task.settings.database_url))
    enqueue = enqueue_through(task.app)
    for kind, job_id in jobs:
        enqueue(kind, job_id)
    return len(jobs)
