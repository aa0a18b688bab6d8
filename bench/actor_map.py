"""Benchmark of the public actor map: ``python -m bench.actor_map``.

Prepares the database (migrate; load the scale data when it holds no actor), starts
one API server process, drives ``ACTOR_MAP_QUERY`` at a fixed concurrency for a fixed
time and prints throughput, latency percentiles and SQL statements per request.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import make_url

from bench import http_load
from bench.http_load import Run, graphql_request
from bench.serving import answering
from network.actors.models import Actor
from network.database import create_engine, session_factory, unit_of_work
from network.migrate import upgrade
from network.seed.scale import seed_scale
from network.settings import Settings
from schema.app import create_app
from tests.network.notifications.servers import free_port

ACTOR_MAP_QUERY = """
query ActorMap {
  actors(first: 50) {
    totalCount
    edges {
      cursor
      node {
        id name(lang: FR) kind acronym
        territory { code name }
        services(first: 10) {
          totalCount
          nodes { id name axis responseDays category { code name } }
        }
      }
    }
  }
}
"""
TARGET_RPS = 120.0
DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1/jisr_bench"


async def create_database(url: str) -> None:
    """Create the PostgreSQL database of ``url`` when it does not exist yet."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return
    maintenance = create_engine(
        parsed.set(database="postgres").render_as_string(hide_password=False), null_pool=True
    )
    try:
        async with maintenance.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            exists = await autocommit.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"),
                {"name": parsed.database},
            )
            if not exists:
                await autocommit.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        await maintenance.dispose()


async def migrated(url: str) -> int:
    """Create the database when missing and migrate it; how many actors it holds."""
    await create_database(url)
    await upgrade(url)
    engine = create_engine(url, null_pool=True)
    try:
        async with unit_of_work(session_factory(engine)) as uow:
            return await uow.session.scalar(select(func.count()).select_from(Actor)) or 0
    finally:
        await engine.dispose()


async def prepare(url: str, *, actors: int, services: int, seed: bool) -> int:
    """Migrate, load the scale data into an actor-less database; the number of actors."""
    present = await migrated(url)
    engine = create_engine(url, null_pool=True)
    try:
        if present == 0 and seed:
            async with unit_of_work(session_factory(engine)) as uow:
                started = time.perf_counter()
                await seed_scale(uow.session, actors=actors, services=services)
            print(f"scale data loaded in {time.perf_counter() - started:.1f} s")
            present = actors
    finally:
        await engine.dispose()
    await vacuum_analyze(url)
    return present


async def vacuum_analyze(url: str) -> None:
    """On PostgreSQL, ``VACUUM ANALYZE`` the database: fresh bulk loads have no visibility
    map yet (counts would scan the heap), and the rows that triggers rewrote while loading
    (``actor_search``, once per service) are dead until vacuumed; autovacuum may be off."""
    engine = create_engine(url, null_pool=True)
    try:
        if engine.dialect.name == "postgresql":
            async with engine.connect() as connection:
                autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
                await autocommit.execute(text("VACUUM ANALYZE"))
    finally:
        await engine.dispose()


