"""Bad input to the directory queries: a clean top-level INVALID_INPUT, never a 500."""

from typing import Any

import pytest

from network.ids import to_global_id
from tests.api import Api

ACTORS = """
query($filter: ActorFilter, $orderBy: ActorOrder, $first: Int, $after: String) {
  actors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    nodes { id }
  }
}
"""
SERVICES = """
query($filter: ServiceFilter, $first: Int, $after: String) {
  services(filter: $filter, first: $first, after: $after) { totalCount nodes { id } }
}
"""
NODE = "query($id: ID!) { node(id: $id) { id } }"
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"

UNKNOWN_TERRITORY = to_global_id("Territory", 999_999)
SERVICE_ID = to_global_id("Service", 1)
CENTRE = {"latitude": 34.03, "longitude": -5.0}


async def top_level_error(api: Api, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = await api.post(query, variables)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["data"] is None, answer
    [error] = answer["errors"]
    return error  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"filter": {"territoryId": "not an id!"}}, "filter.territoryId"),
        ({"filter": {"territoryId": "bm90LWFuLWlk"}}, "filter.territoryId"),
        ({"filter": {"territoryId": SERVICE_ID}}, "filter.territoryId"),
        ({"filter": {"territoryId": UNKNOWN_TERRITORY}}, "filter.territoryId"),
        ({"filter": {"categoryCodes": ["health.nothing-like-it"]}}, "filter.categoryCodes"),
        ({"filter": {"near": {**CENTRE, "latitude": 200, "radiusKm": 5}}}, "filter.near.latitude"),
        (
            {"filter": {"near": {**CENTRE, "longitude": -181, "radiusKm": 5}}},
            "filter.near.longitude",
        ),
        ({"filter": {"near": {**CENTRE, "radiusKm": -3}}}, "filter.near.radiusKm"),
        ({"filter": {"near": {**CENTRE, "radiusKm": 0}}}, "filter.near.radiusKm"),
        ({"filter": {"near": {**CENTRE, "radiusKm": 1000.5}}}, "filter.near.radiusKm"),
        ({"filter": {"search": "x" * 10_000}}, "filter.search"),
        ({"filter": {"search": "م" * 201}}, "filter.search"),
        ({"filter": {"eligibleAge": -1}}, "filter.eligibleAge"),
        ({"first": -1}, "first"),
        ({"first": 1000}, "first"),
        ({"first": 101}, "first"),
        ({"orderBy": "DISTANCE"}, "orderBy"),
        ({"after": "not a cursor"}, "after"),
        ({"after": "W10"}, "after"),  # an empty list
        ({"orderBy": "NAME", "after": "WzEyXQ"}, "after"),  # a CREATED cursor: [12]
        ({"orderBy": "RECENTLY_VERIFIED", "after": "WyJ5ZXN0ZXJkYXkiLDFd"}, "after"),
    ],
)
async def test_bad_actor_queries_are_invalid_input(
    demo_api: Api, variables: dict[str, Any], field: str | None
) -> None:
    # given a query with one bad argument / when it is asked
    error = await top_level_error(demo_api, ACTORS, variables)

    # then it is refused as invalid input, naming the field when it can
    assert error["extensions"]["code"] == "INVALID_INPUT"
    assert error["extensions"].get("field") == field


async def test_an_unknown_territory_says_so(demo_api: Api) -> None:
    error = await top_level_error(demo_api, ACTORS, {"filter": {"territoryId": UNKNOWN_TERRITORY}})

    assert error["message"] == "unknown territory"


async def test_a_wrongly_typed_argument_is_invalid_input(demo_api: Api) -> None:
    variables = {"filter": {"near": {"latitude": "north", "longitude": 0, "radiusKm": 1}}}

    error = await top_level_error(demo_api, ACTORS, variables)

    assert error["extensions"]["code"] == "INVALID_INPUT"


@pytest.mark.parametrize(
    "variables",
    [
        {"filter": {"territoryId": "%%%"}},
        {"filter": {"territoryId": SERVICE_ID}},
        {"filter": {"territoryId": UNKNOWN_TERRITORY}},
        {"filter": {"actorId": to_global_id("Territory", 1)}},
        {"filter": {"actorId": "not an id!"}},
        {"filter": {"categoryCodes": ["nope"]}},
        {"filter": {"search": "y" * 10_000}},
        {"filter": {"eligibleAge": 151}},
        {"first": -1},
        {"first": 1000},
        {"after": "WyJ4Il0"},  # ["x"]
    ],
)
async def test_bad_service_queries_are_invalid_input(
    demo_api: Api, variables: dict[str, Any]
) -> None:
    error = await top_level_error(demo_api, SERVICES, variables)

    assert error["extensions"]["code"] == "INVALID_INPUT"


@pytest.mark.parametrize("global_id", ["", "!!!", "bm9wZQ", "QWN0b3I6LTE", "QWN0b3I6MDE"])
async def test_a_malformed_node_id_is_invalid_input(demo_api: Api, global_id: str) -> None:
    # "bm9wZQ" is "nope", "QWN0b3I6LTE" is "Actor:-1", "QWN0b3I6MDE" is "Actor:01"
    answer = await demo_api.gql(NODE, {"id": global_id})

    [error] = answer["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"


async def test_more_than_a_hundred_node_ids_are_invalid_input(demo_api: Api) -> None:
    ids = [to_global_id("Actor", pk) for pk in range(1, 102)]

    answer = await demo_api.gql(NODES, {"ids": ids})

    [error] = answer["errors"]
    assert error["extensions"]["code"] == "INVALID_INPUT"
