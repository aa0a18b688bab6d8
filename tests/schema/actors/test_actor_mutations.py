from datetime import datetime
from functools import partial

from network.actors.models import Actor
from network.enums import Role
from network.ids import to_global_id
from tests.api import Api
from tests.factories import (
    Calling,
    actor,
    audit_entries,
    count,
    person,
    scene,
    territory_pk,
    values,
)

CREATE_ACTOR = """
mutation($input: CreateActorInput!) {
  createActor(input: $input) {
    actor { id name(lang: FR) kind territory { code } parent { id } verifiedAt }
    userErrors { field message code }
  }
}"""
UPDATE_ACTOR = """
mutation($input: UpdateActorInput!) {
  updateActor(input: $input) {
    actor { id names { ar fr en } description(lang: FR) acronym location { latitude longitude }
            languages active parent { id } }
    userErrors { field message code }
  }
}"""
VERIFY_ACTOR = """
mutation($id: ID!) {
  verifyActor(id: $id) { actor { id verifiedAt } userErrors { field code } }
}"""


gid = partial(to_global_id, "Actor")


async def test_only_admin_creates_an_actor(api: Api, calling: Calling) -> None:
    # given
    world = calling.world
    actors_before = await count(api, Actor)
    new_unit = {
        "names": {"fr": "Espace femmes", "ar": "فضاء النساء"},
        "kind": "SOCIAL_ASSISTANCE_CENTER",
        "territoryId": to_global_id("Territory", await territory_pk(api, "MA-MEK")),
        "parentId": gid(world.parent),
    }
    # when
    outcome, payload, entry = await calling.attempt(
        "createActor", CREATE_ACTOR, {"input": new_unit}, allowed={"admin"}
    )
    # then
    if outcome == "OK":
        created = payload["actor"]
        assert payload["userErrors"] == []
        assert (created["name"], created["territory"]) == ("Espace femmes", {"code": "MA-MEK"})
        assert created["parent"] == {"id": gid(world.parent)}
        assert created["verifiedAt"] is None
        assert entry.record_ids == [created["id"]]
        assert await count(api, Actor) == actors_before + 1
    else:
        assert payload["actor"] is None
        assert [e["code"] for e in payload["userErrors"]] == [outcome]
        assert entry.record_ids == []
        assert await count(api, Actor) == actors_before


async def test_admin_and_the_actors_staff_update_it(api: Api, calling: Calling) -> None:
    # given
    world = calling.world
    before = await values(api, Actor, world.unit)
    change = {"id": gid(world.unit), "names": {"ar": "الوحدة المتنقلة"}, "acronym": "UMT"}
    # when
    outcome, payload, entry = await calling.attempt("updateActor", UPDATE_ACTOR, {"input": change})
    # then
    assert entry.record_ids == [gid(world.unit)]
    if outcome == "OK":
        assert payload["userErrors"] == []
        assert payload["actor"]["names"] == {
            "ar": "الوحدة المتنقلة",
            "fr": "Unité mobile Test",
            "en": None,
        }
        assert payload["actor"]["acronym"] == "UMT"
    else:
        assert payload["actor"] is None
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(None, outcome)]
        assert await values(api, Actor, world.unit) == before


async def test_admin_and_the_actors_staff_verify_it(api: Api, calling: Calling) -> None:
    # given
    world = calling.world
    before = await values(api, Actor, world.unit)
    # when
    outcome, payload, entry = await calling.attempt(
        "verifyActor", VERIFY_ACTOR, {"id": gid(world.unit)}
    )
    # then
    assert entry.record_ids == [gid(world.unit)]
    if outcome == "OK":
        verified_at = datetime.fromisoformat(payload["actor"]["verifiedAt"])
        assert verified_at == (await values(api, Actor, world.unit))["verified_at"]
        assert abs((entry.at - verified_at).total_seconds()) < 5
    else:
        assert [e["code"] for e in payload["userErrors"]] == [outcome]
        assert await values(api, Actor, world.unit) == before


