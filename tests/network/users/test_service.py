"""add_user: what each role needs, refused before anything is written."""

from __future__ import annotations

import pytest

from network.enums import Role
from network.errors import InvalidInput, PermissionDenied
from network.users import service
from network.users.service import NewUser
from network.viewer import Viewer
from tests.api import Api
from tests.factories import actor, committed, territory_pk

ADMIN = Viewer(user_id=1, roles=frozenset({Role.ADMIN}))


async def test_each_role_gets_only_what_it_needs(api: Api) -> None:
    # given an actor and a territory
    home, fes = await actor(api), await territory_pk(api, "MA-FES")
    settings = api.state.settings
    refused = [
        (NewUser("a@jisr.test", "A", [Role.COORDINATOR], actor_id=home), "actorId"),
        (NewUser("b@jisr.test", "B", [Role.MEDIATOR], territory_id=fes), "territoryId"),
        (NewUser("c@jisr.test", "C", [Role.MEDIATOR], actor_id=10**9), "actorId"),
        (NewUser("d@jisr.test", "D", [Role.COORDINATOR], territory_id=10**9), "territoryId"),
        (NewUser("e@jisr.test", " ", [Role.ADMIN]), "displayName"),
        (NewUser("f@jisr.test", "F", [Role.ADMIN, Role.ADMIN]), "roles"),
        (
            NewUser("g@jisr.test", "G", [Role.MEDIATOR], actor_id=home, territory_id=fes),
            "territoryId",
        ),
    ]
    for new, field in refused:
        # when an administrator creates each one, then it is refused on its field
        with pytest.raises(InvalidInput) as error:
            await committed(api, service.add_user, viewer=ADMIN, new=new, settings=settings)
        assert error.value.field == [field], new

    # and a mediator of the actor is made, with a password nobody typed
    user, password = await committed(
        api,
        service.add_user,
        viewer=ADMIN,
        new=NewUser("h@jisr.test", "H", [Role.MEDIATOR, Role.AGENCY_STAFF], actor_id=home),
        settings=settings,
    )
    assert (user.actor_id, user.territory_id, user.active) == (home, None, True)
    assert user.password_hash and password not in user.password_hash


async def test_only_an_administrator_adds_users(api: Api) -> None:
    coordinator = Viewer(user_id=1, roles=frozenset({Role.COORDINATOR}))
    with pytest.raises(PermissionDenied):
        await committed(
            api,
            service.add_user,
            viewer=coordinator,
            new=NewUser("i@jisr.test", "I", [Role.ADMIN]),
            settings=api.state.settings,
        )
