from __future__ import annotations

import asyncio

import click

from cli.settings import settings_or_exit
from network.migrate import upgrade as upgrade_database
from network.settings import Settings


def migrate(settings: Settings) -> None:
    """Bring the database to the newest schema and sync the reference data."""
    asyncio.run(upgrade_database(settings.migration_database_url or settings.database_url))


@click.group()
def db() -> None:
    """The database."""


@db.command()
def upgrade() -> None:
    """Migrate to the newest schema and load territories and taxonomy."""
    migrate(settings_or_exit())
    click.echo("database is up to date")
