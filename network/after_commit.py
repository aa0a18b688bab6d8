"""What happens when work deferred until after a commit fails: the commit stands.

Publishing an event to Redis or handing a job to the broker happens once the
transaction committed (``UnitOfWork.after_commit``). Its failure is logged, with the
request or task id the log context carries, and counted, never raised: the caller was
told the truth, that its change is saved.
"""

from __future__ import annotations

from prometheus_client import Counter

from network.logging import get_logger

AFTER_COMMIT_FAILURES = Counter(
    "jisr_after_commit_failures_total",
    "Work deferred until after a commit (publishing, dispatching jobs) that failed",
    ["work"],
)
log = get_logger("jisr.after_commit")


def after_commit_failed(work: str, error: Exception) -> None:
    AFTER_COMMIT_FAILURES.labels(work).inc()
    log.warning(
        "after-commit work failed; the commit stands",
        work=work,
        error=type(error).__name__,
        exc_info=error,
    )
