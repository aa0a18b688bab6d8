"""How a committed job reaches the workers, without the domain knowing about Celery.

The composition root (the API app, or the worker process) installs ``enqueue``: a
callable taking the job's kind and id. Without one, jobs stay QUEUED (and a warning
is logged).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from network.database import UnitOfWork

logger = logging.getLogger("jisr.jobs")

Enqueue = Callable[[str, int], None]

_enqueue: Enqueue | None = None


def install(enqueue: Enqueue | None) -> None:
    global _enqueue
    _enqueue = enqueue


@contextmanager
def installed(enqueue: Enqueue) -> Iterator[None]:
    """Install ``enqueue`` for the block, then put back what was there."""
    previous = _enqueue
    install(enqueue)
    try:
        yield
    finally:
        install(previous)


def send(kind: str, job_id: int) -> None:
    if _enqueue is None:
        logger.warning("no job dispatcher installed: job %s stays queued", job_id)
        return
    _enqueue(kind, job_id)


def send_after_commit(uow: UnitOfWork, kind: str, job_id: int) -> None:
    """Hand the job to the workers once the transaction that created it committed."""
    uow.after_commit(lambda: send(kind, job_id), work="job")
