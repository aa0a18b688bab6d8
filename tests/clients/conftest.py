"""One API process on a private copy of the demo network, with a real worker on the
embedded broker (it turns referral events into the notifications pushed by
``notificationAdded``), for the standard clients to talk to."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from tests.databases import Databases
from tests.network.notifications.servers import mail_server
from tests.schema.referrals.servers import api_process, server_environment
from tests.services import ticking
from tests.workers.test_delivery import worker_on


@dataclass(frozen=True)
class Served:
    base: str

    @property
    def graphql(self) -> str:
        return self.base + "/graphql"

    @property
    def ws(self) -> str:
        return self.graphql.replace("http", "ws", 1)


@pytest.fixture(scope="package")
async def served(
    databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Served]:
    db_url = await databases.clone()
    var = tmp_path_factory.mktemp("var")
    env = server_environment(db_url, var)
    with (
        api_process(env) as base,
        mail_server() as smtp,
        worker_on(db_url, var, "embedded", smtp) as app,
    ):
        async with ticking(app):
            yield Served(base)
