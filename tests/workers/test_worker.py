"""A real worker on a real broker executes the tasks sent to it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.database import standalone_unit_of_work
from network.taxonomy.models import TaxonomyTerm
from tests.api import test_settings as settings_for
from tests.services import broker_url, running_worker
from workers.app import create_celery

TERM = "health.medical-care"
SHIPPED_NAME = "Soins médicaux"


async def medical_care(session: AsyncSession) -> TaxonomyTerm:
    term = await session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == TERM))
    assert term is not None
    return term


async def french_name(url: str) -> str:
    async with standalone_unit_of_work(url) as uow:
        return (await medical_care(uow.session)).names["fr"]


async def rename(url: str, name: str) -> None:
    async with standalone_unit_of_work(url) as uow:
        term = await medical_care(uow.session)
        term.names = {**term.names, "fr": name}


async def test_a_worker_runs_a_sent_task_against_the_database(
    broker: str, db_url: str, tmp_path: Path
) -> None:
    # given a category renamed by hand, and a worker on the broker
    await rename(db_url, "renamed by hand")
    settings = settings_for(db_url, tmp_path / "var", broker_url=broker_url(broker))
    app = create_celery(settings)

    with running_worker(app):
        # when the reference data sync is sent through the broker
        app.send_task("jisr.sync_reference_data")

        # then the worker restores the shipped name
        for _ in range(100):
            if await french_name(db_url) == SHIPPED_NAME:
                break
            await asyncio.sleep(0.2)
    assert await french_name(db_url) == SHIPPED_NAME
