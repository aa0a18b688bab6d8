"""The actor map on the demo network, each filter and order checked by hand.

Demo actor ``n`` of ``network/seed/demo_actors.py`` has id ``n``; actors 35 and 52 are
inactive, so the public sees 75 of the 77.
"""

from functools import partial
from typing import Any

import pytest

from network.seed.users import DEMO_PASSWORD
from tests.api import Api
from tests.demo_data import ACTIVE_ACTORS, PUBLIC_SERVICES
from tests.schema.actors.rows import territory_global_id
from tests.schema.connections import first_hundred, global_ids

ACTORS = """
query($filter: ActorFilter, $orderBy: ActorOrder, $first: Int, $after: String) {
  actors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor distanceKm node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
FES = {"latitude": 34.03, "longitude": -5.0}
SEFROU = {"latitude": 33.83, "longitude": -4.83}
CARE_INSTITUTIONS = [1, 2, 20, 28, 36, 47, 53, 60, 68]


actor_ids = partial(global_ids, "Actor")
actors = partial(first_hundred, query=ACTORS)


async def found(api: Api, filter: dict[str, Any] | None = None, **arguments: Any) -> list[str]:
    connection = await actors(api, filter, **arguments)
    assert connection["totalCount"] == len(connection["edges"])
    return [edge["node"]["id"] for edge in connection["edges"]]


async def test_the_public_sees_active_actors_in_creation_order(demo_api: Api) -> None:
    connection = await actors(demo_api)

    visible = [pk for pk in range(1, 78) if pk not in (35, 52)]
    assert [e["node"]["id"] for e in connection["edges"]] == actor_ids(*visible)
    assert connection["totalCount"] == len(ACTIVE_ACTORS)
    assert {e["distanceKm"] for e in connection["edges"]} == {None}


async def test_the_default_page_holds_twenty(demo_api: Api) -> None:
    connection = (await demo_api.data(ACTORS))["actors"]

    assert len(connection["edges"]) == 20
    assert connection["pageInfo"]["hasNextPage"] is True
    assert connection["pageInfo"]["startCursor"] == connection["edges"][0]["cursor"]
    assert connection["pageInfo"]["endCursor"] == connection["edges"][-1]["cursor"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("MA-TAZ", [32, 33, 34]),  # 35 is inactive
        ("MA-SKH", [59]),
        ("MA-MOU", []),
        ("MA-05", list(range(60, 78))),
    ],
)
async def test_territory_takes_its_whole_subtree(
    demo_api: Api, code: str, expected: list[int]
) -> None:
    territory_id = await territory_global_id(demo_api, code)

    assert await found(demo_api, {"territoryId": territory_id}) == actor_ids(*expected)


async def test_a_region_holds_its_provinces_actors(demo_api: Api) -> None:
    region = await found(demo_api, {"territoryId": await territory_global_id(demo_api, "MA-03")})

    assert region == actor_ids(*(pk for pk in range(1, 36) if pk != 35))


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["INTERNATIONAL_PARTNER"], [43]),
        (["CARE_INSTITUTION"], CARE_INSTITUTIONS),
        (["PUBLIC_SERVICE", "LOCAL_AUTHORITY"], [15, 31, 41, 42, 58, 67]),
    ],
)
async def test_kinds(demo_api: Api, kinds: list[str], expected: list[int]) -> None:
    assert await found(demo_api, {"kinds": kinds}) == actor_ids(*expected)


async def test_empty_lists_restrict_nothing(demo_api: Api) -> None:
    connection = await actors(demo_api, {"kinds": [], "axes": [], "categoryCodes": []})

    assert connection["totalCount"] == len(ACTIVE_ACTORS)


async def test_axes_match_actors_with_an_active_service_on_one(demo_api: Api) -> None:
    # health facilities, plus the child-protection unit (5) and the health-cover desk (42)
    expected = [5, 11, 12, 24, 30, 40, 42, 51, 64, 70, 74]

    assert await found(demo_api, {"axes": ["HEALTH"]}) == actor_ids(*expected)


@pytest.mark.parametrize(
    "codes",
    [["health.addiction"], ["participation.volunteering"], ["health.addiction", "social.housing"]],
)
async def test_category_codes(demo_api: Api, codes: list[str]) -> None:
    # the active actors with an active service of one of the categories (an inactive
    # service, or actor, is not listed), by the seed's definitions
    offering = {s.actor_id for s in PUBLIC_SERVICES if s.service.category in codes}
    assert offering, "the demo must offer these categories"

    assert await found(demo_api, {"categoryCodes": codes}) == actor_ids(*sorted(offering))


async def test_accepts_referrals(demo_api: Api) -> None:
    refusing = await found(demo_api, {"acceptsReferrals": False})
    accepting = await found(demo_api, {"acceptsReferrals": True})

    assert refusing == actor_ids(15, 41, 43, 77)
    assert len(accepting) == 71
    assert not set(refusing) & set(accepting)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("medecin", [11]),  # only a service name holds it: "Médecin généraliste"
        ("MÉDECIN", [11]),
        ("اسعاف", [6]),  # written إسعاف
        ("إسعاف", [6]),
        ("saiss", [8, 11, 16]),
        ("Saïss textiles", [16]),  # every term must match
        ("سَايِس", [8, 11, 16]),  # harakat
        ("نـسـيـج", [16]),  # tatweel
        ("الاسماعيليه", [20]),  # hamza under alef, ta marbuta
        ("مستشفي", [11, 12, 24, 30, 40, 51, 64, 70, 74]),  # alef maqsura in the description
        ("ÉTABLISSEMENT", CARE_INSTITUTIONS),
        ("maroquinerie", [9]),  # a service's name
        ("\u202bنسيج\u202c Saïss", [16]),  # right-to-left and left-to-right mixed
        ("IFMH", [8]),  # an acronym
        ("d'urgence sociale", [6]),  # an apostrophe, inside the statement's quoted pattern
        ("echanges", []),  # only in actor 43's inactive service
    ],
)
async def test_search_folds_arabic_and_french(
    demo_api: Api, search: str, expected: list[int]
) -> None:
    assert await found(demo_api, {"search": search}) == actor_ids(*expected)


@pytest.mark.parametrize(
    ("search", "count"),
    [
        ("%", 75),  # punctuation folds away: nothing left to restrict
        ("   ", 75),
        ("_", 0),  # a literal underscore, not a wildcard
        ("100%", 0),
        ("'; DROP TABLE actors; --", 0),
        ("\\", 75),
    ],
)
async def test_sql_metacharacters_are_plain_text(demo_api: Api, search: str, count: int) -> None:
    connection = await actors(demo_api, {"search": search})

    assert connection["totalCount"] == count
    assert (await actors(demo_api))["totalCount"] == 75


async def test_near_finds_actors_within_the_radius(demo_api: Api) -> None:
    # given Fès's 19 actors in its arrondissements and Sefrou's 4 about 27 km away
    close = await actors(demo_api, {"near": {**FES, "radiusKm": 10}})
    wider = await actors(demo_api, {"near": {**FES, "radiusKm": 40}})

    assert [e["node"]["id"] for e in close["edges"]] == actor_ids(*range(1, 20))
    assert all(0 <= e["distanceKm"] <= 10 for e in close["edges"])
    assert [e["node"]["id"] for e in wider["edges"]] == actor_ids(*range(1, 20), 28, 29, 30, 31)
    assert all(20 < e["distanceKm"] <= 40 for e in wider["edges"][19:])


async def test_distance_order_starts_nearest(demo_api: Api) -> None:
    connection = await actors(demo_api, {"near": {**SEFROU, "radiusKm": 40}}, orderBy="DISTANCE")

    edges = connection["edges"]
    distances = [e["distanceKm"] for e in edges]
    assert {e["node"]["id"] for e in edges[:4]} == set(actor_ids(28, 29, 30, 31))
    assert {e["node"]["id"] for e in edges[4:]} == set(actor_ids(*range(1, 20)))
    assert distances == sorted(distances)
    assert distances[3] < 4 < 20 < distances[4]


async def test_distance_pages_follow_each_other(demo_api: Api) -> None:
    near = {"near": {**SEFROU, "radiusKm": 40}}
    whole = await found(demo_api, near, orderBy="DISTANCE")

    paged: list[str] = []
    after = None
    while True:
        page = await actors(demo_api, near, orderBy="DISTANCE", first=5, after=after)
        paged += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]

    assert paged == whole
    assert len(whole) == 23


async def test_eligible_age_needs_an_active_service_admitting_it(demo_api: Api) -> None:
    # services without an age bound admit a five-year-old: social centres' listening and
    # mediation, health centres' consultations, local authorities' facilities, civil records
    expected = [3, 4, 5, 6, 12, 15, 21, 24, 30, 31, 32, 37, 41, 48, 51, 58, 61, 64, 67, 70, 73, 74]

    assert await found(demo_api, {"eligibleAge": 5}) == actor_ids(*expected)


async def test_verified_since(demo_api: Api) -> None:
    since = {"verifiedSince": "2026-10-01T00:00:00Z"}

    assert await found(demo_api, since) == actor_ids(1, 10, 18, 34, 36, 38, 60, 65, 77)


async def test_recently_verified_first_and_never_verified_last(demo_api: Api) -> None:
    recent = await found(
        demo_api, {"verifiedSince": "2026-10-01T00:00:00Z"}, orderBy="RECENTLY_VERIFIED"
    )
    everyone = await found(demo_api, orderBy="RECENTLY_VERIFIED")

    assert recent == actor_ids(38, 65, 18, 10, 60, 36, 77, 1, 34)
    assert everyone[:9] == recent
    assert everyone[-5:] == actor_ids(12, 17, 30, 46, 70)


async def test_name_order_is_arabic_for_anonymous_callers(demo_api: Api) -> None:
    ordered = await found(demo_api, {"kinds": ["CARE_INSTITUTION"]}, orderBy="NAME")

    assert ordered == actor_ids(20, 36, 53, 47, 68, 1, 2, 28, 60)


async def test_name_order_is_french_for_french_readers(api: Api) -> None:
    token = await api.login("admin@jisr.example.ma", DEMO_PASSWORD)

    connection = await actors(api, {"kinds": ["CARE_INSTITUTION"]}, token=token, orderBy="NAME")

    ordered = [e["node"]["id"] for e in connection["edges"]]
    assert ordered == actor_ids(60, 36, 20, 47, 1, 2, 53, 68, 28)


async def test_filters_combine(demo_api: Api) -> None:
    fes_region = await territory_global_id(demo_api, "MA-03")
    filter = {"territoryId": fes_region, "kinds": ["EMPLOYMENT_AGENCY"], "search": "AEC"}

    assert await found(demo_api, filter) == actor_ids(10, 23, 34)


async def test_staff_see_their_inactive_actor_and_admins_see_all(api: Api) -> None:
    staff = await api.login("staff.tawassol@jisr.example.ma", DEMO_PASSWORD)
    admin = await api.login("admin@jisr.example.ma", DEMO_PASSWORD)

    assert (await actors(api, token=staff))["totalCount"] == 76
    assert (await actors(api, token=admin))["totalCount"] == 77
