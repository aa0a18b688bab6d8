from network.enums import Role
from tests.api import Api
from tests.factories import audit_entries, person

UPDATE_MY_PROFILE = """
mutation($input: UpdateMyProfileInput!) {
  updateMyProfile(input: $input) {
    user { id displayName phone language preferences { kind channels } }
    userErrors { field code }
  }
}"""


async def test_a_user_updates_their_own_profile(api: Api) -> None:
    # given
    someone = await person(api, Role.COORDINATOR, territory="MA-05")
    change = {"displayName": "  Salma B.  ", "phone": "+212 600 00 00 00", "language": "AR"}
    # when
    data = await api.data(UPDATE_MY_PROFILE, {"input": change}, someone.token)
    # then
    user = data["updateMyProfile"]["user"]
    assert data["updateMyProfile"]["userErrors"] == []
    assert (user["id"], user["displayName"], user["phone"], user["language"]) == (
        someone.global_id,
        "Salma B.",
        "+212 600 00 00 00",
        "AR",
    )


async def test_preferences_replace_the_channels_of_the_kinds_given(api: Api) -> None:
    # given
    someone = await person(api, Role.ADMIN)
    first = [
        {"kind": "REFERRAL_RECEIVED", "channels": ["EMAIL", "SMS"]},
        {"kind": "FOLLOW_UP_DUE", "channels": ["IN_APP"]},
    ]
    await api.data(UPDATE_MY_PROFILE, {"input": {"preferences": first}}, someone.token)
    # when
    second = [
        {"kind": "REFERRAL_RECEIVED", "channels": ["IN_APP", "IN_APP"]},
        {"kind": "ACTOR_DATA_STALE", "channels": []},
    ]
    data = await api.data(UPDATE_MY_PROFILE, {"input": {"preferences": second}}, someone.token)
    # then
    assert data["updateMyProfile"]["user"]["preferences"] == [
        {"kind": "ACTOR_DATA_STALE", "channels": []},
        {"kind": "FOLLOW_UP_DUE", "channels": ["IN_APP"]},
        {"kind": "REFERRAL_RECEIVED", "channels": ["IN_APP"]},
    ]


async def test_an_omitted_field_is_unchanged_and_a_null_phone_cleared(api: Api) -> None:
    # given
    someone = await person(api, Role.ADMIN)
    await api.data(UPDATE_MY_PROFILE, {"input": {"phone": "0600", "language": "EN"}}, someone.token)
    # when
    data = await api.data(UPDATE_MY_PROFILE, {"input": {"phone": None}}, someone.token)
    # then
    user = data["updateMyProfile"]["user"]
    assert (user["phone"], user["language"], user["displayName"]) == (None, "EN", "Test user")


async def test_anonymous_callers_have_no_profile_to_update(api: Api) -> None:
    # when
    data = await api.data(UPDATE_MY_PROFILE, {"input": {"displayName": "X"}})
    # then
    assert data["updateMyProfile"] == {
        "user": None,
        "userErrors": [{"field": None, "code": "UNAUTHENTICATED"}],
    }


async def test_bad_profile_input_is_refused_field_by_field(api: Api) -> None:
    # given
    someone = await person(api, Role.ADMIN)
    twice = [
        {"kind": "FOLLOW_UP_DUE", "channels": ["SMS"]},
        {"kind": "FOLLOW_UP_DUE", "channels": ["EMAIL"]},
    ]
    cases = [
        ({"phone": "0" * 41}, ["input", "phone"]),
        ({"displayName": "   "}, ["input", "displayName"]),
        ({"displayName": "x" * 10_000}, ["input", "displayName"]),
        ({"displayName": "Salma\u0000"}, ["input", "displayName"]),
        ({"preferences": twice}, ["input", "preferences"]),
    ]
    for change, field in cases:
        # when
        data = await api.data(UPDATE_MY_PROFILE, {"input": change}, someone.token)
        # then
        assert data["updateMyProfile"]["userErrors"] == [{"field": field, "code": "INVALID_INPUT"}]
    me = await api.data("query { me { displayName phone } }", token=someone.token)
    assert me["me"] == {"displayName": "Test user", "phone": None}


async def test_a_profile_update_is_audited_without_the_values(api: Api) -> None:
    # given
    someone = await person(api, Role.ADMIN)
    # when
    await api.data(UPDATE_MY_PROFILE, {"input": {"phone": "+212 611 22 33 44"}}, someone.token)
    # then
    [entry] = await audit_entries(api, "updateMyProfile")
    assert (entry.user_id, entry.outcome, entry.record_ids) == (
        someone.id,
        "OK",
        [someone.global_id],
    )
    assert "611" not in repr(vars(entry))