@dataclass(frozen=True)
class Server:
    base: str
    pid: int

    def cpu_seconds(self) -> float | None:
        """CPU time the server process used so far (Linux ``/proc``; None elsewhere)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# What is measured is the read path itself: no response cache, no rate limit in the way,
# no access log line per request (the peer keeps none either). The environment may
# override these (bench.compare measures the cache too).
SERVER_DEFAULTS = {
    "JISR_ACCESS_LOG": "false",
    "JISR_RESPONSE_CACHE": "false",
    "JISR_RATE_LIMIT_CAPACITY": "1e12",
    "JISR_RATE_LIMIT_PER_SECOND": "1e12",
}


@contextmanager
def server(url: str, var_dir: Path, factory: str = "schema.app:create_app") -> Iterator[Server]:
    """One uvicorn process serving the API (or, with ``web.app:create_app``, the console)."""
    port = free_port()
    env = {**SERVER_DEFAULTS, **os.environ, "JISR_DATABASE_URL": url, "JISR_VAR_DIR": str(var_dir)}
    if factory == "web.app:create_app":  # exactly as `jisr serve` runs it, logging too
        command = [sys.executable, "-m", "cli", "serve", "--log-level", "warning"]
        command += ["--host", "127.0.0.1", "--port", str(port)]
    else:
        command = [sys.executable, "-m", "uvicorn", "--factory", factory]
        command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
        command += ["--no-access-log"]
    process = subprocess.Popen(command, env=env)
    base = f"http://127.0.0.1:{port}"
    with answering(
        process,
        lambda: httpx.get(f"{base}/healthz", timeout=1).status_code == 200,
        seconds=30,
        interval=0.2,
        exited=lambda: f"the server exited with code {process.returncode}",
        late="the server did not answer /healthz within 30 s",
    ):
        yield Server(base, process.pid)


async def drive(base: str, *, concurrency: int, seconds: float) -> Run:
    """``concurrency`` clients sending the actor-map query back to back for ``seconds``."""
    request = graphql_request(base, {"query": ACTOR_MAP_QUERY})
    return await http_load.drive(base, request, concurrency=concurrency, seconds=seconds)


async def statements_per_request(url: str, var_dir: Path) -> tuple[int, dict[str, Any]]:
    """Exact SQL statements of one warm request, counted in-process on the engine."""
    app = create_app(Settings(database_url=url, var_dir=var_dir, access_log=False))
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            await client.post("/graphql", json={"query": ACTOR_MAP_QUERY})
            event.listen(app.state.jisr.engine.sync_engine, "before_cursor_execute", before)
            response = await client.post("/graphql", json={"query": ACTOR_MAP_QUERY})
        answer: dict[str, Any] = response.json()
        return len(seen), answer
    finally:
        await app.state.jisr.engine.dispose()


def load_parser(prog: str, description: str | None, duration: float) -> argparse.ArgumentParser:
    """The options of a load run on the scale data: database, its size, the load."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--duration", type=float, default=duration, help="seconds measured")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds before measuring")
    return parser


def arguments() -> argparse.Namespace:
    parser = load_parser("python -m bench.actor_map", __doc__, duration=20.0)
    parser.add_argument("--skip-seed", action="store_true", help="never load the scale data")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    url = args.database_url
    present = asyncio.run(
        prepare(url, actors=args.actors, services=args.services, seed=not args.skip_seed)
    )
    with tempfile.TemporaryDirectory(prefix="jisr-bench-") as var:
        statements, answer = asyncio.run(statements_per_request(url, Path(var)))
        if answer.get("errors"):
            raise SystemExit(f"the actor-map query failed: {answer['errors']}")
        page = answer["data"]["actors"]
        with server(url, Path(var)) as api:
            asyncio.run(drive(api.base, concurrency=args.concurrency, seconds=args.warmup))
            cpu_before, client_before = api.cpu_seconds(), time.process_time()
            run = asyncio.run(drive(api.base, concurrency=args.concurrency, seconds=args.duration))
            cpu_after, client_cpu = api.cpu_seconds(), time.process_time() - client_before
    verdict = "PASS" if run.rps >= TARGET_RPS and run.failures == 0 else "FAIL"
    print(f"database      {make_url(url).render_as_string()} ({present} actors)")
    print(f"query         actors(first: 50): {len(page['edges'])} of {page['totalCount']}")
    print(f"concurrency   {args.concurrency} connections for {run.seconds:.1f} s")
    print(f"requests      {len(run.latencies)} answered, {run.failures} failed")
    if run.first_failure:
        print(f"first failure {run.first_failure}")
    print(f"throughput    {run.rps:.1f} req/s")
    p50, p99 = run.percentile(0.5) * 1000, run.percentile(0.99) * 1000
    print(f"latency       p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print(f"SQL           {statements} statements per request")
    if cpu_before is not None and cpu_after is not None and run.latencies:
        per_request = (cpu_after - cpu_before) / len(run.latencies) * 1000
        ceiling = 1000 / per_request
        print(f"server CPU    {per_request:.2f} ms per request (one core: ~{ceiling:.0f} req/s)")
    if run.latencies:
        print(f"client CPU    {client_cpu / len(run.latencies) * 1000:.2f} ms per request")
    print(f"target        >= {TARGET_RPS:.0f} req/s: {verdict}")


if __name__ == "__main__":
    main()
