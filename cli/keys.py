"""Encryption keys of identity fields."""

from __future__ import annotations

import asyncio

import click

from cli.settings import settings_or_exit
from network.crypto import DataCipher
from network.database import standalone_unit_of_work
from network.key_rotation import rotate_keys


@click.group()
def keys() -> None:
    """Encryption keys of identity fields (JISR_DATA_KEY)."""


@keys.command()
def rotate() -> None:
    """Re-encrypt every identity field with the first key of JISR_DATA_KEY and recompute
    the name-lookup hashes; the other keys can be removed afterwards."""
    settings = settings_or_exit()

    async def run() -> dict[str, int]:
        async with standalone_unit_of_work(settings.database_url) as uow:
            return await rotate_keys(uow.session, DataCipher(settings.data_key))

    for table, count in asyncio.run(run()).items():
        click.echo(f"{table:<16} {count} rows re-encrypted")
