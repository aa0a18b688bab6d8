"""jobs: the caller's own jobs, the latest first; every one's for ADMIN."""

from __future__ import annotations

from network.enums import Role
from network.jobs import dispatch
from tests.api import Api
from tests.factories import person

REQUEST = "mutation { requestMetricsRecompute { job { id } userErrors { code } } }"
JOBS = "{ jobs { id kind status } }"


async def test_each_sees_their_own_jobs_and_admin_every_one(api: Api) -> None:
    # given two coordinators who each requested a recompute, the second one twice
    first = await person(api, Role.COORDINATOR, territory="MA-01")
    second = await person(api, Role.COORDINATOR, territory="MA-01")
    admin = await person(api, Role.ADMIN)
    ids = []
    with dispatch.installed(lambda kind, job_id: None):
        for someone in (first, second, second):
            payload = await api.data(REQUEST, token=someone.token)
            ids.append(payload["requestMetricsRecompute"]["job"]["id"])

    # when each lists the jobs
    def listed(answer: dict[str, list[dict[str, str]]]) -> list[str]:
        return [job["id"] for job in answer["jobs"]]

    # then a coordinator sees their own, the latest first; ADMIN all; anonymous none
    assert listed(await api.data(JOBS, token=first.token)) == [ids[0]]
    assert listed(await api.data(JOBS, token=second.token)) == [ids[2], ids[1]]
    assert listed(await api.data(JOBS, token=admin.token))[:3] == ids[::-1]
    assert await api.data(JOBS) == {"jobs": []}
