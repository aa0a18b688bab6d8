"""Benchmark of communes: ``python -m bench.communes [--url URL]``.

Migrates a fresh database (SQLite under a temporary folder unless ``--url`` names one),
loads the 10,000 scale actors, moves them back to their provinces, and times placing
them in their communes (``place_actors``, the step ``jisr db upgrade`` runs). Then times
``territoryAt``: the commune lookup alone over random points of Morocco, and the GraphQL
query through the ASGI application. Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import select, update

from network.actors.models import Actor
from network.actors.placement import place_actors
from network.database import create_engine, session_factory, unit_of_work
from network.migrate import upgrade
from network.seed.scale import seed_scale
from network.settings import Settings
from network.territories import geometry
from network.territories.models import Territory
from schema.app import create_app

QUERY = "query($a: Float!, $o: Float!) { territoryAt(latitude: $a, longitude: $o) { code } }"


def _points(count: int) -> list[tuple[float, float]]:
    rng = random.Random(7)
    return [(rng.uniform(27.5, 35.9), rng.uniform(-13.2, -1.0)) for _ in range(count)]


async def placement(url: str) -> None:
    await upgrade(url)
    engine = create_engine(url, null_pool=True)
    try:
        async with unit_of_work(session_factory(engine)) as uow:
            await seed_scale(uow.session, actors=10_000, services=0, progress=False)
        async with unit_of_work(session_factory(engine)) as uow:
            province = select(Territory.parent_id).where(Territory.id == Actor.territory_id)
            await uow.session.execute(update(Actor).values(territory_id=province.scalar_subquery()))
        async with unit_of_work(session_factory(engine)) as uow:
            started = time.perf_counter()
            moved, contradicting = await place_actors(uow.session)
            seconds = time.perf_counter() - started
        print(
            f"placing {moved} scale actors in their communes ({contradicting} contradicting): "
            f"{seconds:.2f} s, {moved / seconds:,.0f} actors/s"
        )
    finally:
        await engine.dispose()


def lookups(count: int) -> None:
    started = time.perf_counter()
    geometry.shapes()
    print(
        f"shapes and STRtree ready: {time.perf_counter() - started:.2f} s"
        " (loaded once per process, here already by the seed)"
    )
    points = _points(count)
    started = time.perf_counter()
    found = sum(1 for p in points if geometry.commune_at(*p))
    seconds = time.perf_counter() - started
    print(f"commune_at: {count / seconds:,.0f} lookups/s ({found} of {count} points in a commune)")


async def through_api(url: str, var: Path, count: int) -> None:
    settings = Settings(database_url=url, var_dir=var)
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    points = _points(count)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://bench") as client,
    ):
        await client.post("/graphql", json={"query": QUERY, "variables": {"a": 34.06, "o": -4.97}})
        started = time.perf_counter()
        for latitude, longitude in points:
            response = await client.post(
                "/graphql", json={"query": QUERY, "variables": {"a": latitude, "o": longitude}}
            )
            assert response.status_code == 200 and "errors" not in response.json(), response.text
        seconds = time.perf_counter() - started
    print(
        f"territoryAt through the API (one client, in process): {count / seconds:,.0f} requests/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a database URL (default: SQLite in a temporary folder)")
    parser.add_argument("--lookups", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = arguments.url or f"sqlite+aiosqlite:///{folder}/bench.db"
        asyncio.run(placement(url))
        lookups(arguments.lookups)
        asyncio.run(through_api(url, Path(folder), arguments.requests))


if __name__ == "__main__":
    main()
