"""Mixed load on PostgreSQL: ``python -m bench.load``.

A fresh demo database (``--database-url``, dropped and created again), one API server
(bench.actor_map.server), ``--clients`` concurrent clients for ``--duration`` seconds:
most requests read the directory anonymously, one in ``--write-every`` creates a
referral (a DRAFT from a demo mediator to a service, with an idempotency key). Passes
when no request failed and every referral the API acknowledged is in the database.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from bench.actor_map import ACTOR_MAP_QUERY, create_database, server
from network.crypto import DataCipher
from network.database import create_engine, session_factory, unit_of_work
from network.ids import pk_of, to_global_id
from network.migrate import upgrade
from network.records.referrals import Referral
from network.seed.demo import seed_demo
from network.seed.users import DEMO_PASSWORD
from network.settings import Settings

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1/jisr_load"
MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
READS = [
    ACTOR_MAP_QUERY,
    "{ services(filter: {axes: [EMPLOYMENT]}, first: 30) { totalCount nodes { id name } } }",
    "{ territories(level: REGION) { code name children { code } } }",
    '{ actors(filter: {search: "fes"}, orderBy: NAME) { edges { cursor node { name } } } }',
]
LOGIN = "mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}"
YOUTHS = "{ youths(first: 20) { nodes { id } } }"
CREATE = """
mutation($input: CreateReferralInput!) { createReferral(input: $input) {
  referral { id status } userErrors { code message } } }
"""


async def fresh_demo(url: str, var: Path) -> None:
    parsed = make_url(url)
    admin = create_engine(
        parsed.set(database="postgres").render_as_string(hide_password=False), null_pool=True
    )
    async with admin.connect() as connection:
        autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
        await autocommit.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}"'))
    await admin.dispose()
    await create_database(url)
    await upgrade(url)
    engine = create_engine(url, null_pool=True)
    async with unit_of_work(session_factory(engine)) as uow:
        await seed_demo(uow.session, DataCipher(Settings(database_url=url, var_dir=var).data_key))
    await engine.dispose()


async def gql(client: httpx.AsyncClient, query: str, variables: Any = None, token: str = "") -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    answer = response.json() if response.status_code == 200 else None
    if answer is None or answer.get("errors"):
        raise RuntimeError(f"{response.status_code}: {response.text[:300]}")
    return answer["data"]


async def drive(
    base: str, *, clients: int, seconds: float, write_every: int
) -> tuple[Counter[str], list[int]]:
    counts: Counter[str] = Counter()
    acknowledged: list[int] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        token = (await gql(client, LOGIN, {"e": MEDIATOR, "p": DEMO_PASSWORD}))["login"]["token"]
        youths = [n["id"] for n in (await gql(client, YOUTHS, token=token))["youths"]["nodes"]]
        services = [to_global_id("Service", pk) for pk in range(1, 200)]
        deadline = time.perf_counter() + seconds

        async def one_client(seed: int) -> None:
            chance = random.Random(seed)
            while time.perf_counter() < deadline:
                try:
                    if chance.randrange(write_every) == 0:
                        made = await gql(
                            client,
                            CREATE,
                            {
                                "input": {
                                    "youthId": chance.choice(youths),
                                    "serviceId": chance.choice(services),
                                    "reason": "load test",
                                    "send": False,
                                    "idempotencyKey": uuid.uuid4().hex,
                                }
                            },
                            token,
                        )
                        payload = made["createReferral"]
                        if payload["referral"] is not None:
                            acknowledged.append(pk_of(payload["referral"]["id"], "Referral"))
                            counts["write acknowledged"] += 1
                        else:
                            counts["write refused: " + payload["userErrors"][0]["code"]] += 1
                    else:
                        await gql(client, chance.choice(READS))
                        counts["read"] += 1
                except (RuntimeError, httpx.HTTPError) as error:
                    counts["failed"] += 1
                    if counts["failed"] <= 3:
                        print("failure:", error)

        await asyncio.gather(*(one_client(n) for n in range(clients)))
    return counts, acknowledged


async def present(url: str, ids: list[int]) -> int:
    engine = create_engine(url, null_pool=True)
    async with session_factory(engine)() as session:
        found = await session.scalar(
            select(func.count()).select_from(Referral).where(Referral.id.in_(ids))
        )
    await engine.dispose()
    return int(found or 0)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--write-every", type=int, default=5, help="one write in N requests")
    args = parser.parse_args()
    url = args.database_url
    os.environ.update({"JISR_RATE_LIMIT_CAPACITY": "1e12", "JISR_RATE_LIMIT_PER_SECOND": "1e12"})
    with tempfile.TemporaryDirectory(prefix="jisr-load-") as var:
        asyncio.run(fresh_demo(url, Path(var)))
        with server(url, Path(var)) as api:
            started = time.perf_counter()
            counts, acknowledged = asyncio.run(
                drive(
                    api.base,
                    clients=args.clients,
                    seconds=args.duration,
                    write_every=args.write_every,
                )
            )
            elapsed = time.perf_counter() - started
    found = asyncio.run(present(url, acknowledged))
    total = sum(counts.values())
    rate = total / elapsed
    print(f"load         {args.clients} clients, {elapsed:.0f} s: {total} requests ({rate:.0f}/s)")
    print("outcomes     " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"durability   {found} of {len(acknowledged)} acknowledged referrals in the database")
    ok = counts["failed"] == 0 and found == len(acknowledged) > 0
    print("verdict      " + ("PASS" if ok else "FAIL"))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
