"""Benchmark of the coordination metrics: ``python -m bench.metrics``.

On PostgreSQL: loads the scale network (actors and services) and at least 500,000
referrals and 100,000 young people when absent, recomputes the snapshots of every
region and province for the last twelve months (target ≤ 60 s), then times
``coordinationMetrics`` served from those snapshots through the API (target p50 ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select

from bench.actor_map import prepare
from network import clock
from network.database import create_engine, session_factory, unit_of_work
from network.enums import Role, TerritoryLevel
from network.ids import to_global_id
from network.metrics import service
from network.metrics.scope import Scope, last_twelve_months
from network.records.referrals import Referral
from network.records.youths import Youth
from network.seed.scale_referrals import seed_scale_referrals
from network.settings import Settings
from network.territories.models import Territory
from network.users.models import User
from network.users.service import create_user
from schema.app import create_app

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1/jisr_bench_metrics"
EMAIL, PASSWORD = "bench.metrics@jisr.test", "bench metrics password"
QUERY = """
query Metrics($territory: ID) {
  coordinationMetrics(territoryId: $territory) {
    computedAt referralsSent acceptanceRate medianResponseHours p90ResponseHours
    byAxis { axis referralsSent } byActor(first: 10) { actor { name } referralsReceived }
    autonomy { cohortSize rate12Months } network { actors activeLinks density }
  }
}
"""


async def load(url: str, *, youths: int, referrals: int) -> None:
    engine = create_engine(url, null_pool=True)
    try:
        async with unit_of_work(session_factory(engine)) as uow:
            present = await uow.session.scalar(select(func.count()).select_from(Referral)) or 0
            if present < referrals:
                started = time.perf_counter()
                await seed_scale_referrals(
                    uow.session, youths=youths, referrals=referrals, until=clock.today()
                )
                seconds = time.perf_counter() - started
                print(f"{youths} young people, {referrals} referrals loaded in {seconds:.1f} s")
            if await uow.session.scalar(select(User.id).where(User.email == EMAIL)) is None:
                await create_user(
                    uow.session,
                    email=EMAIL,
                    password=PASSWORD,
                    display_name="Bench",
                    roles=[Role.ADMIN],
                )
        async with session_factory(engine)() as session:
            held = [
                await session.scalar(select(func.count()).select_from(model))
                for model in (Referral, Youth)
            ]
        print(f"database holds {held[0]} referrals, {held[1]} young people")
    finally:
        await engine.dispose()


async def recompute_all(url: str) -> list[int]:
    """Every region and province for the last 12 months, one transaction each."""
    engine = create_engine(url, null_pool=True)
    sessions = session_factory(engine)
    period = last_twelve_months(clock.today())
    levels = [TerritoryLevel.REGION, TerritoryLevel.PROVINCE]
    try:
        async with sessions() as session:
            result = await session.execute(
                select(Territory.id, Territory.path).where(Territory.level.in_(levels))
            )
            places = [(row.id, row.path) for row in result]
        started = time.perf_counter()
        for territory_id, path in places:
            async with unit_of_work(sessions) as uow:
                scope = Scope(period=period, territory_id=territory_id, territory_path=path)
                await service.recompute(uow.session, scope)
        seconds = time.perf_counter() - started
        print(
            f"recompute: {len(places)} regions and provinces × 1 year in {seconds:.1f} s "
            f"({seconds / len(places) * 1000:.0f} ms each; target ≤ 60 s)"
        )
        return [territory_id for territory_id, _ in places]
    finally:
        await engine.dispose()


async def query_latency(url: str, territory_ids: list[int], requests: int) -> None:
    latencies = []
    with tempfile.TemporaryDirectory() as var_dir:
        app = create_app(Settings(database_url=url, var_dir=Path(var_dir)))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            login = await client.post(
                "/graphql",
                json={
                    "query": "mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}",
                    "variables": {"e": EMAIL, "p": PASSWORD},
                },
            )
            headers = {"authorization": f"Bearer {login.json()['data']['login']['token']}"}
            for index in range(requests):
                territory = to_global_id("Territory", territory_ids[index % len(territory_ids)])
                started = time.perf_counter()
                answer = await client.post(
                    "/graphql",
                    json={"query": QUERY, "variables": {"territory": territory}},
                    headers=headers,
                )
                latencies.append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 200 and "errors" not in answer.json(), answer.text
        await app.state.jisr.engine.dispose()
    ordered = sorted(latencies)
    p95 = ordered[max(0, int(0.95 * len(ordered)) - 1)]
    print(
        f"coordinationMetrics from snapshots: {requests} requests, p50 "
        f"{statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms (target p50 ≤ 50 ms)"
    )


async def main(url: str, *, youths: int, referrals: int, requests: int) -> None:
    await prepare(url, actors=5_000, services=15_000, seed=True)
    await load(url, youths=youths, referrals=referrals)
    territory_ids = await recompute_all(url)
    await query_latency(url, territory_ids, requests)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--youths", type=int, default=100_000)
    parser.add_argument("--referrals", type=int, default=500_000)
    parser.add_argument("--requests", type=int, default=300)
    arguments = parser.parse_args()
    asyncio.run(
        main(
            arguments.url,
            youths=arguments.youths,
            referrals=arguments.referrals,
            requests=arguments.requests,
        )
    )
