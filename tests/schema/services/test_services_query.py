"""The service search on the demo network, each filter checked by hand.

Demo services are numbered in actor order (see ``/network/seed/demo.py``); services 38,
132 and 183 are inactive, and actors 35 (services 106-108) and 52 (160-161) too; the
counts come from the seed's definitions (tests/demo_data.py).
"""

from functools import partial
from typing import Any

import pytest

from network.ids import to_global_id
from network.seed.users import DEMO_PASSWORD
from tests.api import Api
from tests.demo_data import PUBLIC_SERVICES
from tests.schema.actors.rows import territory_global_id
from tests.schema.connections import first_hundred, global_ids

SERVICES = """
query($filter: ServiceFilter, $first: Int, $after: String) {
  services(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""


service_ids = partial(global_ids, "Service")
services = partial(first_hundred, query=SERVICES)


async def found(api: Api, filter: dict[str, Any], token: str | None = None) -> list[str]:
    connection = await services(api, filter, token)
    assert connection["totalCount"] == len(connection["edges"])
    return [edge["node"]["id"] for edge in connection["edges"]]


async def test_pages_walk_every_listed_service_once_in_creation_order(demo_api: Api) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = await services(demo_api, first=50, after=after)
        assert page["totalCount"] == len(PUBLIC_SERVICES)
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    hidden = {38, 132, 183, 106, 107, 108, 160, 161}
    assert seen == service_ids(*(pk for pk in range(1, 242) if pk not in hidden))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # MA-MOU: the complex's coordination (area MA-FES, MA-MOU), the Fès-Meknès
        # employment agencies' region-wide placement and business creation, and the
        # international partner's grants and mentors (all three regions)
        ("MA-MOU", [16, 31, 33, 69, 71, 102, 104, 130, 131]),
        # MA-SKH: region-wide services of Rabat-Salé-Kénitra, the health-cover desk (129)
        # and Témara Solidarité's own (no area: its actor's territory)
        ("MA-SKH", [116, 118, 124, 126, 129, 130, 131, 165, 167, 180, 181, 182]),
    ],
)
async def test_territory_matches_service_areas_or_else_the_actors_territory(
    demo_api: Api, code: str, expected: list[int]
) -> None:
    territory_id = await territory_global_id(demo_api, code)

    assert await found(demo_api, {"territoryId": territory_id}) == service_ids(*expected)


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        # transition housing of the region's care institutions, the mobile night aid (19,
        # area MA-FES, MA-MEK, MA-SEF) and emergency shelter, Bidaya's housing support
        (["social.housing"], [2, 5, 19, 20, 55, 60, 85]),
        # not Rabat's youth psychiatry (124, area MA-04)
        (["health.mental-health"], [18, 36]),
    ],
)
async def test_a_region_holds_services_with_areas_under_it(
    demo_api: Api, codes: list[str], expected: list[int]
) -> None:
    filter = {"territoryId": await territory_global_id(demo_api, "MA-03"), "categoryCodes": codes}

    assert await found(demo_api, filter) == service_ids(*expected)


async def test_actor_id(demo_api: Api) -> None:
    assert await found(demo_api, {"actorId": to_global_id("Actor", 6)}) == service_ids(19, 20)


async def test_an_inactive_actors_services_are_its_staffs_only(api: Api) -> None:
    staff = await api.login("staff.tawassol@jisr.example.ma", DEMO_PASSWORD)
    tawassol = {"actorId": to_global_id("Actor", 35)}

    assert await found(api, tawassol) == []
    assert await found(api, tawassol, staff) == service_ids(106, 107, 108)


async def test_staff_see_their_actors_inactive_services(api: Api) -> None:
    staff = await api.login("staff.sante-jeunes-fes@jisr.example.ma", DEMO_PASSWORD)
    health_space = {"actorId": to_global_id("Actor", 11)}

    assert await found(api, health_space) == service_ids(35, 36, 37)
    assert await found(api, health_space, staff) == service_ids(35, 36, 37, 38)


async def test_axes_and_categories(demo_api: Api) -> None:
    filter = {"axes": ["HEALTH"], "categoryCodes": ["health.addiction"]}

    assert await found(demo_api, filter) == service_ids(37, 126)


async def test_accepts_referrals_needs_the_service_and_its_actor(demo_api: Api) -> None:
    refusing = await found(demo_api, {"acceptsReferrals": False})
    accepting = await services(demo_api, {"acceptsReferrals": True})

    assert refusing == service_ids(*(s.id for s in PUBLIC_SERVICES if not s.accepts_referrals))
    assert accepting["totalCount"] == sum(s.accepts_referrals for s in PUBLIC_SERVICES)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("medecin", [35]),
        ("اسعاف", [19]),
        ("Maroquinerie", [30]),
        ("%", None),  # folds to nothing: every service
        ("_", []),
    ],
)
async def test_search(demo_api: Api, search: str, expected: list[int] | None) -> None:
    connection = await services(demo_api, {"search": search})

    if expected is None:
        assert connection["totalCount"] == len(PUBLIC_SERVICES)
    else:
        assert [e["node"]["id"] for e in connection["edges"]] == service_ids(*expected)


async def test_eligible_age_and_capacity(demo_api: Api) -> None:
    # the women's space: listening (15+), sewing (16-35, no place left), literacy (15+, 9 left)
    women = to_global_id("Actor", 7)

    assert await found(demo_api, {"actorId": women, "eligibleAge": 40}) == service_ids(21, 23)
    assert await found(demo_api, {"actorId": women, "hasCapacity": True}) == service_ids(23)
    assert await found(demo_api, {"actorId": women, "hasCapacity": False}) == service_ids(21, 22)
