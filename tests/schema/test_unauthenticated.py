"""A bad bearer token is answered in GraphQL's shape, with RFC 6750's challenge."""

from __future__ import annotations

from tests.api import Api

ACTORS = "{ actors(first: 1) { totalCount } }"


async def test_an_unknown_token_gets_401_with_a_graphql_error_even_for_the_public_map(
    demo_api: Api,
) -> None:
    # when
    response = await demo_api.post(ACTORS, token="jisr_not-a-token")
    # then
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json"
    assert response.headers["www-authenticate"] == 'Bearer realm="jisr", error="invalid_token"'
    answer = response.json()
    assert answer["data"] is None
    [error] = answer["errors"]
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert error["message"] == "invalid or expired token"


async def test_a_get_query_with_an_unknown_token_gets_the_same_answer(demo_api: Api) -> None:
    # when
    response = await demo_api.client.get(
        "/graphql",
        params={"query": ACTORS},
        headers={"authorization": "Bearer jisr_gone", "accept": "application/json"},
    )
    # then
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "invalid_token" in response.headers["www-authenticate"]


async def test_other_http_refusals_keep_their_status(demo_api: Api) -> None:
    # when
    response = await demo_api.client.post(
        "/graphql", content=b"{not json", headers={"content-type": "application/json"}
    )
    # then
    assert response.status_code == 400
