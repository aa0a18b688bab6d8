"""ADMIN's users: the list with its search, a new user with a temporary password shown
once, and what a deactivated user's list row says; everyone else is refused."""

from __future__ import annotations

from typing import Any

from network.enums import Role
from network.ids import to_global_id
from network.users.models import User
from tests.api import Api
from tests.factories import actor, audit_entries, count, person, territory_pk

CREATE = """
mutation($input: CreateUserInput!) {
  createUser(input: $input) {
    user { id displayName email roles active territory { code } actor { id } }
    temporaryPassword
    userErrors { field code }
  }
}
"""
USERS = "query($s: String) { users(search: $s) { totalCount nodes { id email active } } }"
DEACTIVATE = "mutation($id: ID!) { deactivateUser(id: $id) { userErrors { code } } }"


async def test_admin_creates_a_coordinator_who_signs_in_with_the_temporary_password(
    api: Api,
) -> None:
    # given an administrator
    admin = await person(api, Role.ADMIN)
    fes = to_global_id("Territory", await territory_pk(api, "MA-FES"))

    # when they create a coordinator of Fès
    answer = await api.data(
        CREATE,
        {
            "input": {
                "email": " New.Coordinator@Jisr.test ",
                "displayName": "Nouvelle coordinatrice",
                "roles": ["COORDINATOR"],
                "territoryId": fes,
            }
        },
        token=admin.token,
    )

    # then the user exists, active, and the temporary password signs them in
    created: Any = answer["createUser"]
    assert created["userErrors"] == []
    user = created["user"]
    assert user["email"] == "new.coordinator@jisr.test"
    assert user["roles"] == ["COORDINATOR"] and user["active"] is True
    assert user["territory"]["code"] == "MA-FES" and user["actor"] is None
    assert len(created["temporaryPassword"]) >= 20
    assert await api.login("new.coordinator@jisr.test", created["temporaryPassword"])
    entries = await audit_entries(api, "createUser")
    assert [(e.outcome, e.record_ids) for e in entries] == [("OK", [user["id"]])]
    assert created["temporaryPassword"] not in str([e.record_ids for e in entries])

    # and the list finds them by a part of their email
    found = (await api.data(USERS, {"s": "NEW.coord"}, token=admin.token))["users"]
    assert found["totalCount"] == 1
    assert found["nodes"] == [{"id": user["id"], "email": user["email"], "active": True}]


async def test_a_mediator_needs_an_actor_and_nothing_is_written(api: Api) -> None:
    admin = await person(api, Role.ADMIN)
    before = await count(api, User)

    answer = await api.data(
        CREATE,
        {"input": {"email": "m@jisr.test", "displayName": "M", "roles": ["MEDIATOR"]}},
        token=admin.token,
    )

    created: Any = answer["createUser"]
    assert created["user"] is None and created["temporaryPassword"] is None
    assert created["userErrors"] == [{"field": ["input", "actorId"], "code": "INVALID_INPUT"}]
    assert await count(api, User) == before


async def test_a_deactivated_user_is_listed_inactive(api: Api) -> None:
    admin = await person(api, Role.ADMIN)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=await actor(api))

    await api.data(DEACTIVATE, {"id": staff.global_id}, token=admin.token)

    found = (await api.data(USERS, {"s": staff.email}, token=admin.token))["users"]
    assert found["nodes"] == [{"id": staff.global_id, "email": staff.email, "active": False}]


async def test_only_admin_lists_and_creates_users(api: Api) -> None:
    # given a coordinator and the staff of an actor
    coordinator = await person(api, Role.COORDINATOR, territory="MA-FES")
    staff = await person(api, Role.AGENCY_STAFF, actor_id=await actor(api))
    before = await count(api, User)
    new = {"email": "x@jisr.test", "displayName": "X", "roles": ["ADMIN"]}

    for someone in (coordinator, staff):
        # when they list users or create one
        listed = await api.gql(USERS, token=someone.token)
        created: Any = (await api.data(CREATE, {"input": new}, token=someone.token))["createUser"]
        me = await api.data("{ me { active } }", token=someone.token)

        # then they are refused, and do not learn whether they are active
        assert listed["data"] is None
        assert listed["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
        assert created["userErrors"] == [{"field": None, "code": "PERMISSION_DENIED"}]
        assert me == {"me": {"active": None}}
    anonymous = await api.gql(USERS)
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await count(api, User) == before


SET_ROLES = """
mutation($input: SetUserRolesInput!) {
  setUserRoles(input: $input) {
    user { id roles actor { id } territory { code } }
    userErrors { field code }
  }
}
"""


async def test_admin_makes_a_staff_member_a_coordinator_at_once(api: Api) -> None:
    # given an administrator and a staff member signed in
    admin = await person(api, Role.ADMIN)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=await actor(api))
    fes = to_global_id("Territory", await territory_pk(api, "MA-FES"))
    change = {"id": staff.global_id, "roles": ["COORDINATOR"], "territoryId": fes}

    # when the administrator makes them a coordinator of Fès
    answer: Any = (await api.data(SET_ROLES, {"input": change}, token=admin.token))["setUserRoles"]

    # then they are, from their very next request, and no longer of the actor
    assert answer["userErrors"] == []
    assert answer["user"]["roles"] == ["COORDINATOR"] and answer["user"]["actor"] is None
    me = await api.data("{ me { roles territory { code } } }", token=staff.token)
    assert me == {"me": {"roles": ["COORDINATOR"], "territory": {"code": "MA-FES"}}}
    assert [e.outcome for e in await audit_entries(api, "setUserRoles")] == ["OK"]


async def test_roles_are_set_by_admin_only_and_an_admin_keeps_their_own(api: Api) -> None:
    admin = await person(api, Role.ADMIN)
    coordinator = await person(api, Role.COORDINATOR, territory="MA-FES")
    promote = {"id": coordinator.global_id, "roles": ["ADMIN"]}
    fes = to_global_id("Territory", await territory_pk(api, "MA-FES"))
    demote = {"id": admin.global_id, "roles": ["COORDINATOR"], "territoryId": fes}

    # when a coordinator makes themselves ADMIN, and the administrator drops their own role
    refused: Any = await api.data(SET_ROLES, {"input": promote}, token=coordinator.token)
    own: Any = await api.data(SET_ROLES, {"input": demote}, token=admin.token)

    # then both are refused, and nobody's roles changed
    assert refused["setUserRoles"]["userErrors"] == [{"field": None, "code": "PERMISSION_DENIED"}]
    assert own["setUserRoles"]["userErrors"] == [
        {"field": ["input", "roles"], "code": "INVALID_INPUT"}
    ]
    assert await api.data("{ me { roles } }", token=coordinator.token) == {
        "me": {"roles": ["COORDINATOR"]}
    }
    assert await api.data("{ me { roles } }", token=admin.token) == {"me": {"roles": ["ADMIN"]}}
