"""In allow-list mode a socket runs only registered documents, whole or by hash, like
HTTP: anything else is PERSISTED_QUERY_NOT_FOUND."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from network import persisted_queries
from network.database import standalone_unit_of_work
from tests.databases import Databases
from tests.schema.referrals.servers import api_process
from tests.security.conftest import environment
from tests.security.wire import answer, codes, message, opened

REGISTERED = "{ taxonomy { code } }"
OTHER = "{ territories { code } }"


@pytest.fixture(scope="module")
async def base(
    databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    db_url = await databases.clone()
    async with standalone_unit_of_work(db_url) as uow:
        await persisted_queries.register(uow.session, REGISTERED)
    env = environment(db_url, tmp_path_factory.mktemp("var"), JISR_PERSISTED_QUERIES="allowlist")
    with api_process(env) as served:
        yield served


async def test_only_registered_documents_run_over_the_socket(base: str) -> None:
    async with opened(base) as ws:
        # a registered document runs, whole or by its hash alone
        whole = await answer(ws, REGISTERED)
        digest = persisted_queries.sha256_of(REGISTERED)
        extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
        await ws.send(
            json.dumps({"id": "h", "type": "subscribe", "payload": {"extensions": extensions}})
        )
        by_hash = await message(ws)
        assert await message(ws) == {"id": "h", "type": "complete"}
        # another is refused, as over HTTP
        refused = await answer(ws, OTHER)
    assert whole["data"]["taxonomy"]
    assert by_hash["type"] == "next" and by_hash["payload"]["data"] == whole["data"]
    assert codes(refused["errors"]) == ["PERSISTED_QUERY_NOT_FOUND"]
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        over_http = (await client.post("/graphql", json={"query": OTHER})).json()
    assert refused["errors"] == over_http["errors"]
