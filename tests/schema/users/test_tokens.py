from network.enums import Role
from tests.api import Api
from tests.factories import actor, person

ME = "query { me { id displayName email roles language actor { id } territory { code } } }"


async def test_a_valid_token_signs_the_request_in(api: Api) -> None:
    # given
    home = await actor(api)
    staff = await person(api, Role.AGENCY_STAFF, Role.MEDIATOR, actor_id=home)
    # when
    data = await api.data(ME, token=staff.token)
    # then
    assert data["me"]["id"] == staff.global_id
    assert data["me"]["email"] == staff.email
    assert data["me"]["roles"] == ["AGENCY_STAFF", "MEDIATOR"]
    assert data["me"]["actor"] is not None
    assert data["me"]["territory"] is None


async def test_without_a_token_me_is_null(api: Api) -> None:
    # when
    data = await api.data(ME)
    # then
    assert data == {"me": None}


async def test_an_invalid_token_is_refused_with_401(api: Api) -> None:
    # when
    response = await api.post(ME, token="jisr_not-a-token")
    # then
    assert response.status_code == 401


async def test_a_malformed_authorization_header_is_anonymous_not_an_error(api: Api) -> None:
    # when
    response = await api.client.post(
        "/graphql", json={"query": ME}, headers={"authorization": "Basic abc"}
    )
    # then
    assert response.status_code == 200
    assert response.json()["data"] == {"me": None}
