"""Bring a database to the newest schema and load the reference data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


def upgrade_schema(url: str) -> None:
    """Run Alembic up to every head (blocking; it starts its own event loop).

    Domains add their tables in migrations of their own branch; ``heads`` applies all.
    """
    command.upgrade(alembic_config(url), "heads")


async def upgrade(url: str) -> None:
    """Migrate in a worker thread, then sync territories and taxonomy."""
    from network.database import create_engine, session_factory, unit_of_work
    from network.reference import sync_reference_data

    await asyncio.to_thread(upgrade_schema, url)
    engine = create_engine(url, null_pool=True)
    try:
        async with unit_of_work(session_factory(engine)) as uow:
            await sync_reference_data(uow.session)
    finally:
        await engine.dispose()
