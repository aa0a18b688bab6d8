"""Passwords: at least 12 characters for ADMIN and 8 for others, not blank, not the email,
not common (zxcvbn) — wherever one is set: changePassword and `jisr users create`."""

from __future__ import annotations

from pathlib import Path

import pytest

from network.enums import Role
from tests.cli.invoke import jisr_on
from tests.factories import PASSWORD, person
from tests.security.identity_server import LoopbackApi

CHANGE = """
mutation($new: String!) {
  changePassword(input: {currentPassword: "a long enough password", newPassword: $new}) {
    user { id } userErrors { field code }
  }
}"""


async def refusal(api: LoopbackApi, token: str, new: str) -> str | None:
    answer = (await api.data(CHANGE, {"new": new}, token))["changePassword"]
    if not answer["userErrors"]:
        return None
    assert answer["userErrors"][0]["field"] == ["input", "newPassword"]
    return answer["userErrors"][0]["code"]  # type: ignore[no-any-return]


async def test_weak_passwords_are_refused_with_a_code_per_rule(http_served: LoopbackApi) -> None:
    # given
    staff = await person(http_served, Role.COORDINATOR, territory="MA-03")
    admin = await person(http_served, Role.ADMIN)
    local_part = staff.email.split("@")[0]
    # when / then
    assert await refusal(http_served, staff.token, "         ") == "PASSWORD_BLANK"
    assert await refusal(http_served, staff.token, "kX9#vq2") == "PASSWORD_TOO_SHORT"
    assert await refusal(http_served, admin.token, "kX9#vq2!Lm0") == "PASSWORD_TOO_SHORT"
    assert await refusal(http_served, staff.token, staff.email.upper()) == "PASSWORD_IS_EMAIL"
    assert await refusal(http_served, staff.token, local_part) == "PASSWORD_IS_EMAIL"
    for common in ("password123", "iloveyou1", "qwertyuiop", "azerty123456"):
        assert await refusal(http_served, staff.token, common) == "PASSWORD_TOO_WEAK", common
    assert await refusal(http_served, admin.token, "Password1234") == "PASSWORD_TOO_WEAK"
    # nothing changed: the old password still signs in
    assert await http_served.login(staff.email, PASSWORD)
    # a strong one is taken
    assert await refusal(http_served, staff.token, "kX9#vq2!Lm") is None
    assert await refusal(http_served, admin.token, "glacier tangerine 47 balcony") is None


@pytest.mark.parametrize(
    ("password", "expected"),
    [("password123456", "common or easy to guess"), ("short", "at least 12 characters")],
)
async def test_jisr_users_create_refuses_a_weak_password(
    db_url: str, tmp_path: Path, password: str, expected: str
) -> None:
    # given
    jisr = jisr_on(db_url, tmp_path / "var")
    # when
    result = await jisr(
        "users", "create", "--email", "new-admin@jisr.test", "--password", password,
        "--role", "admin",
    )  # fmt: skip
    # then
    assert result.exit_code == 1
    assert "password: " in result.stderr and expected in result.stderr
