from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from network.enums import Role
from network.ids import to_global_id
from network.services.models import Service
from tests.api import Api
from tests.factories import (
    Calling,
    actor,
    count,
    person,
    scene,
    service,
    territory_pk,
    values,
)

SERVICE_FIELDS = """
  id name(lang: FR) names { ar fr } description(lang: FR) axis category { code }
  eligibility { minAge maxAge genders requirements(lang: FR) }
  capacity { available total updatedAt } responseDays serviceArea { code }
  acceptsReferrals active actor { id axes }
"""
CREATE_SERVICE = f"""
mutation($input: CreateServiceInput!) {{
  createService(input: $input) {{ service {{ {SERVICE_FIELDS} }} userErrors {{ field code }} }}
}}"""
UPDATE_SERVICE = f"""
mutation($input: UpdateServiceInput!) {{
  updateService(input: $input) {{ service {{ {SERVICE_FIELDS} }} userErrors {{ field code }} }}
}}"""


actor_gid = partial(to_global_id, "Actor")
service_gid = partial(to_global_id, "Service")


async def test_admin_and_the_actors_staff_create_its_services(api: Api, calling: Calling) -> None:
    # given
    world = calling.world
    services_before = await count(api, Service)
    new_service = {
        "actorId": actor_gid(world.unit),
        "names": {"fr": "Orientation vers l'emploi"},
        "axis": "EMPLOYMENT",
    }
    # when
    outcome, payload, entry = await calling.attempt(
        "createService", CREATE_SERVICE, {"input": new_service}
    )
    # then
    if outcome == "OK":
        created = payload["service"]
        assert payload["userErrors"] == []
        assert created["actor"] == {
            "id": actor_gid(world.unit),
            "axes": ["EMPLOYMENT", "SOCIAL_ASSISTANCE"],
        }
        assert entry.record_ids == [created["id"], actor_gid(world.unit)]
        assert await count(api, Service) == services_before + 1
    else:
        assert payload["service"] is None
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(None, outcome)]
        assert entry.record_ids == [actor_gid(world.unit)]
        assert await count(api, Service) == services_before


async def test_admin_and_the_actors_staff_update_its_services(api: Api, calling: Calling) -> None:
    # given
    world = calling.world
    before = await values(api, Service, world.unit_service)
    change = {"id": service_gid(world.unit_service), "capacity": {"available": 2, "total": 10}}
    # when
    outcome, payload, entry = await calling.attempt(
        "updateService", UPDATE_SERVICE, {"input": change}
    )
    # then
    if outcome == "OK":
        assert payload["userErrors"] == []
        assert payload["service"]["capacity"]["available"] == 2
        assert entry.record_ids == [service_gid(world.unit_service), actor_gid(world.unit)]
    else:
        assert [(e["field"], e["code"]) for e in payload["userErrors"]] == [(None, outcome)]
        assert entry.record_ids == [service_gid(world.unit_service)]
        assert await values(api, Service, world.unit_service) == before


async def test_a_new_service_takes_every_field_and_the_default_response_time(api: Api) -> None:
    # given
    world = await scene(api)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=world.unit)
    fes, meknes = await territory_pk(api, "MA-FES"), await territory_pk(api, "MA-MEK")
    new_service = {
        "actorId": actor_gid(world.unit),
        "names": {"fr": "  Formation en cuisine  ", "ar": "تكوين في الطبخ"},
        "description": {"fr": "Six mois,\nen alternance"},
        "axis": "EDUCATION_TRAINING",
        "categoryCode": "education.vocational-training",
        "eligibility": {
            "minAge": 16,
            "maxAge": 25,
            "genders": ["FEMALE", "MALE", "FEMALE"],
            "requirements": {"fr": "Niveau sixième"},
        },
        "capacity": {"available": 4, "total": 12},
        "serviceAreaIds": [to_global_id("Territory", meknes), to_global_id("Territory", fes)],
    }
    # when
    data = await api.data(CREATE_SERVICE, {"input": new_service}, staff.token)
    # then
    created = data["createService"]["service"]
    assert created["name"] == "Formation en cuisine"
    assert created["description"] == "Six mois,\nen alternance"
    assert created["category"] == {"code": "education.vocational-training"}
    assert created["eligibility"] == {
        "minAge": 16,
        "maxAge": 25,
        "genders": ["FEMALE", "MALE"],
        "requirements": "Niveau sixième",
    }
    assert (created["capacity"]["available"], created["capacity"]["total"]) == (4, 12)
    assert created["capacity"]["updatedAt"] is not None
    assert created["responseDays"] == 5
    assert sorted(t["code"] for t in created["serviceArea"]) == ["MA-FES", "MA-MEK"]
    assert (created["acceptsReferrals"], created["active"]) == (True, True)


