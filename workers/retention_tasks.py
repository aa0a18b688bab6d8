"""The retention scan: erase identities of cases closed longer than the retention period.

Beat runs it daily.
"""

from __future__ import annotations

from celery import shared_task

from network import clock
from network.database import standalone_unit_of_work
from network.logging import get_logger
from network.retention import erase_expired_identities as erase
from workers.app import JisrTask, run

log = get_logger("jisr.retention")
SCHEDULE = {
    "erase-expired-identities": {"task": "jisr.erase_expired_identities", "schedule": 86_400},
}


async def _erase(url: str, years: int) -> int:
    async with standalone_unit_of_work(url) as uow:
        return len(await erase(uow.session, clock.now(), years=years))


@shared_task(name="jisr.erase_expired_identities", bind=True, base=JisrTask)
def erase_expired_identities(task: JisrTask) -> None:
    """Daily; idempotent (an erased identity is skipped)."""
    settings = task.settings
    count = run(_erase(settings.database_url, settings.retention_years))
    log.info("identities erased", count=count)
