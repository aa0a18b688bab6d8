"""Bad input to the directory mutations is answered cleanly, field by field — never a 500."""

import json
from typing import Any

import pytest

from network.enums import Role
from network.ids import to_global_id
from tests.api import Api
from tests.factories import Person, person, scene, territory_pk

CREATE_ACTOR = """
mutation($input: CreateActorInput!) {
  createActor(input: $input) {
    actor { id names { ar fr } acronym address description(lang: FR) }
    userErrors { field code }
  }
}"""
UPDATE_ACTOR = """
mutation($input: UpdateActorInput!) {
  updateActor(input: $input) { actor { id } userErrors { field code } }
}"""
VERIFY_ACTOR = (
    "mutation($id: ID!) { verifyActor(id: $id) { actor { id } userErrors { field code } } }"
)
CREATE_SERVICE = """
mutation($input: CreateServiceInput!) {
  createService(input: $input) { service { id } userErrors { field code } }
}"""
UPDATE_SERVICE = """
mutation($input: UpdateServiceInput!) {
  updateService(input: $input) { service { id } userErrors { field code } }
}"""
ACTOR_NAMES = "query($id: ID!) { node(id: $id) { ... on Actor { names { ar fr } address } } }"

LONG = "ن" * 10_000


async def admin_and_fes(api: Api) -> tuple[Person, str]:
    admin = await person(api, Role.ADMIN)
    return admin, to_global_id("Territory", await territory_pk(api, "MA-FES"))


def new_actor(territory_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "names": {"fr": "Association"},
        "kind": "ASSOCIATION",
        "territoryId": territory_id,
    } | fields


def errors_of(data: dict[str, Any]) -> list[tuple[list[str] | None, str]]:
    [payload] = data.values()
    return [(e["field"], e["code"]) for e in payload["userErrors"]]


ACTOR_CASES: dict[str, tuple[dict[str, Any], list[str]]] = {
    "latitude 200": ({"location": {"latitude": 200, "longitude": -5}}, ["location", "latitude"]),
    "longitude -181": (
        {"location": {"latitude": 34, "longitude": -181}},
        ["location", "longitude"],
    ),
    "empty names": ({"names": {}}, ["names"]),
    "blank names": ({"names": {"fr": "   ", "ar": ""}}, ["names"]),
    "only an English name": ({"names": {"en": "Association"}}, ["names"]),
    "10,000-character name": ({"names": {"ar": LONG}}, ["names", "ar"]),
    "10,000-character description": ({"description": {"fr": LONG}}, ["description", "fr"]),
    "10,000-character address": ({"address": LONG}, ["address"]),
    "long acronym": ({"acronym": "A" * 41}, ["acronym"]),
    "long phone": ({"phone": "0" * 41}, ["phone"]),
    "bad email": ({"email": "contact at example.ma"}, ["email"]),
    "script website": ({"website": "javascript:alert(1)"}, ["website"]),
    "control character in a name": ({"names": {"fr": "Asso\u0000ciation"}}, ["names", "fr"]),
    "line break in a name": ({"names": {"fr": "Asso\nciation"}}, ["names", "fr"]),
    "malformed territory": ({"territoryId": "not-an-id"}, ["territoryId"]),
    "foreign territory id": ({"territoryId": to_global_id("Actor", 1)}, ["territoryId"]),
    "unknown territory": ({"territoryId": to_global_id("Territory", 999_999)}, ["territoryId"]),
    "unknown parent": ({"parentId": to_global_id("Actor", 999_999)}, ["parentId"]),
    "malformed parent": ({"parentId": "%%%"}, ["parentId"]),
}


@pytest.mark.parametrize("case", ACTOR_CASES)
async def test_bad_actor_input_is_a_user_error_on_its_field(api: Api, case: str) -> None:
    # given
    admin, fes = await admin_and_fes(api)
    fields, field = ACTOR_CASES[case]
    # when
    data = await api.data(CREATE_ACTOR, {"input": new_actor(fes, **fields)}, admin.token)
    # then
    assert data["createActor"]["actor"] is None
    assert errors_of(data) == [(["input", *field], "INVALID_INPUT")]


async def test_a_lone_surrogate_is_refused_not_stored(api: Api) -> None:
    # given
    admin, fes = await admin_and_fes(api)
    body = {"query": CREATE_ACTOR, "variables": {"input": new_actor(fes, address="\ud800")}}
    # when: JSON allows the escape although no UTF-8 text can hold it
    response = await api.client.post(
        "/graphql",
        content=json.dumps(body),
        headers={"authorization": f"Bearer {admin.token}", "content-type": "application/json"},
    )
    # then
    assert response.status_code == 200
    assert errors_of(response.json()["data"]) == [(["input", "address"], "INVALID_INPUT")]


async def test_missing_required_names_is_a_top_level_input_error(api: Api) -> None:
    # given
    admin, fes = await admin_and_fes(api)
    without_names = {"kind": "ASSOCIATION", "territoryId": fes}
    # when
    answer = await api.gql(CREATE_ACTOR, {"input": without_names}, admin.token)
    # then
    assert [e["extensions"]["code"] for e in answer["errors"]] == ["INVALID_INPUT"]


