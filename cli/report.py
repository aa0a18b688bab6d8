"""``jisr report activity``: the activity report as CSV, for the social complexes' reports."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import TextIO

import click

from cli.settings import settings_or_exit
from network.database import standalone_unit_of_work
from network.errors import DomainError
from network.metrics.activity import write_activity_csv
from network.metrics.scope import Period


@click.group()
def report() -> None:
    """Reports from the network's data."""


@report.command()
@click.option(
    "--territory", metavar="CODE", help="e.g. MA-03 or MA-FES; the whole country without it."
)
@click.option("--from", "start", required=True, type=click.DateTime(["%Y-%m-%d"]))
@click.option("--to", "end", required=True, type=click.DateTime(["%Y-%m-%d"]))
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-", show_default=True)
def activity(territory: str | None, start: datetime, end: datetime, output: TextIO) -> None:
    """Services delivered (referrals completed) per actor and unit, category and axis."""
    settings = settings_or_exit()

    async def write() -> int:
        async with standalone_unit_of_work(settings.database_url) as uow:
            return await write_activity_csv(
                uow.session,
                territory_code=territory,
                period=Period(start.date(), end.date()),
                out=output,
            )

    try:
        rows = asyncio.run(write())
    except DomainError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"{rows} rows", err=True)
