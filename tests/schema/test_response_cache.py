"""Anonymous directory answers are cached until a directory write, across replicas too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from network.ids import to_global_id
from network.seed.users import DEMO_PASSWORD
from tests.api import Api, running_api
from tests.services import redis_url

SERVICE_ID = to_global_id("Service", 35)
UPDATE_CAPACITY = """
mutation($id: ID!, $n: Int) { updateService(input: {id: $id, capacity: {available: $n}}) {
  service { capacity { available } } userErrors { code message } } }
"""
ADMIN = "admin@jisr.example.ma"
QUERY = (
    '{ services(filter: {actorId: "' + to_global_id("Actor", 11) + '"})'
    " { nodes { id capacity { available } } } }"
)


def capacity_of(data: dict[str, Any]) -> int | None:
    found = [s for s in data["services"]["nodes"] if s["id"] == SERVICE_ID]
    return found[0]["capacity"]["available"] if found[0]["capacity"] else None


async def set_capacity(api: Api, token: str, available: int) -> None:
    data = await api.data(UPDATE_CAPACITY, {"id": SERVICE_ID, "n": available}, token)
    assert data["updateService"]["userErrors"] == []


async def test_a_repeated_anonymous_query_is_answered_from_the_cache(demo_api: Api) -> None:
    first = await demo_api.data(QUERY)
    with demo_api.count_statements() as statements:
        again = await demo_api.data(QUERY)
    assert again == first
    assert len(statements) == 1, "only the directory version is read"
    assert "directory_version" in statements[0]


async def test_a_directory_write_is_seen_by_the_next_read(api: Api) -> None:
    # given a cached answer
    token = await api.login(ADMIN, DEMO_PASSWORD)
    before = await api.data(QUERY)
    # when the capacity of one of its services changes
    await set_capacity(api, token, 7)
    # then the next anonymous read shows it
    after = await api.data(QUERY)
    assert capacity_of(after) == 7 != capacity_of(before)


async def test_callers_with_a_token_are_never_answered_from_the_cache(api: Api) -> None:
    token = await api.login(ADMIN, DEMO_PASSWORD)
    await api.data(QUERY, token=token)
    with api.count_statements() as statements:
        await api.data(QUERY, token=token)
    assert not any("directory_version" in s for s in statements)


async def test_replicas_share_answers_and_never_serve_a_stale_one(
    db_url: str, tmp_path: Path
) -> None:
    # given two replicas sharing Redis, one of which cached an answer
    async with (
        running_api(db_url, tmp_path / "a", redis_url=redis_url()) as first,
        running_api(db_url, tmp_path / "b", redis_url=redis_url()) as second,
    ):
        try:
            token = await second.login(ADMIN, DEMO_PASSWORD)
            cached = await first.data(QUERY)
            with second.count_statements() as statements:
                shared = await second.data(QUERY)
            # when the other replica writes
            await set_capacity(second, token, 3)
            fresh = await first.data(QUERY)
        finally:
            await first.state.close()
            await second.state.close()
    # then the first replica's next answer is fresh
    assert shared == cached
    assert len(statements) == 1
    assert capacity_of(fresh) == 3
