from network.enums import Role
from tests.api import Api
from tests.factories import PASSWORD, audit_entries, person

LOGIN = """
mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token user { id displayName roles } userErrors { field code }
  }
}"""


async def test_a_user_signs_in_with_email_and_password(api: Api) -> None:
    # given
    mediator = await person(api, Role.COORDINATOR, territory="MA-03")
    # when
    data = await api.data(LOGIN, {"email": mediator.email.upper(), "password": PASSWORD})
    # then
    answer = data["login"]
    assert answer["token"].startswith("jisr_")
    assert answer["user"] == {
        "id": mediator.global_id,
        "displayName": "Test user",
        "roles": ["COORDINATOR"],
    }
    assert answer["userErrors"] == []


async def test_a_wrong_password_or_unknown_email_gets_no_token(api: Api) -> None:
    # given
    someone = await person(api, Role.ADMIN)
    # when
    wrong = await api.data(LOGIN, {"email": someone.email, "password": "not the password"})
    unknown = await api.data(LOGIN, {"email": "nobody@jisr.test", "password": PASSWORD})
    # then
    for data in (wrong, unknown):
        assert data["login"] == {
            "token": None,
            "user": None,
            "userErrors": [{"field": None, "code": "UNAUTHENTICATED"}],
        }


async def test_sign_ins_are_audited_without_the_credentials(api: Api) -> None:
    # given
    someone = await person(api, Role.ADMIN)
    # when
    await api.data(LOGIN, {"email": someone.email, "password": "not the password"})
    # then
    succeeded, failed = await audit_entries(api, "login")
    assert (succeeded.outcome, succeeded.record_ids) == ("OK", [someone.global_id])
    # a failure names the account tried (so an attack on it shows), never the credentials
    assert (failed.outcome, failed.record_ids) == ("UNAUTHENTICATED", [someone.global_id])
    assert someone.email not in repr(vars(failed))