async def test_an_integer_beyond_graphql_int_is_a_top_level_input_error(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    change = {"id": to_global_id("Service", world.unit_service), "responseDays": 10**20}
    # when
    answer = await api.gql(UPDATE_SERVICE, {"input": change}, admin.token)
    # then
    assert [e["extensions"]["code"] for e in answer["errors"]] == ["INVALID_INPUT"]


async def test_malformed_and_foreign_ids_of_the_target_are_input_errors(api: Api) -> None:
    # given
    admin = await person(api, Role.ADMIN)
    # when
    answers = [
        await api.data(UPDATE_ACTOR, {"input": {"id": "!!"}}, admin.token),
        await api.data(UPDATE_ACTOR, {"input": {"id": to_global_id("Service", 1)}}, admin.token),
        await api.data(VERIFY_ACTOR, {"id": "x" * 10_000}, admin.token),
        await api.data(UPDATE_SERVICE, {"input": {"id": to_global_id("Actor", 1)}}, admin.token),
    ]
    # then
    assert [errors_of(data) for data in answers] == [
        [(["input", "id"], "INVALID_INPUT")],
        [(["input", "id"], "INVALID_INPUT")],
        [(["id"], "INVALID_INPUT")],
        [(["input", "id"], "INVALID_INPUT")],
    ]


async def test_sql_metacharacters_and_mixed_directions_are_stored_as_typed(api: Api) -> None:
    # given
    admin, fes = await admin_and_fes(api)
    tricky = "Robert'); DROP TABLE actors;-- % _ \\ \" ;"
    # (names keep marks, not embeddings: tests/security/test_headers.py refuses those)
    mixed = "جمعية Amal للتضامن (Fès) \u200f2024\u200e — مركز Centre"
    address = "12, زنقة Ibn Khaldoun\nمركز \u202bCentre\u202c Fès"
    fields = {"names": {"fr": tricky, "ar": mixed}, "address": address}
    # when
    data = await api.data(CREATE_ACTOR, {"input": new_actor(fes, **fields)}, admin.token)
    # then
    created = data["createActor"]["actor"]
    assert created["names"] == {"fr": tricky, "ar": mixed}
    again = await api.data(ACTOR_NAMES, {"id": created["id"]})
    assert again["node"] == {"names": {"fr": tricky, "ar": mixed}, "address": fields["address"]}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"eligibility": {"minAge": -1}}, ["eligibility", "minAge"]),
        ({"eligibility": {"maxAge": 121}}, ["eligibility", "maxAge"]),
        ({"eligibility": {"minAge": 20, "maxAge": 18}}, ["eligibility", "minAge"]),
        ({"eligibility": {"requirements": {"fr": LONG}}}, ["eligibility", "requirements", "fr"]),
        ({"capacity": {"available": -1}}, ["capacity", "available"]),
        ({"capacity": {"total": -5}}, ["capacity", "total"]),
        ({"capacity": {"available": 6, "total": 5}}, ["capacity", "available"]),
        ({"responseDays": 366}, ["responseDays"]),
        ({"responseDays": -1}, ["responseDays"]),
        ({"categoryCode": "health.unknown"}, ["categoryCode"]),
        ({"categoryCode": "x" * 10_000}, ["categoryCode"]),
        ({"serviceAreaIds": [to_global_id("Territory", 999_999)]}, ["serviceAreaIds"]),
        ({"serviceAreaIds": ["nope"]}, ["serviceAreaIds"]),
        ({"serviceAreaIds": [to_global_id("Territory", 1)] * 101}, ["serviceAreaIds"]),
        ({"names": {"fr": None}}, ["names"]),
        ({"actorId": "'; --"}, ["actorId"]),
    ],
)
async def test_bad_service_input_is_a_user_error_on_its_field(
    api: Api, fields: dict[str, Any], field: list[str]
) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    new_service = {
        "actorId": to_global_id("Actor", world.unit),
        "names": {"fr": "Service"},
        "axis": "HEALTH",
    } | fields
    # when
    data = await api.data(CREATE_SERVICE, {"input": new_service}, admin.token)
    # then
    assert errors_of(data) == [(["input", *field], "INVALID_INPUT")]


async def test_a_bad_update_changes_nothing(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    change = {
        "id": to_global_id("Actor", world.unit),
        "names": {"fr": "Nouveau nom"},
        "location": {"latitude": 200, "longitude": 0},
    }
    # when
    data = await api.data(UPDATE_ACTOR, {"input": change}, admin.token)
    # then
    assert errors_of(data) == [(["input", "location", "latitude"], "INVALID_INPUT")]
    after = await api.data(ACTOR_NAMES, {"id": to_global_id("Actor", world.unit)})
    assert after["node"]["names"]["fr"] == "Unité mobile Test"
