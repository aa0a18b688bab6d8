"""Metrics jobs run by a real worker on a real broker, requested through the API."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text

import workers.metrics_tasks
from network.database import create_engine
from network.enums import Role
from network.ids import to_global_id
from network.jobs import dispatch
from tests.api import Api, running_api
from tests.api import test_settings as settings_for
from tests.factories import person, territory_pk
from tests.network.metrics.built import built
from tests.network.metrics.test_referral_figures import build
from tests.network.metrics.world import bare_databases, bare_url
from tests.services import broker_url, running_worker
from workers.app import create_celery

__all__ = ["bare_databases", "bare_url"]

REQUEST = """
mutation Recompute($territory: ID, $period: PeriodInput) {
  requestMetricsRecompute(territoryId: $territory, period: $period) {
    job { id status } userErrors { code }
  }
}
"""
JOB = "query Job($id: ID!) { job(id: $id) { status error finishedAt } }"
METRICS = """
query Metrics($territory: ID, $period: PeriodInput) {
  coordinationMetrics(territoryId: $territory, period: $period) { computedAt referralsSent }
}
"""
MAY = {"from": "2026-05-01", "to": "2026-05-31"}


@contextmanager
def metrics_worker(url: str, var_dir: Path, broker: str) -> Iterator[None]:
    """A worker running the metrics tasks, and jobs dispatched to it."""
    app = create_celery(settings_for(url, var_dir, broker_url=broker_url(broker)))
    app.loader.import_module(workers.metrics_tasks.__name__)
    with (
        dispatch.installed(workers.app.enqueue_through(app)),
        running_worker(app),
    ):
        yield


@asynccontextmanager
async def coordinator_api(url: str, var_dir: Path) -> AsyncIterator[tuple[Api, str, str]]:
    """The API, a coordinator's token, and region MA-01's id, on the built network."""
    await built(url, build)
    async with running_api(url, var_dir) as api:
        coordinator = await person(api, Role.COORDINATOR, territory="MA-01")
        region = to_global_id("Territory", await territory_pk(api, "MA-01"))
        yield api, coordinator.token, region


async def ended(api: Api, token: str, job_id: str) -> dict[str, Any]:
    for _ in range(300):
        job = (await api.data(JOB, {"id": job_id}, token))["job"]
        if job["status"] in ("SUCCEEDED", "FAILED"):
            return job  # type: ignore[no-any-return]
        await asyncio.sleep(0.1)
    raise AssertionError(f"job still {job['status']}")


async def request(api: Api, token: str, region: str) -> str:
    payload = (await api.data(REQUEST, {"territory": region, "period": MAY}, token))[
        "requestMetricsRecompute"
    ]
    assert payload["userErrors"] == []
    assert payload["job"]["status"] == "QUEUED"
    return payload["job"]["id"]  # type: ignore[no-any-return]


async def test_a_requested_recompute_runs_to_success(
    broker: str, bare_url: str, tmp_path: Path
) -> None:
    async with coordinator_api(bare_url, tmp_path / "var") as (api, token, region):
        # given figures of MA-01 already stored
        before = (await api.data(METRICS, {"territory": region, "period": MAY}, token))[
            "coordinationMetrics"
        ]

        # when a recompute is requested and a worker takes it
        with metrics_worker(bare_url, tmp_path / "var", broker):
            job = await ended(api, token, await request(api, token, region))

        # then the job succeeded and the figures now served were computed by it
        after = (await api.data(METRICS, {"territory": region, "period": MAY}, token))[
            "coordinationMetrics"
        ]
    assert job["status"] == "SUCCEEDED" and job["error"] is None and job["finishedAt"]
    assert after["computedAt"] > before["computedAt"]
    assert after["referralsSent"] == before["referralsSent"] == 9


async def rename_table(url: str, old: str, new: str) -> None:
    engine = create_engine(url, null_pool=True)
    try:
        async with engine.begin() as connection:
            await connection.execute(text(f"ALTER TABLE {old} RENAME TO {new}"))
    finally:
        await engine.dispose()


async def test_a_failing_recompute_ends_failed_and_keeps_the_snapshot(
    bare_url: str, tmp_path: Path
) -> None:
    async with coordinator_api(bare_url, tmp_path / "var") as (api, token, region):
        # given figures of MA-01 already stored, then the young people's milestones made
        # unreachable (the autonomy figures read them after the referral figures)
        before = (await api.data(METRICS, {"territory": region, "period": MAY}, token))[
            "coordinationMetrics"
        ]
        await rename_table(bare_url, "milestones", "milestones_away")

        # when a recompute is requested and a worker takes it
        try:
            with metrics_worker(bare_url, tmp_path / "var", "embedded"):
                job = await ended(api, token, await request(api, token, region))
        finally:
            await rename_table(bare_url, "milestones_away", "milestones")

        # then the job failed with the database's error, and the old snapshot still serves
        after = (await api.data(METRICS, {"territory": region, "period": MAY}, token))[
            "coordinationMetrics"
        ]
    assert job["status"] == "FAILED" and job["finishedAt"]
    assert "milestones" in job["error"]
    assert after == before
