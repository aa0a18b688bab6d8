"""Jobs: created QUEUED by a request, claimed RUNNING by a worker, ended SUCCEEDED or
FAILED with the error. Tasks take ids and are idempotent: a job already claimed, ended
or gone is left alone."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.database import UnitOfWork
from network.jobs import dispatch
from network.jobs.models import Job
from network.jobs.status import JobStatus
from network.viewer import Viewer

# A RUNNING job whose worker died is claimed again after this long (above the task limit).
STALE_AFTER = timedelta(minutes=10)
# A QUEUED job is handed to the workers again after this long: its first hand-over
# (after the commit that created it) may have failed, or been lost with the broker.
RELAY_AFTER = timedelta(minutes=1)
MAX_ERROR = 2000


async def create(
    uow: UnitOfWork, *, kind: str, params: dict[str, Any], requested_by: int | None
) -> Job:
    """A QUEUED job, sent to the workers after commit."""
    job = Job(kind=kind, params=params, requested_by_id=requested_by, status=JobStatus.QUEUED)
    uow.session.add(job)
    await uow.session.flush()
    dispatch.send_after_commit(uow, kind, job.id)
    return job


async def visible(session: AsyncSession, job_ids: list[int], viewer: Viewer) -> dict[int, Job]:
    """Jobs seen by the caller: their own, every one for ADMIN."""
    if viewer.is_anonymous or not job_ids:
        return {}
    statement = select(Job).where(Job.id.in_(job_ids))
    if not viewer.is_admin:
        statement = statement.where(Job.requested_by_id == viewer.user_id)
    return {job.id: job for job in await session.scalars(statement)}


async def claim(session: AsyncSession, job_id: int, *, now: datetime | None = None) -> Job | None:
    """Move the job to RUNNING with one conditional UPDATE; None when another worker
    holds it, it has ended, or it is gone."""
    now = now or clock.now()
    claimed = await session.execute(
        update(Job)
        .where(
            Job.id == job_id,
            or_(
                Job.status == JobStatus.QUEUED,
                and_(Job.status == JobStatus.RUNNING, Job.started_at < now - STALE_AFTER),
            ),
        )
        .values(status=JobStatus.RUNNING, started_at=now, error=None)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return await session.get(Job, job_id, populate_existing=True)


async def waiting(session: AsyncSession, *, now: datetime | None = None) -> list[tuple[str, int]]:
    """(kind, id) of the jobs to hand over again: QUEUED for RELAY_AFTER, or RUNNING on a
    worker presumed dead (STALE_AFTER). Claiming is conditional, so a job handed over
    twice still runs once."""
    now = now or clock.now()
    statement = select(Job.kind, Job.id).where(
        or_(
            and_(Job.status == JobStatus.QUEUED, Job.created_at < now - RELAY_AFTER),
            and_(Job.status == JobStatus.RUNNING, Job.started_at < now - STALE_AFTER),
        )
    )
    return [(kind, id_) for kind, id_ in await session.execute(statement.order_by(Job.id))]


async def finish(session: AsyncSession, job_id: int, *, error: str | None = None) -> None:
    """SUCCEEDED, or FAILED with ``error``."""
    await session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == JobStatus.RUNNING)
        .values(
            status=JobStatus.FAILED if error is not None else JobStatus.SUCCEEDED,
            finished_at=clock.now(),
            error=error[:MAX_ERROR] if error is not None else None,
        )
        .execution_options(synchronize_session=False)
    )


async def latest(session: AsyncSession, viewer: Viewer, *, first: int) -> list[Job]:
    """Up to ``first`` jobs seen by the caller (their own; every one for ADMIN), the
    latest first."""
    if viewer.is_anonymous:
        return []
    statement = select(Job).order_by(Job.id.desc()).limit(first)
    if not viewer.is_admin:
        statement = statement.where(Job.requested_by_id == viewer.user_id)
    return list((await session.scalars(statement)).all())
