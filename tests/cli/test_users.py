from pathlib import Path

import pytest

from tests.api import running_api
from tests.cli.invoke import Jisr

ME = "query { me { id displayName roles language territory { code } } }"


async def test_a_created_user_signs_in_with_a_token_from_the_command_line(
    jisr: Jisr, db_url: str, tmp_path: Path
) -> None:
    # given
    created = await jisr(
        "users", "create", "--email", "Nadia@Jisr.test", "--password", "a long secret",
        "--role", "coordinator", "--territory", "ma-03", "--language", "ar",
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    user_id = created.stdout.strip()

    # when
    issued = await jisr("tokens", "create", "--email", "nadia@jisr.test")

    # then
    assert issued.exit_code == 0, issued.output
    token = issued.stdout.strip()
    async with running_api(db_url, tmp_path / "api") as api:
        me = (await api.data(ME, token=token))["me"]
    assert me == {
        "id": user_id,
        "displayName": "Nadia",
        "roles": ["COORDINATOR"],
        "language": "AR",
        "territory": {"code": "MA-03"},
    }


@pytest.mark.parametrize(
    ("role", "where", "said"),
    [
        (["--role", "COORDINATOR", "--territory", "MA-99"], "territory", "no such territory code"),
        (["--role", "AGENCY_STAFF", "--actor", "QWN0b3I6OTk5OTk5"], "actor", "no such actor"),
    ],
    ids=["unknown territory", "missing actor"],
)
async def test_a_user_of_a_place_that_does_not_exist_is_refused(
    jisr: Jisr, role: list[str], where: str, said: str
) -> None:
    # when
    result = await jisr(
        "users", "create", "--email", "someone@jisr.test", "--password", "a long secret", *role
    )

    # then
    assert result.exit_code == 1
    assert f"{where}: {said}" in result.stderr


async def test_a_token_for_an_unknown_email_is_refused(jisr: Jisr) -> None:
    # when
    result = await jisr("tokens", "create", "--email", "nobody@jisr.test")

    # then
    assert result.exit_code == 1
    assert "no user with this email" in result.stderr
    assert result.stdout == ""
