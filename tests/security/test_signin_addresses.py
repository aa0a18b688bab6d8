"""The rate bucket of an unauthenticated request is its address: neither a junk
Authorization header nor a made-up X-Forwarded-For opens a fresh one; a trusted proxy's
X-Forwarded-For is honoured."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.security.identity_server import loopback_api

QUERY = {"query": "{ __typename }"}
# A bucket of five requests that refills too slowly to matter during a test.
SMALL_BUCKET = {"rate_limit_capacity": 5, "rate_limit_per_second": 0.0001}


async def spend(client: httpx.AsyncClient, headers: dict[str, str] | None = None) -> None:
    for _ in range(5):
        response = await client.post("/graphql", json=QUERY, headers=headers or {})
        assert response.status_code == 200, response.text
    assert (await client.post("/graphql", json=QUERY, headers=headers or {})).status_code == 429


async def test_junk_authorization_and_forged_forwarded_for_share_the_address_bucket(
    db_url: str, tmp_path: Path
) -> None:
    async with loopback_api(db_url, tmp_path / "var", **SMALL_BUCKET) as api:
        # given: the address has spent its bucket
        await spend(api.client)
        # when: the attacker varies what they may vary
        attempts = [
            {"authorization": "Basic Zm9vOmJhcg=="},
            {"authorization": "junk"},
            {"x-forwarded-for": "203.0.113.77"},
            {"x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.1"},
            {"forwarded": "for=192.0.2.60"},
        ]
        answers = [await api.client.post("/graphql", json=QUERY, headers=h) for h in attempts]
        # then: every one is still refused, as the same caller
        assert [a.status_code for a in answers] == [429] * len(attempts)
        assert {a.json()["errors"][0]["extensions"]["code"] for a in answers} == {"RATE_LIMITED"}
        # and a made-up bearer token is no way in either
        forged = await api.client.post(
            "/graphql", json=QUERY, headers={"authorization": "Bearer jisr_made-up"}
        )
        assert forged.status_code == 401


async def test_a_trusted_proxys_forwarded_for_is_honoured_and_its_left_hops_are_not(
    db_url: str, tmp_path: Path
) -> None:
    settings = {**SMALL_BUCKET, "trusted_proxies": ("127.0.0.1/32", "::1")}
    async with loopback_api(db_url, tmp_path / "var", **settings) as api:
        # given: a client behind the proxy (the proxy appends the address it saw)
        await spend(api.client, {"x-forwarded-for": "203.0.113.7"})
        # when
        neighbour = await api.client.post(
            "/graphql", json=QUERY, headers={"x-forwarded-for": "203.0.113.8"}
        )
        spoofing = await api.client.post(
            "/graphql", json=QUERY, headers={"x-forwarded-for": "192.0.2.1, 203.0.113.7"}
        )
        # then: another client behind the proxy has a bucket of its own; the first one
        # cannot escape its bucket by writing hops of its own to the left
        assert neighbour.status_code == 200
        assert spoofing.status_code == 429
