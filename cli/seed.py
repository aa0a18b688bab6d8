from __future__ import annotations

import asyncio

import click
from sqlalchemy import select

from cli.settings import settings_or_exit
from network.actors.models import Actor
from network.crypto import DataCipher
from network.database import standalone_unit_of_work
from network.seed.demo import DemoSummary, seed_demo
from network.seed.scale import seed_scale
from network.settings import Settings


class DatabaseNotEmpty(click.ClickException):
    pass


async def _seed_demo_into_empty(url: str, data_key: str) -> DemoSummary:
    async with standalone_unit_of_work(url) as uow:
        if await uow.session.scalar(select(Actor.id).limit(1)) is not None:
            raise DatabaseNotEmpty(
                "the database holds actors already: the demo network goes only into an empty one"
            )
        return await seed_demo(uow.session, DataCipher(data_key))


def refuse_production(settings: Settings) -> None:
    if settings.env == "production":
        raise click.ClickException(
            "generated data is fictional: never seeded when JISR_ENV=production"
        )


def seed_demo_network(settings: Settings) -> DemoSummary:
    """Seed the demo network into an empty database; refused in production."""
    refuse_production(settings)
    return asyncio.run(_seed_demo_into_empty(settings.database_url, settings.data_key))


def demo_logins(summary: DemoSummary) -> str:
    lines = [
        f"demo network: {summary.actors} actors, {summary.services} services, "
        f"{summary.youths} young people, {summary.referrals} referrals; logins:"
    ]
    for login in summary.logins:
        roles = ",".join(login.roles)
        where = login.actor or login.territory or ""
        lines.append(f"  {login.email:<44} {login.password}  {roles:<13} {where}".rstrip())
    return "\n".join(lines)


@click.group()
def seed() -> None:
    """Fill the database with generated data."""


@seed.command()
def demo() -> None:
    """Seed the fictional demo network (never in production)."""
    summary = seed_demo_network(settings_or_exit())
    click.echo(demo_logins(summary))


@seed.command()
@click.option("--actors", default=10_000, show_default=True, type=click.IntRange(min=1))
@click.option("--services", default=50_000, show_default=True, type=click.IntRange(min=0))
@click.option("--seed", "seed_value", default=42, show_default=True, help="Same seed, same rows.")
def scale(actors: int, services: int, seed_value: int) -> None:
    """Add a deterministic national-size network, for load tests (never in production)."""
    settings = settings_or_exit()
    refuse_production(settings)

    async def seed_in_database() -> None:
        async with standalone_unit_of_work(settings.database_url) as uow:
            await seed_scale(uow.session, actors=actors, services=services, seed=seed_value)

    asyncio.run(seed_in_database())
    click.echo(f"added {actors} actors and {services} services")
