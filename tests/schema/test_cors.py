"""Browser apps on the origins of JISR_CORS_ORIGINS may call the API; others may not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from network.settings import SettingsError, load_settings
from tests.api import Api, running_api

APP = "https://app.example.org"
APOLLO_HEADERS = (
    "authorization,content-type,apollographql-client-name,apollographql-client-version,"
    "x-apollo-operation-name,apollo-require-preflight"
)


@pytest.fixture
async def cors_api(demo_url: str, tmp_path: Path) -> AsyncIterator[Api]:
    origins = f"{APP}, http://localhost:5173"
    async with running_api(demo_url, tmp_path / "var", cors_origins=origins) as api:
        yield api


def preflight(origin: str) -> dict[str, str]:
    return {
        "origin": origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": APOLLO_HEADERS,
    }


async def test_a_preflight_from_an_allowed_origin_allows_apollos_headers(cors_api: Api) -> None:
    # when
    response = await cors_api.client.options("/graphql", headers=preflight(APP))
    # then
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == APP
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed = response.headers["access-control-allow-headers"].lower()
    for header in APOLLO_HEADERS.split(","):
        assert header in allowed


async def test_a_query_from_an_allowed_origin_carries_the_allow_origin_header(
    cors_api: Api,
) -> None:
    # when
    response = await cors_api.client.post(
        "/graphql", json={"query": "{ actors(first: 1) { totalCount } }"}, headers={"origin": APP}
    )
    # then
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == APP
    assert "x-request-id" in response.headers["access-control-expose-headers"].lower()


async def test_another_origin_is_not_allowed(cors_api: Api) -> None:
    # when
    response = await cors_api.client.options("/graphql", headers=preflight("https://evil.test"))
    # then
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_no_origin_is_allowed_by_default(demo_api: Api) -> None:
    # when
    response = await demo_api.client.post(
        "/graphql", json={"query": "{ actors(first: 1) { totalCount } }"}, headers={"origin": APP}
    )
    # then
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_a_bad_origin_is_a_settings_error_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # given
    monkeypatch.setenv("JISR_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("JISR_CORS_ORIGINS", "https://ok.example.org,app.example.org")
    # when
    with pytest.raises(SettingsError) as raised:
        load_settings()
    # then
    assert "JISR_CORS_ORIGINS" in str(raised.value)
    assert "'app.example.org'" in str(raised.value)
