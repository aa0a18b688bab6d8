"""Production defaults, as a browser or a scanner meets them: security headers, no
GraphiQL, no field suggestions with introspection off, no bidirectional tricks in names."""

from __future__ import annotations

from pathlib import Path

import httpx

from network.seed.users import DEMO_PASSWORD
from tests.api import Api, running_api
from tests.security.conftest import served_api

MEDIATOR = "mediation.dar-al-amal@jisr.example.ma"
TYPO = "{ actrs { id } }"
PROFILE = """
mutation($name: String) {
  updateMyProfile(input: {displayName: $name}) { userErrors { field code } }
}
"""


async def test_every_answer_carries_the_security_headers(api: Api) -> None:
    token = await api.login(MEDIATOR, DEMO_PASSWORD)
    signed_in = await api.post("{ me { id } }", token=token)
    anonymous = await api.client.get("/healthz")
    page = await api.client.get("/graphql", headers={"accept": "text/html"})

    for answer in (signed_in, anonymous, page):
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert "strict-transport-security" not in answer.headers  # plain HTTP here
    assert signed_in.headers["cache-control"] == "no-store"
    assert "no-store" not in anonymous.headers.get("cache-control", "")
    # the GraphiQL page (development) loads from Jisr itself only
    assert "graphiql" in page.text.lower()
    policy = page.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "https:" not in policy
    assert signed_in.headers["content-security-policy"].startswith("default-src 'none'")


async def test_hsts_over_https(db_url: str, tmp_path: Path) -> None:
    # TLS ends at the deployment's proxy; the app is asked as the proxy asks it
    async with running_api(db_url, tmp_path / "var") as api:
        transport = httpx.ASGITransport(app=api.app)
        async with httpx.AsyncClient(transport=transport, base_url="https://jisr.test") as client:
            answer = await client.get("/healthz")
    assert answer.headers["strict-transport-security"].startswith("max-age=")


async def test_production_serves_no_graphiql_and_no_suggestions(
    api: Api, module_db_url: str, tmp_path: Path
) -> None:
    async with served_api(module_db_url, tmp_path / "var", JISR_ENV="production") as production:
        page = await production.client.get("/graphql", headers={"accept": "text/html"})
        typo = await production.gql(TYPO)
        enum_typo = await production.gql("{ actors(filter: {axes: [HEALT]}) { totalCount } }")
    assert page.status_code != 200 or "graphiql" not in page.text.lower()
    for answer in (typo, enum_typo):
        message = answer["errors"][0]["message"]
        assert "Did you mean" not in message and answer["errors"][0]["extensions"]["code"]
    async with served_api(
        module_db_url, tmp_path / "var", JISR_ENV="production", JISR_GRAPHIQL="true"
    ) as with_graphiql:
        page = await with_graphiql.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()
    # while in development (introspection on) suggestions stay, for developers
    assert "Did you mean" in (await api.gql(TYPO))["errors"][0]["message"]


async def test_names_refuse_bidirectional_overrides(api: Api) -> None:
    token = await api.login(MEDIATOR, DEMO_PASSWORD)
    for trick in ("Admin\u202enimda", "\u2067Jisr\u2069", "x\u202dy"):
        answer = (await api.data(PROFILE, {"name": trick}, token))["updateMyProfile"]
        assert answer["userErrors"] == [
            {"field": ["input", "displayName"], "code": "INVALID_INPUT"}
        ]
    # while mixed Arabic and French with ordinary marks is kept
    kept = await api.data(PROFILE, {"name": "Médiation \u200fدار الأمل"}, token)
    assert kept["updateMyProfile"]["userErrors"] == []
