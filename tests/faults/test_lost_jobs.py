"""A job whose hand-over to the broker fails after its commit is answered as queued, and
the jobs relay on beat hands it over again once a broker answers."""

from __future__ import annotations

from pathlib import Path

from prometheus_client import REGISTRY
from sqlalchemy import text

import workers.job_tasks
import workers.metrics_tasks
from network.database import standalone_unit_of_work
from network.jobs import dispatch
from tests.api import test_settings as settings_for
from tests.network.metrics.world import bare_databases, bare_url
from tests.network.notifications.servers import free_port
from tests.services import broker_url, running_worker
from tests.workers.test_metrics_worker import coordinator_api, ended, request
from workers.app import create_celery, enqueue_through
from workers.job_tasks import RELAY

__all__ = ["bare_databases", "bare_url"]


def failures(work: str) -> float:
    return REGISTRY.get_sample_value("jisr_after_commit_failures_total", {"work": work}) or 0.0


async def test_a_job_lost_at_hand_over_is_answered_queued_and_relayed(
    bare_url: str, tmp_path: Path
) -> None:
    var = tmp_path / "var"
    async with coordinator_api(bare_url, var) as (api, token, region):
        # given a broker nobody answers at
        unreachable = create_celery(
            settings_for(bare_url, var, broker_url=f"redis://127.0.0.1:{free_port()}/0")
        )
        before = failures("job")
        with dispatch.installed(enqueue_through(unreachable)):
            # when a recompute is requested, then it is answered as a queued job
            job_id = await request(api, token, region)
        # and the failed hand-over was counted
        assert failures("job") == before + 1

        # when the job has waited past the relay's delay, and the relay runs on a worker
        async with standalone_unit_of_work(bare_url) as uow:
            await uow.session.execute(
                text("UPDATE jobs SET created_at = created_at - INTERVAL '2 minutes'")
                if bare_url.startswith("postgresql")
                else text("UPDATE jobs SET created_at = datetime(created_at, '-2 minutes')"),
            )
        app = create_celery(settings_for(bare_url, var, broker_url=broker_url("embedded")))
        for module in (workers.metrics_tasks, workers.job_tasks):
            app.loader.import_module(module.__name__)
        with running_worker(app):
            app.send_task(RELAY)
            job = await ended(api, token, job_id)

    # then the job ran to success
    assert job["status"] == "SUCCEEDED", job
