"""Metrics tasks: the recompute job requested through the API, and the nightly run."""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from celery.schedules import crontab

from network import clock
from network.database import create_engine, session_factory, unit_of_work
from network.metrics import service
from network.metrics.jobs import RECOMPUTE, run_recompute_job
from workers.app import JisrTask, run

logger = logging.getLogger("jisr.metrics")

JOB_TASKS = {RECOMPUTE: "jisr.metrics.run_recompute_job"}
SCHEDULE: dict[str, dict[str, Any]] = {
    "metrics-nightly": {
        "task": "jisr.metrics.compute_standard_periods",
        "schedule": crontab(hour=2, minute=30),
    },
}


async def _run_job(url: str, job_id: int) -> None:
    engine = create_engine(url, null_pool=True)
    try:
        await run_recompute_job(session_factory(engine), job_id)
    finally:
        await engine.dispose()


@shared_task(name="jisr.metrics.run_recompute_job", bind=True, base=JisrTask)
def run_recompute(task: JisrTask, job_id: int) -> None:
    """Run one recompute job; the job row records how it ended."""
    run(_run_job(task.settings.database_url, job_id))


async def _compute_standard_periods(url: str) -> int:
    """Every standard scope, each snapshot in its own transaction."""
    engine = create_engine(url, null_pool=True)
    sessions = session_factory(engine)
    try:
        async with sessions() as session:
            scopes = await service.standard_scopes(session, today=clock.today())
        for scope in scopes:
            async with unit_of_work(sessions) as uow:
                await service.recompute(uow.session, scope)
        return len(scopes)
    finally:
        await engine.dispose()


@shared_task(name="jisr.metrics.compute_standard_periods", bind=True, base=JisrTask)
def compute_standard_periods(task: JisrTask) -> None:
    """Nightly: this month, this year and the last 12 months of the country, every region
    and every province."""
    count = run(_compute_standard_periods(task.settings.database_url))
    logger.info("computed %d metric snapshots", count)
