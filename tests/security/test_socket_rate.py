"""A socket draws on the caller's rate bucket like HTTP does: each operation pays its
estimated cost when it starts (a subscription too), and the bucket is shared with
the caller's HTTP requests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.databases import Databases
from tests.schema.referrals.servers import api_process
from tests.security.conftest import environment
from tests.security.wire import codes, message, opened, subscribe

MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
LOGIN = 'mutation { login(email: "' + MEDIATOR + '", password: "jisr-demo-2026") { token } }'
SUBSCRIPTION = "subscription { notificationAdded { id } }"  # costs 1


@pytest.fixture(scope="module")
async def base(
    databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    db_url = await databases.clone()
    env = environment(
        db_url,
        tmp_path_factory.mktemp("var"),
        JISR_RATE_LIMIT_CAPACITY="3",
        JISR_RATE_LIMIT_PER_SECOND="0.001",
        JISR_WS_MAX_SUBSCRIPTIONS="10",
    )
    with api_process(env) as served:
        yield served


async def test_subscriptions_pay_their_cost_when_they_start(base: str) -> None:
    # given a signed-in caller whose bucket holds 3 points
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        token = (await client.post("/graphql", json={"query": LOGIN})).json()["data"]["login"]
    bearer = token["token"]
    async with opened(base, bearer) as ws:
        # when they start three subscriptions costing 1 each, then a fourth
        for id in ("1", "2", "3", "4"):
            await subscribe(ws, id, SUBSCRIPTION)

        # then the fourth alone is refused as over the rate (the others are live)
        refused = await message(ws)
    assert (refused["id"], refused["type"]) == ("4", "error"), refused
    assert codes(refused["payload"]) == ["RATE_LIMITED"]

    # and the caller's HTTP requests draw on the same, now empty, bucket
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        response = await client.post(
            "/graphql",
            json={"query": "{ me { id } }"},
            headers={"Authorization": f"Bearer {bearer}"},
        )
    assert response.status_code == 429
    assert codes(response.json()["errors"]) == ["RATE_LIMITED"]
