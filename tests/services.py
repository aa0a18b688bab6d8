"""The outside services some tests need beside the database: Redis and its server program.

Outside CI a missing one skips the tests that need it, so that `make test` passes where
only Python is installed; under CI (``CI=true``) it fails them, since CI must show them.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from functools import cache
from typing import Any, NoReturn

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from celery.worker import WorkController

from workers.notification_tasks import RELAY
from workers.reminder_tasks import SCAN

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"


def missing(what: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs {what}")
    pytest.skip(f"{what} is not available here")


@cache
def _answers(url: str) -> bool:
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


def redis_url() -> str:
    """``JISR_TEST_REDIS_URL``, else the local Redis (database 15), when it answers."""
    url = os.environ.get("JISR_TEST_REDIS_URL") or DEFAULT_REDIS_URL
    if not _answers(url):
        missing(f"Redis at {url}")
    return url


def broker_url(broker: str) -> str:
    """The broker of a parametrised worker test: ``embedded`` or ``redis``."""
    return "filesystem://" if broker == "embedded" else redis_url()


def redis_server_program() -> str:
    """The ``redis-server`` program, for tests that stop and start a Redis of their own."""
    program = shutil.which("redis-server")
    if program is None:
        missing("the redis-server program")
    return program


@contextmanager
def running_worker(app: Celery, **options: Any) -> Iterator[WorkController]:
    """A real worker (threads) on ``app``'s broker, started after the broker's queue is purged.

    Tests share one Redis database: a task an earlier test queued and nobody consumed would
    otherwise run here, against this test's database.
    """
    app.control.purge()
    defaults: dict[str, Any] = {
        "pool": "threads",
        "perform_ping_check": False,
        "shutdown_timeout": 20,
    }
    with start_worker(app, **(defaults | options)) as worker:
        yield worker


@contextmanager
def finished_tasks() -> Iterator[Counter[str]]:
    """How many tasks of each name the in-process workers finished while the block runs."""
    finished: Counter[str] = Counter()
    lock = threading.Lock()

    def count(task: Any = None, **_: Any) -> None:
        with lock:
            finished[task.name] += 1

    task_postrun.connect(count, weak=False)
    try:
        yield finished
    finally:
        task_postrun.disconnect(count)


@asynccontextmanager
async def ticking(
    app: Celery, scans: Iterable[str] = (), every: float = 0.5
) -> AsyncIterator[None]:
    """What beat does, faster: each reminder scan of ``scans``, then the outbox relay,
    sent every ``every`` seconds while the block runs."""
    rules = list(scans)

    async def tick() -> None:
        while True:
            for rule in rules:
                app.send_task(SCAN, args=[rule])
            app.send_task(RELAY)
            await asyncio.sleep(every)

    ticker = asyncio.create_task(tick())
    try:
        yield
    finally:
        ticker.cancel()
