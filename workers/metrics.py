"""Task outcomes as Prometheus counters, exported by each worker process.

``connect()`` hooks Celery's signals; ``serve(port)`` exposes ``/metrics`` from the worker
(with a prefork pool, set ``PROMETHEUS_MULTIPROC_DIR`` so children's counts add up).
"""

from __future__ import annotations

from typing import Any

from celery import signals
from prometheus_client import Counter, start_http_server

TASK_OUTCOMES = Counter("jisr_task_outcomes_total", "Finished tasks", ["task", "outcome"])


def _name(sender: Any) -> str:
    return str(getattr(sender, "name", None) or "unknown")


def _succeeded(sender: Any = None, **_: Any) -> None:
    TASK_OUTCOMES.labels(_name(sender), "success").inc()


def _failed(sender: Any = None, **_: Any) -> None:
    TASK_OUTCOMES.labels(_name(sender), "failure").inc()


def _retried(sender: Any = None, **_: Any) -> None:
    TASK_OUTCOMES.labels(_name(sender), "retry").inc()


def connect() -> None:
    signals.task_success.connect(_succeeded, weak=False)
    signals.task_failure.connect(_failed, weak=False)
    signals.task_retry.connect(_retried, weak=False)


def serve(port: int) -> None:
    start_http_server(port)
