"""requestMetricsRecompute and job(id): who may ask, who may see the job."""

from __future__ import annotations

import pytest

from network.enums import Role
from network.ids import to_global_id
from network.jobs import dispatch
from tests.api import Api
from tests.factories import person
from tests.network.metrics.built import built
from tests.network.metrics.world import World

REQUEST = """
mutation Recompute($period: PeriodInput) {
  requestMetricsRecompute(period: $period) {
    job { id kind status createdAt finishedAt error }
    userErrors { code field }
  }
}
"""
JOB = "query Job($id: ID!) { job(id: $id) { id status } }"
MAY = {"from": "2026-05-01", "to": "2026-05-31"}


async def staff_token(api: Api) -> str:
    async def an_actor(world: World) -> int:
        return await world.actor("MA-RAB")

    actor_id = await built(api.state.settings.database_url, an_actor)
    return (await person(api, Role.AGENCY_STAFF, actor_id=actor_id)).token


async def test_a_coordinator_gets_a_queued_job_sent_after_commit(bare_api: Api) -> None:
    # given a coordinator, and a dispatcher recording what it is handed
    coordinator = await person(bare_api, Role.COORDINATOR, territory="MA-01")
    sent: list[tuple[str, int]] = []

    # when the coordinator requests a recompute
    with dispatch.installed(lambda kind, job_id: sent.append((kind, job_id))):
        payload = (await bare_api.data(REQUEST, {"period": MAY}, coordinator.token))[
            "requestMetricsRecompute"
        ]

    # then the job is QUEUED and was handed to the workers once
    job = payload["job"]
    assert payload["userErrors"] == []
    assert (job["kind"], job["status"], job["finishedAt"], job["error"]) == (
        "metrics.recompute",
        "QUEUED",
        None,
        None,
    )
    assert [to_global_id("Job", job_id) for _, job_id in sent] == [job["id"]]


@pytest.mark.parametrize(
    ("who", "code"), [("anonymous", "UNAUTHENTICATED"), ("staff", "PERMISSION_DENIED")]
)
async def test_others_may_not_request_one(bare_api: Api, who: str, code: str) -> None:
    # given an anonymous caller or agency staff
    token = await staff_token(bare_api) if who == "staff" else None
    sent: list[tuple[str, int]] = []

    # when they request a recompute
    with dispatch.installed(lambda kind, job_id: sent.append((kind, job_id))):
        payload = (await bare_api.data(REQUEST, {"period": MAY}, token))["requestMetricsRecompute"]

    # then it is refused as a userError, and nothing is sent
    assert payload["job"] is None
    assert payload["userErrors"][0]["code"] == code
    assert sent == []


async def test_a_job_is_seen_by_its_requester_and_admin_only(bare_api: Api) -> None:
    # given a job requested by a coordinator
    coordinator = await person(bare_api, Role.COORDINATOR, territory="MA-01")
    other = await person(bare_api, Role.COORDINATOR, territory="MA-01")
    admin = await person(bare_api, Role.ADMIN)
    with dispatch.installed(lambda kind, job_id: None):
        payload = await bare_api.data(REQUEST, {"period": MAY}, coordinator.token)
    job_id = payload["requestMetricsRecompute"]["job"]["id"]

    # when each asks for it
    seen = {
        name: (await bare_api.data(JOB, {"id": job_id}, token))["job"]
        for name, token in (
            ("requester", coordinator.token),
            ("admin", admin.token),
            ("other", other.token),
            ("anonymous", None),
        )
    }

    # then the requester and ADMIN see it; the others get null
    assert seen["requester"] == seen["admin"] == {"id": job_id, "status": "QUEUED"}
    assert seen["other"] is None and seen["anonymous"] is None
