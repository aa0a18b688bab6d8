"""Integration tokens: created with a name and an expiry, the secret shown once, listed
and revoked by their owner and by ADMIN — not by another user."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from network.enums import Role
from tests.factories import person
from tests.security.identity_server import LoopbackApi, MovingClock

CREATE = """
mutation($name: String!, $at: DateTime!) {
  createApiToken(input: {name: $name, expiresAt: $at}) {
    token apiToken { id name expiresAt revokedAt user { id } } userErrors { field code }
  }
}"""
LIST = "query($user: ID) { apiTokens(userId: $user) { id name revokedAt } }"
REVOKE = "mutation($id: ID!) { revokeApiToken(id: $id) { apiToken { id revokedAt } userErrors { code } } }"  # noqa: E501


async def works(api: LoopbackApi, token: str) -> bool:
    response = await api.post("{ me { id } }", token=token)
    return response.status_code == 200


async def create(api: LoopbackApi, token: str, name: str, at: Any) -> dict[str, Any]:
    data = await api.data(CREATE, {"name": name, "at": at.isoformat()}, token)
    return data["createApiToken"]  # type: ignore[no-any-return]


async def test_an_owner_creates_lists_and_revokes_a_token_and_another_user_cannot(
    http_served: LoopbackApi, moving_clock: MovingClock
) -> None:
    # given
    owner = await person(http_served, Role.COORDINATOR, territory="MA-03")
    stranger = await person(http_served, Role.COORDINATOR, territory="MA-03")
    at = moving_clock.now() + timedelta(days=30)
    # when
    made = await create(http_served, owner.token, "ERP sync", at)
    secret, token_id = made["token"], made["apiToken"]["id"]
    # then: the secret works and is never listed
    assert made["userErrors"] == [] and secret.startswith("jisr_")
    assert made["apiToken"]["user"] == {"id": owner.global_id}
    assert await works(http_served, secret)
    listed = await http_served.data(LIST, token=owner.token)
    assert listed == {"apiTokens": [{"id": token_id, "name": "ERP sync", "revokedAt": None}]}
    assert secret not in str(listed)
    # another user neither sees nor revokes it
    assert await http_served.data(LIST, token=stranger.token) == {"apiTokens": []}
    theirs = await http_served.data(LIST, {"user": owner.global_id}, stranger.token)
    assert theirs == {"apiTokens": []}
    refused = await http_served.data(REVOKE, {"id": token_id}, stranger.token)
    assert refused["revokeApiToken"] == {"apiToken": None, "userErrors": [{"code": "NOT_FOUND"}]}
    assert await works(http_served, secret)
    # an integration token does not end when idle, only at its expiry
    moving_clock.advance(2 * 24 * 3600)
    assert await works(http_served, secret)
    # its owner revokes it
    revoked = await http_served.data(REVOKE, {"id": token_id}, secret)
    assert revoked["revokeApiToken"]["userErrors"] == []
    assert revoked["revokeApiToken"]["apiToken"]["revokedAt"] is not None
    assert not await works(http_served, secret)


async def test_admin_lists_and_revokes_anyones_token(
    http_served: LoopbackApi, moving_clock: MovingClock
) -> None:
    # given
    admin = await person(http_served, Role.ADMIN)
    owner = await person(http_served, Role.COORDINATOR, territory="MA-03")
    made = await create(
        http_served, owner.token, "dashboard", moving_clock.now() + timedelta(days=7)
    )
    # when
    listed = await http_served.data(LIST, {"user": owner.global_id}, admin.token)
    revoked = await http_served.data(REVOKE, {"id": made["apiToken"]["id"]}, admin.token)
    # then
    assert [t["name"] for t in listed["apiTokens"]] == ["dashboard"]
    assert revoked["revokeApiToken"]["userErrors"] == []
    assert not await works(http_served, made["token"])


async def test_a_token_ends_at_its_expiry_and_bad_expiries_are_refused(
    http_served: LoopbackApi, moving_clock: MovingClock
) -> None:
    # given
    owner = await person(http_served, Role.ADMIN)
    now = moving_clock.now()
    made = await create(http_served, owner.token, "nightly export", now + timedelta(days=1))
    # when / then
    past = await create(http_served, owner.token, "late", now - timedelta(minutes=1))
    too_far = await create(http_served, owner.token, "forever", now + timedelta(days=400))
    nameless = await create(http_served, owner.token, "   ", now + timedelta(days=1))
    for refused, field in ((past, "expiresAt"), (too_far, "expiresAt"), (nameless, "name")):
        assert refused["token"] is None
        assert refused["userErrors"] == [{"field": ["input", field], "code": "INVALID_INPUT"}]
    assert await works(http_served, made["token"])
    moving_clock.advance(24 * 3600)
    assert not await works(http_served, made["token"])