async def test_a_category_must_belong_to_the_services_axis(api: Api) -> None:
    # given
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    new_service = {
        "actorId": actor_gid(world.unit),
        "names": {"fr": "Cuisine"},
        "axis": "HEALTH",
        "categoryCode": "education.vocational-training",
    }
    # when
    data = await api.data(CREATE_SERVICE, {"input": new_service}, admin.token)
    # then
    assert data["createService"]["userErrors"] == [
        {"field": ["input", "categoryCode"], "code": "INVALID_INPUT"}
    ]


@dataclass(frozen=True)
class AdminOnTheUnitService:
    """An admin changing the scene's unit service."""

    api: Api
    service_id: str
    token: str

    async def update(self, **changes: Any) -> dict[str, Any]:
        """The service after ``updateService`` with ``changes`` (which must succeed)."""
        given = {"input": {"id": self.service_id, **changes}}
        payload = (await self.api.data(UPDATE_SERVICE, given, self.token))["updateService"]
        assert payload["userErrors"] == [], payload
        return payload["service"]  # type: ignore[no-any-return]


async def admin_on_the_unit_service(api: Api) -> AdminOnTheUnitService:
    world = await scene(api)
    admin = await person(api, Role.ADMIN)
    return AdminOnTheUnitService(api, service_gid(world.unit_service), admin.token)


async def test_a_partial_update_changes_only_what_it_names(api: Api) -> None:
    # given
    admin = await admin_on_the_unit_service(api)
    stamped = await admin.update(
        eligibility={"minAge": 18, "maxAge": 24, "requirements": {"fr": "Avoir quitté"}},
        capacity={"available": 1, "total": 5},
        serviceAreaIds=[to_global_id("Territory", await territory_pk(api, "MA-FES"))],
        responseDays=3,
    )
    # when
    updated = await admin.update(
        eligibility={"maxAge": None},
        capacity={"available": 0},
        serviceAreaIds=[],
        categoryCode="social.housing",
        active=False,
    )
    # then
    assert updated["eligibility"]["minAge"] == 18
    assert updated["eligibility"]["maxAge"] is None
    assert updated["eligibility"]["requirements"] == "Avoir quitté"
    assert (updated["capacity"]["available"], updated["capacity"]["total"]) == (0, 5)
    first_stamp = datetime.fromisoformat(stamped["capacity"]["updatedAt"])
    assert datetime.fromisoformat(updated["capacity"]["updatedAt"]) >= first_stamp
    assert updated["serviceArea"] == []
    assert updated["responseDays"] == 3
    assert updated["category"] == {"code": "social.housing"}
    assert updated["active"] is False
    assert updated["name"] == "Accompagnement Test"


async def test_a_null_eligibility_or_capacity_clears_all_of_it(api: Api) -> None:
    # given
    admin = await admin_on_the_unit_service(api)
    await admin.update(eligibility={"minAge": 18, "genders": ["MALE"]}, capacity={"total": 3})
    # when
    updated = await admin.update(eligibility=None, capacity=None)
    # then
    assert updated["eligibility"] == {
        "minAge": None,
        "maxAge": None,
        "genders": [],
        "requirements": None,
    }
    assert updated["capacity"] is None


async def test_an_inactive_service_of_another_actor_is_not_found(api: Api) -> None:
    # given
    world = await scene(api)
    hidden = await service(api, actor_id=world.other, active=False)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=world.unit)
    owner = await person(api, Role.AGENCY_STAFF, actor_id=world.other)
    change = {"input": {"id": service_gid(hidden), "active": True}}
    # when
    refused = await api.data(UPDATE_SERVICE, change, staff.token)
    allowed = await api.data(UPDATE_SERVICE, change, owner.token)
    # then
    assert refused["updateService"]["userErrors"] == [{"field": None, "code": "NOT_FOUND"}]
    assert allowed["updateService"]["service"]["active"] is True


async def test_services_of_an_inactive_actor_are_not_found_by_others(api: Api) -> None:
    # given
    closed = await actor(api, name="Association fermée", active=False)
    visible_service = await service(api, actor_id=closed)
    world = await scene(api)
    staff = await person(api, Role.AGENCY_STAFF, actor_id=world.unit)
    # when
    update = await api.data(
        UPDATE_SERVICE,
        {"input": {"id": service_gid(visible_service), "active": False}},
        staff.token,
    )
    create = await api.data(
        CREATE_SERVICE,
        {"input": {"actorId": actor_gid(closed), "names": {"fr": "X"}, "axis": "HEALTH"}},
        staff.token,
    )
    # then
    assert update["updateService"]["userErrors"] == [{"field": None, "code": "NOT_FOUND"}]
    assert create["createService"]["userErrors"] == [{"field": None, "code": "NOT_FOUND"}]
