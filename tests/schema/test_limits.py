"""Expensive or malicious requests are refused cleanly, never with a 500 (no wall clock here)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from network.crypto import new_key
from network.ids import to_global_id
from network.settings import Settings
from tests.api import Api, running_api
from tests.databases import backend_url
from tests.services import redis_url

ACTOR_MAP = """
query ActorMap { actors(first: 50) { totalCount edges { cursor node { id name(lang: FR) kind
  territory { code name } services(first: 10) { totalCount nodes { id name axis
  category { code name } } } } } } }
"""
TOO_COSTLY = """
{ actors(first: 100) { nodes { services(first: 100) { nodes { serviceArea { code } } } } } }
"""
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
INTROSPECTION = "{ __schema { queryType { name } } }"


def codes(answer: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in answer.get("errors") or ()]


async def post(api: Api, body: bytes | dict[str, Any]) -> httpx.Response:
    """How quickly refusals come is measured by bench/, not asserted here."""
    if isinstance(body, bytes):
        headers = {"content-type": "application/json"}
        return await api.client.post("/graphql", content=body, headers=headers)
    return await api.client.post("/graphql", json=body)


@pytest.fixture
async def limited_api(demo_url: str, tmp_path: Path) -> AsyncIterator[Api]:
    """A bucket of 5 points that refills at one point a minute."""
    async with running_api(
        demo_url, tmp_path, rate_limit_capacity=5, rate_limit_per_second=1 / 60
    ) as api:
        yield api


async def test_a_megabyte_query_is_refused_with_413(demo_api: Api) -> None:
    # given a body of one megabyte
    body = b'{"query": "{ __typename ' + b" " * 1_000_000 + b'}"}'
    # when it is posted
    response = await post(demo_api, body)
    # then it is refused before being parsed
    assert response.status_code == 413
    assert codes(response.json()) == ["QUERY_TOO_COMPLEX"]


async def test_a_fifty_level_deep_query_is_refused(demo_api: Api) -> None:
    query = "{ territories { " + "parent { " * 49 + "code" + " }" * 49 + " } }"
    response = await post(demo_api, {"query": query})
    assert response.status_code == 200
    assert codes(response.json()) == ["QUERY_TOO_COMPLEX"]
    assert response.json()["data"] is None


async def test_a_thousand_aliases_are_refused(demo_api: Api) -> None:
    query = "{ " + " ".join(f"a{i}: territories {{ code }}" for i in range(1000)) + " }"
    response = await post(demo_api, {"query": query})
    assert response.status_code == 200
    assert codes(response.json()) == ["QUERY_TOO_COMPLEX"]


async def test_forty_one_aliases_are_refused_by_the_alias_limit(demo_api: Api) -> None:
    query = "{ " + " ".join(f"a{i}: __typename" for i in range(41)) + " }"
    answer = await demo_api.gql(query)
    assert codes(answer) == ["QUERY_TOO_COMPLEX"]
    assert "aliases" in answer["errors"][0]["message"]


async def test_ten_thousand_ids_are_refused(demo_api: Api) -> None:
    ids = [to_global_id("Actor", n) for n in range(10_000)]
    response = await post(demo_api, {"query": NODES, "variables": {"ids": ids}})
    assert response.status_code == 200
    assert codes(response.json()) == ["INVALID_INPUT"]


async def test_a_cost_above_the_limit_is_refused_before_running(demo_api: Api) -> None:
    with demo_api.count_statements() as statements:
        answer = await demo_api.gql(TOO_COSTLY)
    assert codes(answer) == ["QUERY_TOO_COMPLEX"]
    cost = answer["extensions"]["cost"]
    assert cost["requestedQueryCost"] == 100 + 100 * 100 + 100 * 100 * 20
    assert cost["actualQueryCost"] == 1  # a refusal takes one point
    assert statements == []


async def test_every_answer_reports_its_cost(demo_api: Api) -> None:
    answer = await demo_api.gql(ACTOR_MAP)
    cost = answer["extensions"]["cost"]
    assert not answer.get("errors")
    assert cost["requestedQueryCost"] == 50 + 50 * 10
    assert cost["actualQueryCost"] == 50 + 50 * 10
    throttle = cost["throttleStatus"]
    assert throttle["maximumAvailable"] == 200_000
    assert throttle["restoreRate"] == 5_000
    assert 0 <= throttle["currentlyAvailable"] <= 200_000 - 550


async def test_a_document_sent_again_is_costed_by_its_own_variables(demo_api: Api) -> None:
    """Estimates are kept per document and variables: the same document with another
    page size costs what that size costs, and the first size costs the same again."""
    paged = "query ($n: Int) { actors(first: $n) { nodes { id services { nodes { id } } } } }"
    costs = []
    for size in (5, 50, 5):
        answer = await demo_api.gql(paged, {"n": size})
        assert not answer.get("errors")
        costs.append(answer["extensions"]["cost"]["requestedQueryCost"])
    assert costs[0] == costs[2] < costs[1]


async def test_a_burst_past_the_rate_limit_gets_429_with_retry_after(limited_api: Api) -> None:
    # given a caller who spent their five points
    for _ in range(5):
        assert not (await limited_api.gql("{ __typename }")).get("errors")
    # when they ask once more
    response = await limited_api.post("{ __typename }")
    # then they are told to come back when a point has refilled
    assert response.status_code == 429
    assert codes(response.json()) == ["RATE_LIMITED"]
    assert 1 <= int(response.headers["retry-after"]) <= 60
    cost = response.json()["extensions"]["cost"]
    assert cost["actualQueryCost"] == 0
    assert cost["throttleStatus"]["currentlyAvailable"] == 0


async def test_each_address_has_its_own_bucket(limited_api: Api) -> None:
    for _ in range(6):
        await limited_api.post("{ __typename }")
    other = httpx.ASGITransport(app=limited_api.app, client=("10.9.8.7", 4321))
    async with httpx.AsyncClient(transport=other, base_url="http://jisr.test") as client:
        response = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 200


async def test_buckets_are_shared_through_redis(demo_url: str, tmp_path: Path) -> None:
    # given two API replicas sharing Redis, and a caller from a fresh address
    address = (f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7", 1)
    settings: dict[str, Any] = {
        "redis_url": redis_url(),
        "rate_limit_capacity": 3,
        "rate_limit_per_second": 1 / 60,
    }
    async with (
        running_api(demo_url, tmp_path / "a", **settings) as first,
        running_api(demo_url, tmp_path / "b", **settings) as second,
    ):
        try:
            statuses = []
            for replica in (first, second, first, second):
                transport = httpx.ASGITransport(app=replica.app, client=address)
                async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                    response = await client.post("/graphql", json={"query": "{ __typename }"})
                    statuses.append(response.status_code)
        finally:
            for replica in (first, second):
                assert replica.state.redis is not None
                await replica.state.redis.aclose()
    # then the fourth request, whichever replica gets it, is refused
    assert statuses == [200, 200, 200, 429]


async def test_unexpected_errors_are_masked_with_a_logged_request_id(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(*_args: Any) -> list[Any]:
        raise RuntimeError("connection string postgres://secret")

    monkeypatch.setattr("schema.node.resolve_nodes", broken)
    async with running_api(demo_url, tmp_path, compiled_reads=False) as api:
        with caplog.at_level(logging.ERROR, logger="jisr.api"):
            response = await api.client.post(
                "/graphql",
                json={"query": '{ node(id: "QWN0b3I6MQ") { id } }'},
                headers={"x-request-id": "req-4242"},
            )
    error = response.json()["errors"][0]
    assert response.status_code == 200
    assert error["extensions"] == {"code": "INTERNAL", "requestId": "req-4242"}
    assert "secret" not in response.text
    assert any("req-4242" in record.getMessage() for record in caplog.records)


def test_introspection_is_off_by_default_in_production(tmp_path: Path) -> None:
    settings = Settings(env="production", secret_key="s", data_key=new_key(), var_dir=tmp_path)
    assert not settings.introspection_allowed


async def test_introspection_can_be_switched_off(demo_url: str, tmp_path: Path) -> None:
    async with running_api(demo_url, tmp_path, introspection=False) as api:
        answer = await api.gql(INTROSPECTION)
        typename = await api.data("{ __typename }")
    assert set(codes(answer)) == {"INVALID_INPUT"}
    assert answer["data"] is None
    assert typename == {"__typename": "Query"}


async def test_introspection_is_on_in_development(demo_api: Api) -> None:
    assert await demo_api.data(INTROSPECTION) == {"__schema": {"queryType": {"name": "Query"}}}


@pytest.mark.skipif(backend_url() is None, reason="statement timeouts are PostgreSQL's")
async def test_postgresql_statements_time_out(demo_url: str, tmp_path: Path) -> None:
    async with (
        running_api(demo_url, tmp_path, statement_timeout_ms=100) as api,
        api.state.engine.connect() as connection,
    ):
        assert await connection.scalar(text("SHOW statement_timeout")) == "100ms"
        with pytest.raises(DBAPIError, match="statement timeout"):
            await connection.execute(text("SELECT pg_sleep(2)"))