async def test_an_inactive_actor_is_not_found_by_staff_of_another_actor(api: Api) -> None:
    # given
    world = await scene(api)
    closed = await actor(api, name="Association fermée", active=False)
    outsider = await person(api, Role.AGENCY_STAFF, actor_id=world.other)
    insider = await person(api, Role.ADMIN)
    # when
    refused = await api.data(VERIFY_ACTOR, {"id": gid(closed)}, outsider.token)
    allowed = await api.data(VERIFY_ACTOR, {"id": gid(closed)}, insider.token)
    # then
    assert refused["verifyActor"]["userErrors"] == [{"field": None, "code": "NOT_FOUND"}]
    assert allowed["verifyActor"]["userErrors"] == []


async def test_an_inactive_actor_stays_editable_by_its_own_staff(api: Api) -> None:
    # given
    world = await scene(api)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=world.unit)
    await api.data(UPDATE_ACTOR, {"input": {"id": gid(world.unit), "active": False}}, staff.token)
    # when
    data = await api.data(
        UPDATE_ACTOR, {"input": {"id": gid(world.unit), "active": True}}, staff.token
    )
    # then
    assert data["updateActor"]["userErrors"] == []
    assert data["updateActor"]["actor"]["active"] is True


async def test_an_unknown_actor_is_not_found_and_its_id_audited(api: Api) -> None:
    # given
    admin = await person(api, Role.ADMIN)
    missing = gid(987654)
    # when
    data = await api.data(VERIFY_ACTOR, {"id": missing}, admin.token)
    # then
    assert data["verifyActor"] == {
        "actor": None,
        "userErrors": [{"field": None, "code": "NOT_FOUND"}],
    }
    [entry] = await audit_entries(api, "verifyActor")
    assert (entry.outcome, entry.record_ids) == ("NOT_FOUND", [missing])


async def test_a_partial_update_keeps_what_it_omits_and_clears_explicit_nulls(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    first = {
        "id": gid(world.unit),
        "names": {"ar": "الوحدة", "en": "Mobile unit"},
        "description": {"fr": "Sorties de nuit", "ar": "خرجات ليلية"},
        "location": {"latitude": 34.03, "longitude": -5.0},
        "languages": ["AR", "FR", "AR"],
    }
    await api.data(UPDATE_ACTOR, {"input": first}, admin.token)
    # when
    second = {
        "id": gid(world.unit),
        "names": {"en": None},
        "description": {"fr": None},
        "location": None,
    }
    data = await api.data(UPDATE_ACTOR, {"input": second}, admin.token)
    # then
    updated = data["updateActor"]["actor"]
    assert updated["names"] == {"ar": "الوحدة", "fr": "Unité mobile Test", "en": None}
    assert updated["description"] == "خرجات ليلية"
    assert updated["location"] is None
    assert updated["languages"] == ["AR", "FR"]


async def test_the_last_arabic_or_french_name_cannot_be_cleared(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    # when
    data = await api.data(
        UPDATE_ACTOR, {"input": {"id": gid(world.unit), "names": {"fr": None}}}, admin.token
    )
    # then
    assert [(e["field"], e["code"]) for e in data["updateActor"]["userErrors"]] == [
        (["input", "names"], "INVALID_INPUT")
    ]


async def test_only_admin_moves_an_actor_and_never_under_its_own_unit(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=world.parent)
    # when
    by_staff = await api.data(
        UPDATE_ACTOR, {"input": {"id": gid(world.unit), "parentId": None}}, staff.token
    )
    into_own_unit = await api.data(
        UPDATE_ACTOR, {"input": {"id": gid(world.parent), "parentId": gid(world.unit)}}, admin.token
    )
    under_itself = await api.data(
        UPDATE_ACTOR, {"input": {"id": gid(world.unit), "parentId": gid(world.unit)}}, admin.token
    )
    moved = await api.data(
        UPDATE_ACTOR, {"input": {"id": gid(world.unit), "parentId": gid(world.other)}}, admin.token
    )
    # then
    assert [(e["field"], e["code"]) for e in by_staff["updateActor"]["userErrors"]] == [
        (["input", "parentId"], "PERMISSION_DENIED")
    ]
    for refused in (into_own_unit, under_itself):
        assert [(e["field"], e["code"]) for e in refused["updateActor"]["userErrors"]] == [
            (["input", "parentId"], "INVALID_INPUT")
        ]
    assert moved["updateActor"]["actor"]["parent"] == {"id": gid(world.other)}
