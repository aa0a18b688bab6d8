from __future__ import annotations

from datetime import date

import shapely

from network.enums import Role, ServiceAxis
from network.seed.demo_actors import ACTORS
from network.seed.users import DEMO_PASSWORD, DEMO_USERS
from network.territories import geometry
from tests.api import Api
from tests.databases import Databases
from tests.network.seed.rows import rows_of

# (south, north, west, east): rough bounding boxes of the provinces the demo uses.


DEMO_DAY = date(2026, 11, 22)


async def seeded_database(databases: Databases) -> str:
    return await databases.create_migrated(seed_demo=True, today=DEMO_DAY)


async def test_demo_network_is_large_enough_and_covers_every_axis(demo_url: str) -> None:
    actors = await rows_of(demo_url, "actors")
    services = await rows_of(demo_url, "services")

    assert len(actors) >= 60
    assert len(services) >= 200
    assert {row["axis"] for row in services} == set(ServiceAxis)


async def test_demo_actors_lie_inside_their_province(demo_url: str) -> None:
    actors = await rows_of(demo_url, "actors")
    territories = {row["id"]: row for row in await rows_of(demo_url, "territories")}

    for actor in actors:
        territory = territories[actor["territory_id"]]
        if territory["level"] == "COMMUNE":  # placed in its commune by its coordinates
            assert geometry.commune_at(actor["latitude"], actor["longitude"]) == territory["code"]
            territory = territories[territory["parent_id"]]
        province = geometry.shapes().by_code[territory["code"]]
        point = shapely.Point(actor["longitude"], actor["latitude"])
        assert province.covers(point), actor["names"]


async def test_every_role_has_a_demo_user(demo_url: str) -> None:
    users = await rows_of(demo_url, "users")

    assert {role for user in users for role in user["roles"]} == set(Role)


async def test_two_demo_seeds_write_identical_rows(databases: Databases) -> None:
    first, second = await seeded_database(databases), await seeded_database(databases)

    for name in ("actors", "services", "service_areas"):
        assert await rows_of(first, name) == await rows_of(second, name)
    assert await rows_of(first, "users", "password_hash") == await rows_of(
        second, "users", "password_hash"
    )


ME = "query { me { email roles actor { name(lang: FR) } territory { code } } }"


async def test_every_demo_login_signs_in_as_documented(api: Api) -> None:
    actor_names = {actor.key: actor.fr for actor in ACTORS}

    for user in DEMO_USERS:
        token = await api.login(user.email, DEMO_PASSWORD)
        me = (await api.data(ME, token=token))["me"]

        assert me["email"] == user.email
        assert me["roles"] == [str(role) for role in user.roles]
        assert (me["actor"] or {}).get("name") == actor_names.get(user.actor or "")
        assert (me["territory"] or {}).get("code") == user.territory
