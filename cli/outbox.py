"""``jisr outbox``: what the outbox holds, and sending dead messages again."""

from __future__ import annotations

import asyncio

import click
from rich.console import Console
from rich.table import Table

from cli.settings import settings_or_exit
from network import clock
from network.database import standalone_unit_of_work
from network.notifications import repository


@click.group()
def outbox() -> None:
    """The messages to people: reminders, notifications, emails, SMS, webhooks."""


@outbox.command()
def status() -> None:
    """Messages pending, sending, sent and dead, by channel."""
    settings = settings_or_exit()

    async def read() -> list[tuple[str, str, int]]:
        async with standalone_unit_of_work(settings.database_url) as uow:
            return await repository.counts(uow.session)

    counts = asyncio.run(read())
    table = Table("channel", *repository.STATES)
    for channel in sorted({row[0] for row in counts}):
        by_state = {state: n for c, state, n in counts if c == channel}
        table.add_row(channel, *(str(by_state.get(state, 0)) for state in repository.STATES))
    Console(width=100).print(table)


@outbox.command("retry-dead")
def retry_dead() -> None:
    """Make every dead message pending again, with its attempts reset."""
    settings = settings_or_exit()

    async def revive() -> int:
        async with standalone_unit_of_work(settings.database_url) as uow:
            return await repository.retry_dead(uow.session, now=clock.now())

    click.echo(f"{asyncio.run(revive())} dead messages pending again")
