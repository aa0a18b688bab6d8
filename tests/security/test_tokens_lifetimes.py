"""Sign-in tokens end: at their absolute lifetime, when idle, at logout, when the password
changes (the other sessions) and when ADMIN deactivates their user."""

from __future__ import annotations

from datetime import timedelta

from network.enums import Role
from tests.factories import PASSWORD, person
from tests.security.identity_server import LoopbackApi, MovingClock
from tests.security.signin_helpers import login

ME = "{ me { id } }"
HOUR = 3600


async def signed_in(api: LoopbackApi, token: str) -> bool:
    """Whether the token still signs a request in (401 when it does not)."""
    response = await api.post(ME, token=token)
    assert response.status_code in (200, 401), response.text
    return response.status_code == 200 and response.json()["data"]["me"] is not None


async def test_a_token_kept_busy_still_ends_at_its_absolute_lifetime(
    http_served: LoopbackApi, moving_clock: MovingClock
) -> None:
    # given
    someone = await person(http_served, Role.COORDINATOR, territory="MA-03")
    # when: used every half hour
    alive = []
    for _ in range(24):
        moving_clock.advance(HOUR / 2)
        alive.append(await signed_in(http_served, someone.token))
    # then: 12 hours (JISR_SESSION_LIFETIME_HOURS), then refused
    assert alive == [True] * 23 + [False]


async def test_an_idle_token_ends_and_a_used_one_lives_on(
    http_served: LoopbackApi, moving_clock: MovingClock
) -> None:
    # given
    busy = await person(http_served, Role.ADMIN)
    idle = await person(http_served, Role.ADMIN)
    # when / then: 59 minutes between uses is within JISR_SESSION_IDLE_MINUTES (60)
    for _ in range(3):
        moving_clock.advance(59 * 60)
        assert await signed_in(http_served, busy.token)
    assert not await signed_in(http_served, idle.token)


async def test_logout_ends_this_token_only(http_served: LoopbackApi) -> None:
    # given: one person signed in twice
    someone = await person(http_served, Role.ADMIN)
    other_session = (await login(http_served.client, someone.email, PASSWORD))["token"]
    # when
    answer = await http_served.data(
        "mutation { logout { userErrors { code } } }", token=someone.token
    )
    # then
    assert answer["logout"]["userErrors"] == []
    assert not await signed_in(http_served, someone.token)
    assert await signed_in(http_served, other_session)
    anonymous = await http_served.data("mutation { logout { userErrors { code } } }")
    assert anonymous["logout"]["userErrors"] == [{"code": "UNAUTHENTICATED"}]


CHANGE = """
mutation($current: String!, $new: String!) {
  changePassword(input: {currentPassword: $current, newPassword: $new}) {
    user { id } userErrors { field code }
  }
}"""


async def test_change_password_checks_the_current_one_and_ends_the_other_sessions(
    http_served: LoopbackApi, moving_clock: MovingClock
) -> None:
    # given
    someone = await person(http_served, Role.COORDINATOR, territory="MA-03")
    laptop = (await login(http_served.client, someone.email, PASSWORD))["token"]
    new = "une phrase de passe assez longue"
    # when: the wrong current password, then the right one
    wrong = await http_served.data(CHANGE, {"current": "not it at all", "new": new}, someone.token)
    right = await http_served.data(CHANGE, {"current": PASSWORD, "new": new}, someone.token)
    # then
    assert wrong["changePassword"]["userErrors"] == [
        {"field": ["input", "currentPassword"], "code": "UNAUTHENTICATED"}
    ]
    assert right["changePassword"] == {"user": {"id": someone.global_id}, "userErrors": []}
    assert await signed_in(http_served, someone.token)
    assert not await signed_in(http_served, laptop)
    assert (await login(http_served.client, someone.email, PASSWORD))["code"] == "UNAUTHENTICATED"
    moving_clock.advance(1)  # the wait after that failure
    assert (await login(http_served.client, someone.email, new))["token"] is not None


DEACTIVATE = "mutation($id: ID!) { deactivateUser(id: $id) { user { id } userErrors { code } } }"
CREATE_TOKEN = """
mutation($at: DateTime!) { createApiToken(input: {name: "sync", expiresAt: $at}) {
  token userErrors { code } } }"""


async def test_deactivating_a_user_ends_every_token_of_theirs(
    http_served: LoopbackApi, moving_clock: MovingClock
) -> None:
    # given: a user with a session and an integration token
    admin = await person(http_served, Role.ADMIN)
    user = await person(http_served, Role.COORDINATOR, territory="MA-03")
    other = await person(http_served, Role.COORDINATOR, territory="MA-03")
    in_a_month = (moving_clock.now() + timedelta(days=30)).isoformat()
    created = await http_served.data(CREATE_TOKEN, {"at": in_a_month}, user.token)
    integration = created["createApiToken"]["token"]
    assert await signed_in(http_served, integration)
    # when: someone not ADMIN tries, then ADMIN does it
    refused = await http_served.data(DEACTIVATE, {"id": user.global_id}, other.token)
    done = await http_served.data(DEACTIVATE, {"id": user.global_id}, admin.token)
    # then
    assert refused["deactivateUser"]["userErrors"] == [{"code": "PERMISSION_DENIED"}]
    assert done["deactivateUser"] == {"user": {"id": user.global_id}, "userErrors": []}
    assert not await signed_in(http_served, user.token)
    assert not await signed_in(http_served, integration)
    assert (await login(http_served.client, user.email, PASSWORD))["code"] == "UNAUTHENTICATED"
    assert await signed_in(http_served, other.token)
