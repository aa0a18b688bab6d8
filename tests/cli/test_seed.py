from pathlib import Path

from sqlalchemy import func, select

from network.actors.models import Actor
from network.database import standalone_unit_of_work
from network.seed.demo_actors import ACTORS
from network.services.models import Service
from tests.cli.invoke import PRODUCTION, Jisr

ACTOR_COUNT = "query { actors(first: 0) { totalCount } }"


async def test_seed_demo_fills_an_empty_database_and_prints_the_logins(
    jisr_upgraded: Jisr, tmp_path: Path
) -> None:
    # when
    result = await jisr_upgraded("seed", "demo")

    # then
    assert result.exit_code == 0, result.output
    assert "admin@jisr.example.ma" in result.stdout
    async with jisr_upgraded.api(tmp_path / "api") as api:
        assert (await api.data(ACTOR_COUNT))["actors"]["totalCount"] == sum(
            a.active for a in ACTORS
        )


async def test_seed_demo_refuses_a_database_that_holds_actors(jisr: Jisr) -> None:
    # when
    result = await jisr("seed", "demo")

    # then
    assert result.exit_code == 1
    assert "holds actors already" in result.stderr


async def test_seed_demo_is_refused_in_production(jisr_empty: Jisr) -> None:
    # when
    result = await jisr_empty("seed", "demo", **PRODUCTION)

    # then
    assert result.exit_code == 1
    assert "JISR_ENV=production" in result.stderr


async def test_seed_scale_adds_the_sizes_asked_for(jisr_upgraded: Jisr, empty_db_url: str) -> None:
    # when
    result = await jisr_upgraded(
        "seed", "scale", "--actors", "40", "--services", "90", "--seed", "3"
    )

    # then
    assert result.exit_code == 0, result.output
    async with standalone_unit_of_work(empty_db_url) as uow:
        actors = await uow.session.scalar(select(func.count()).select_from(Actor))
        services = await uow.session.scalar(select(func.count()).select_from(Service))
    assert (actors, services) == (40, 90)


async def test_seed_scale_is_refused_in_production(jisr_empty: Jisr) -> None:
    # when
    result = await jisr_empty("seed", "scale", "--actors", "1", **PRODUCTION)

    # then
    assert result.exit_code == 1
    assert "JISR_ENV=production" in result.stderr
