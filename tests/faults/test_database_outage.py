"""PostgreSQL down gets an answer: HTTP 503, a GraphQL JSON error with a code, and
``Retry-After`` — whether the database was never there (a closed port) or is a cluster
of the test's own that stops under a running API, which recovers once it is back.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from tests.api import Api, running_api
from tests.faults.demo import migrated_demo
from tests.faults.processes import PostgresCluster
from tests.network.notifications.servers import free_port

DIRECTORY = "{ actors(first: 2) { totalCount nodes { name } } }"
VIEWER = "{ me { displayName } }"
LOGIN = (
    'mutation { login(email: "admin@jisr.example.ma", password: "jisr-demo-2026")'
    " { token userErrors { code } } }"
)


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert int(response.headers["retry-after"]) > 0
    codes = [e["extensions"]["code"] for e in response.json()["errors"]]
    assert codes == ["SERVICE_UNAVAILABLE"], response.text


async def test_a_database_at_a_closed_port_answers_503_with_a_code(tmp_path: Path) -> None:
    # given an API whose database URL points at a port nobody listens on
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/postgres"
    async with running_api(url, tmp_path / "var") as api:
        # when it is asked anonymously, or with a token, or to write
        answers = [
            await api.post(DIRECTORY),
            await api.post(VIEWER, token="some-token"),
            await api.post(LOGIN),
        ]
    # then each answer is 503 with SERVICE_UNAVAILABLE and Retry-After
    for answer in answers:
        assert_unavailable(answer)


async def test_a_cluster_stopped_under_the_api_answers_503_then_recovers(tmp_path: Path) -> None:
    # given the demo network on a PostgreSQL cluster of this test's own, and an API on it
    with PostgresCluster() as cluster:
        url = cluster.url()
        await migrated_demo(url)
        async with running_api(url, tmp_path / "var") as api:
            token = (await api.data(LOGIN))["login"]["token"]
            assert (await api.data(DIRECTORY))["actors"]["totalCount"] > 0
            # when the cluster shuts down, then reads and writes answer 503 with a code
            cluster.stop()
            assert_unavailable(await api.post(DIRECTORY))
            assert_unavailable(await api.post(VIEWER, token=token))
            assert_unavailable(await api.post(LOGIN))
            # and once it is back, the same API answers again without a restart
            cluster.start()
            assert await answers_again(api, token)


async def answers_again(api: Api, token: str) -> bool:
    """Whether, within a few tries, the API answers a signed-in read with data."""
    for _ in range(20):
        response = await api.post(VIEWER, token=token)
        if response.status_code == 200 and response.json()["data"]["me"]:
            return True
        assert_unavailable(response)  # a stale pooled connection, discarded
        await asyncio.sleep(0.2)
    return False
