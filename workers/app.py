"""The Celery application: broker, delivery guarantees, retries and the beat schedule.

Creating it also installs it as the way committed jobs reach the workers
(``network.jobs.dispatch``), in the API process as in the worker.

``create_celery(settings)`` builds an app for the given settings; the module attribute
``app`` (for ``celery -A workers.app``) is built from the environment on first access, so
importing this module reads no settings.
"""

from __future__ import annotations

import asyncio
import importlib
import pkgutil
from collections.abc import Coroutine
from functools import cache
from typing import Any, TypeVar

from celery import Celery, Task
from sqlalchemy.exc import OperationalError

from network.availability import DatabaseUnavailable, database_unavailable
from network.jobs import dispatch
from network.settings import Settings, get_settings
from workers import metrics as task_metrics
from workers import redis_broker
from workers.broker import TRANSPORT

SOFT_TIME_LIMIT_SECONDS = 300
TIME_LIMIT_SECONDS = 360
RETRY_BACKOFF_MAX_SECONDS = 600
# Redis redelivers an unacknowledged task after this long: it must exceed the longest task
# plus the longest retry delay, or a running task would be executed twice.
VISIBILITY_TIMEOUT_SECONDS = 3600
assert VISIBILITY_TIMEOUT_SECONDS > TIME_LIMIT_SECONDS + RETRY_BACKOFF_MAX_SECONDS


def task_modules() -> list[str]:
    """Every ``workers/*tasks.py`` module: adding one needs no edit here."""
    import workers

    return sorted(
        f"workers.{info.name}"
        for info in pkgutil.iter_modules(workers.__path__)
        if info.name.endswith("tasks")
    )


def _merged(attribute: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for name in task_modules():
        merged.update(getattr(importlib.import_module(name), attribute, {}))
    return merged


def beat_schedule() -> dict[str, dict[str, Any]]:
    """The periodic tasks: the ``SCHEDULE`` dicts of the task modules, merged."""
    return _merged("SCHEDULE")


def enqueue_through(app: Celery) -> dispatch.Enqueue:
    """Send a committed job to the task of its kind (``JOB_TASKS`` of the task modules)."""
    tasks: dict[str, str] = _merged("JOB_TASKS")

    def enqueue(kind: str, job_id: int) -> None:
        app.send_task(tasks[kind], args=[job_id])

    return enqueue


class JisrTask(Task[Any, Any]):
    """Base of every task: transient failures are retried with exponential backoff and jitter.

    A database shutting down or starting up is transient too: task bodies run their
    coroutine with ``run``, which turns every form of it into ``DatabaseUnavailable``.
    """

    autoretry_for = (OSError, OperationalError, DatabaseUnavailable)
    retry_backoff = 5
    retry_backoff_max = RETRY_BACKOFF_MAX_SECONDS
    retry_jitter = True
    max_retries = 5

    @property
    def settings(self) -> Settings:
        """The settings of the app this task is bound to (a ``JisrCelery``)."""
        app = self.app
        if not isinstance(app, JisrCelery):
            raise TypeError(f"a Jisr task runs in a JisrCelery app, not {type(app).__name__}")
        return app.settings


T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(coroutine)``; an unavailable database is raised as
    ``DatabaseUnavailable``, which every task retries."""
    try:
        return asyncio.run(coroutine)
    except DatabaseUnavailable:
        raise
    except Exception as error:
        if database_unavailable(error):
            raise DatabaseUnavailable(type(error).__name__) from error
        raise


class JisrCelery(Celery):
    """A Celery app that carries the settings its tasks run with."""

    def __init__(self, settings: Settings) -> None:
        super().__init__("jisr", task_cls=JisrTask, include=task_modules())
        self.settings = settings


def is_embedded_broker(settings: Settings) -> bool:
    return settings.broker_url.startswith("filesystem://")


def transport_options(settings: Settings) -> dict[str, Any]:
    if is_embedded_broker(settings):
        # One folder both ways: whatever this machine sends, its worker reads.
        queue = settings.broker_dir / "queue"
        control = settings.broker_dir / "control"
        for folder in (queue, control):
            folder.mkdir(parents=True, exist_ok=True)
        return {
            "data_folder_in": str(queue),
            "data_folder_out": str(queue),
            "control_folder": str(control),
            "polling_interval": 0.5,
        }
    if settings.broker_url.startswith(("redis://", "rediss://")):
        return {"visibility_timeout": VISIBILITY_TIMEOUT_SECONDS}
    return {}


def broker_transport(settings: Settings) -> str | None:
    """Jisr's own transports: the embedded broker's, and Redis surviving its own loss."""
    if is_embedded_broker(settings):
        return TRANSPORT
    if settings.broker_url.startswith(("redis://", "rediss://")):
        return redis_broker.TRANSPORT
    return None


def create_celery(settings: Settings) -> JisrCelery:
    app = JisrCelery(settings)
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    app.conf.update(
        broker_url=settings.broker_url,
        broker_transport=broker_transport(settings),
        broker_connection_retry_on_startup=True,
        broker_transport_options=transport_options(settings),
        task_default_queue="jisr",
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_ignore_result=True,
        task_soft_time_limit=SOFT_TIME_LIMIT_SECONDS,
        task_time_limit=TIME_LIMIT_SECONDS,
        worker_prefetch_multiplier=1,
        # A delivery running when the broker connection drops finishes and records itself
        # (its late ack is lost, so the broker redelivers it; the outbox claim makes that
        # a no-op). Cancelling it instead could stop it between the send and the record.
        worker_cancel_long_running_tasks_on_connection_loss=False,
        beat_schedule=beat_schedule(),
        beat_schedule_filename=str(settings.var_dir / "beat-schedule"),
        enable_utc=True,
        timezone="Africa/Casablanca",
        worker_hijack_root_logger=False,
    )
    task_metrics.connect()
    dispatch.install(enqueue_through(app))
    return app


@cache
def _default_app() -> JisrCelery:
    return create_celery(get_settings())


def __getattr__(name: str) -> JisrCelery:
    if name == "app":
        return _default_app()
    raise AttributeError(name)
