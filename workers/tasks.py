"""Thin task wrappers: each runs one domain operation in its own unit of work.

A task body calls ``workers.app.run`` (``asyncio.run``) on a NullPool engine, so no
connection outlives the event loop it was opened in, whatever the worker pool.
"""

from __future__ import annotations

from celery import shared_task

from network.database import standalone_unit_of_work
from network.reference import sync_reference_data as sync_reference_rows
from workers.app import JisrTask, run


async def _sync_reference_data(url: str) -> None:
    async with standalone_unit_of_work(url) as uow:
        await sync_reference_rows(uow.session)


@shared_task(name="jisr.sync_reference_data", bind=True, base=JisrTask)
def sync_reference_data(task: JisrTask) -> None:
    """Bring territories and taxonomy back to the data shipped with this release (idempotent)."""
    run(_sync_reference_data(task.settings.database_url))
