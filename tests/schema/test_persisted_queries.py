"""Apollo's automatic persisted queries, and the allow-list mode of production."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from network import persisted_queries
from network.database import standalone_unit_of_work
from tests.api import Api, running_api
from tests.services import redis_url

QUERY = "{ taxonomy(axis: HEALTH) { code } }"
DIGEST = persisted_queries.sha256_of(QUERY)


def by_hash(digest: str = DIGEST) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


async def send(api: Api, query: str | None, extensions: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"extensions": extensions}
    if query is not None:
        body["query"] = query
    response = await api.client.post("/graphql", json=body)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def codes(answer: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in answer.get("errors") or ()]


async def test_an_unknown_hash_asks_for_the_document(demo_api: Api) -> None:
    answer = await send(demo_api, None, by_hash("0" * 64))
    assert codes(answer) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert answer["errors"][0]["message"] == "PersistedQueryNotFound"


async def test_a_document_sent_with_its_hash_runs_by_hash_afterwards(demo_api: Api) -> None:
    first = await send(demo_api, QUERY, by_hash())
    again = await send(demo_api, None, by_hash())
    assert not first.get("errors")
    assert again["data"] == first["data"] == await demo_api.data(QUERY)


async def test_a_hash_that_does_not_match_the_document_is_invalid(demo_api: Api) -> None:
    answer = await send(demo_api, QUERY, by_hash("f" * 64))
    assert codes(answer) == ["INVALID_INPUT"]


async def test_replicas_share_persisted_queries_through_redis(
    demo_url: str, tmp_path: Path
) -> None:
    query = "{ taxonomy(axis: EMPLOYMENT) { code name } }"
    digest = persisted_queries.sha256_of(query)
    async with (
        running_api(demo_url, tmp_path / "a", redis_url=redis_url()) as first,
        running_api(demo_url, tmp_path / "b", redis_url=redis_url()) as second,
    ):
        try:
            await send(first, query, by_hash(digest))
            answer = await send(second, None, by_hash(digest))
        finally:
            await first.state.close()
            await second.state.close()
    assert all(t["code"].startswith("employment.") for t in answer["data"]["taxonomy"])


async def register(url: str, document: str) -> None:
    async with standalone_unit_of_work(url) as uow:
        await persisted_queries.register(uow.session, document)


async def test_allowlist_mode_runs_only_registered_documents(db_url: str, tmp_path: Path) -> None:
    # given an allow-list deployment where one document is registered
    await register(db_url, QUERY)
    async with running_api(db_url, tmp_path, persisted_queries="allowlist") as api:
        # when documents are sent whole or by hash
        registered = await send(api, QUERY, {})
        registered_by_hash = await send(api, None, by_hash())
        unregistered = await api.gql("{ territories { code } }")
        unknown_hash = await send(api, None, by_hash("1" * 64))
    # then only the registered one runs
    assert registered["data"] == registered_by_hash["data"]
    assert registered["data"]["taxonomy"]
    assert codes(unregistered) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert unregistered["data"] is None
    assert codes(unknown_hash) == ["PERSISTED_QUERY_NOT_FOUND"]
