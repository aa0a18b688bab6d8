"""The metrics recompute job: requested by a coordinator, run by a worker.

The job's figures are computed and stored, and the job marked SUCCEEDED, in ONE
transaction; when anything fails the transaction rolls back (the previous snapshot
stays) and the job is marked FAILED with the error in a transaction of its own.
"""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from network.database import UnitOfWork, unit_of_work
from network.enums import Role
from network.errors import PermissionDenied, Unauthenticated
from network.jobs import service as jobs
from network.jobs.models import Job
from network.metrics import service
from network.metrics.scope import Period
from network.viewer import Viewer

RECOMPUTE = "metrics.recompute"
logger = logging.getLogger("jisr.metrics")


async def request_recompute(
    uow: UnitOfWork, *, viewer: Viewer, territory_id: int | None, period: Period
) -> Job:
    """COORDINATOR and ADMIN: a QUEUED job, sent to the workers after commit."""
    if viewer.is_anonymous:
        raise Unauthenticated("sign in first")
    if not (viewer.is_admin or Role.COORDINATOR in viewer.roles):
        raise PermissionDenied("COORDINATOR or ADMIN only")
    await service.scope_of(uow.session, period=period, territory_id=territory_id)
    return await jobs.create(
        uow,
        kind=RECOMPUTE,
        params={
            "territory_id": territory_id,
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
        },
        requested_by=viewer.user_id,
    )


def describe(error: BaseException) -> str:
    """The error as stored on the job: its type and first line, without SQL parameters."""
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    first_line = (str(cause).strip().splitlines() or [""])[0]
    return f"{type(cause).__name__}: {first_line}"


async def _recompute(session: AsyncSession, job: Job) -> None:
    params = job.params
    period = Period(date.fromisoformat(params["from"]), date.fromisoformat(params["to"]))
    scope = await service.scope_of(session, period=period, territory_id=params["territory_id"])
    await service.recompute(session, scope)


async def run_recompute_job(sessions: async_sessionmaker[AsyncSession], job_id: int) -> None:
    async with unit_of_work(sessions) as uow:
        job = await jobs.claim(uow.session, job_id)
    if job is None:
        return
    try:
        async with unit_of_work(sessions) as uow:
            await _recompute(uow.session, job)
            await jobs.finish(uow.session, job_id)
    except Exception as error:
        logger.exception("metrics job %s failed", job_id)
        async with unit_of_work(sessions) as uow:
            await jobs.finish(uow.session, job_id, error=describe(error))
