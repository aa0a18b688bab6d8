"""Outbox throughput: ``python -m bench.outbox``.

On PostgreSQL: a fresh database with ``--count`` due in-app reminders to one user, one
worker process (``jisr worker --beat --concurrency 1`` on a Redis of its own), and the
time until every message is SENT (each with its notification row). Prints messages per
second, for in-app batches of ``--in-app-batch`` (1 = one ``deliver`` task per message).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from network.crypto import new_key
from network.database import standalone_unit_of_work
from network.migrate import upgrade
from network.notifications.models import Notification, OutboxMessage
from network.settings import Settings
from tests.faults.processes import RedisProcess

SERVER = "postgresql+asyncpg://postgres@127.0.0.1/postgres"
DATABASE = "jisr_bench_outbox"

QUEUE = """
INSERT INTO outbox (dedupe_key, rule, kind, channel, recipient_user_id, payload, state,
                    due_at, attempts, created_at)
SELECT 'bench|referral:' || n || '|IN_APP|user:' || CAST(:user AS text), 'bench',
       'FOLLOW_UP_DUE', 'IN_APP',
       CAST(:user AS integer), CAST(:payload AS jsonb), 'PENDING', now(), 0, now()
FROM generate_series(1, :count) AS n
"""
PAYLOAD = '{"params": {"referral_code": "R-0001", "follow_up_at": "2026-03-09T09:30:00+00:00"}}'


async def prepare(server: str, count: int) -> str:
    dsn = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await connection.close()
    url = make_url(server).set(database=DATABASE).render_as_string(hide_password=False)
    await upgrade(url)
    async with standalone_unit_of_work(url) as uow:
        user = await uow.session.scalar(
            text(
                "INSERT INTO users (email, display_name, language, roles, active, created_at) "
                "VALUES ('bench@jisr.example.ma', 'Bench', 'FR', '[]', true, now()) RETURNING id"
            )
        )
        values = {"user": str(user), "payload": PAYLOAD, "count": count}
        await uow.session.execute(text(QUEUE), values)
    return url


async def sent(url: str) -> int:
    async with standalone_unit_of_work(url) as uow:
        statement = select(func.count()).where(OutboxMessage.state == "SENT")
        return int(await uow.session.scalar(statement) or 0)


async def notifications(url: str) -> int:
    async with standalone_unit_of_work(url) as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(Notification)) or 0)


def run(url: str, count: int, batch: int, workdir: Path) -> tuple[float, float]:
    """Seconds from the worker's start, and from the first message sent, to the last."""
    redis = RedisProcess(workdir).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JISR_")} | {
        "JISR_DATABASE_URL": url,
        "JISR_VAR_DIR": str(workdir / "var"),
        "JISR_SECRET_KEY": "bench",
        "JISR_DATA_KEY": new_key(),
        "JISR_BROKER_URL": redis.url(),
        "JISR_SCAN_INTERVAL_SECONDS": "1",
        "JISR_OUTBOX_RELAY_BATCH": "5000",
        "JISR_OUTBOX_IN_APP_BATCH": str(batch),
    }
    start = time.monotonic()
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cli",
            "worker",
            "--beat",
            "--concurrency",
            "1",
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    first: float | None = None
    try:
        while (done := asyncio.run(sent(url))) < count:
            if done and first is None:
                first = time.monotonic()
            time.sleep(0.5)
        end = time.monotonic()
    finally:
        worker.kill()
        worker.wait()
        redis.kill()
    return end - start, end - (first or start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=SERVER, help="a PostgreSQL server to use")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument(
        "--in-app-batch", type=int, default=Settings.model_fields["outbox_in_app_batch"].default
    )
    args = parser.parse_args()
    url = asyncio.run(prepare(args.database_url, args.count))
    with tempfile.TemporaryDirectory() as workdir:
        total, steady = run(url, args.count, args.in_app_batch, Path(workdir))
    assert asyncio.run(notifications(url)) == args.count
    print(
        f"{args.count} in-app messages, one worker, batches of {args.in_app_batch}: "
        f"{args.count / total:,.0f} messages/s from worker start ({total:.1f} s), "
        f"{args.count / steady:,.0f} messages/s once delivering ({steady:.1f} s)"
    )


if __name__ == "__main__":
    main()
