from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from network.enums import Gender, Role, ServiceAxis
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.services.models import Service, service_areas
from network.services.service import create_service, update_service
from network.viewer import Viewer
from tests.api import Api
from tests.factories import (
    SCENE,
    committed,
    person,
    scene,
    service,
    territory_pk,
    values,
    viewer_of,
)


async def changed(
    api: Api, service_id: int, changes: dict[str, Any], viewer: Viewer = SCENE
) -> Service:
    """``update_service`` with ``changes``, committed."""
    return await committed(
        api, update_service, viewer=viewer, service_id=service_id, changes=changes
    )


async def area_of(api: Api, service_id: int) -> list[int]:
    async with api.state.sessions() as session:
        statement = select(service_areas.c.territory_id).where(
            service_areas.c.service_id == service_id
        )
        return sorted(await session.scalars(statement))


async def test_a_new_service_takes_the_default_response_time_and_its_search_fields(
    api: Api,
) -> None:
    # given
    world = await scene(api)
    # when
    created = await committed(
        api,
        create_service,
        viewer=SCENE,
        actor_id=world.other,
        axis=ServiceAxis.HEALTH,
        changes={
            "names": {"fr": "Écoute psychologique", "ar": "الإنصات النفسي"},
            "category_code": "health.mental-health",
        },
        default_response_days=7,
    )
    # then
    row = await values(api, Service, created.id)
    assert row["response_days"] == 7
    assert row["sort_fr"] == "ecoute psychologique"
    assert " ecoute psychologique " in row["search_text"]
    assert "الانصات" in row["search_text"]
    assert row["capacity_updated_at"] is None


async def test_capacity_changes_stamp_their_time_and_other_changes_do_not(api: Api) -> None:
    # given
    world = await scene(api)
    before = datetime.now(UTC)
    await changed(api, world.unit_service, {"capacity_total": 10, "capacity_available": 10})
    stamped = (await values(api, Service, world.unit_service))["capacity_updated_at"]
    # when
    await changed(api, world.unit_service, {"response_days": 2})
    # then
    row = await values(api, Service, world.unit_service)
    assert before <= stamped <= datetime.now(UTC)
    assert row["capacity_updated_at"] == stamped
    assert row["response_days"] == 2


async def test_the_service_area_is_replaced_as_a_whole(api: Api) -> None:
    # given
    world = await scene(api)
    fes, meknes, rabat = [await territory_pk(api, c) for c in ("MA-FES", "MA-MEK", "MA-RAB")]
    await changed(api, world.unit_service, {"area_ids": [fes, meknes, fes]})
    # when
    await changed(api, world.unit_service, {"area_ids": [rabat]})
    # then
    assert await area_of(api, world.unit_service) == [rabat]


async def test_staff_of_another_actor_may_see_but_not_change_a_service(api: Api) -> None:
    # given
    world = await scene(api)
    stranger = await viewer_of(api, await person(api, Role.AGENCY_STAFF, actor_id=world.other))
    # then
    with pytest.raises(PermissionDenied):
        await changed(api, world.unit_service, {"active": False}, viewer=stranger)
    assert (await values(api, Service, world.unit_service))["active"] is True


async def test_an_inactive_service_is_not_found_outside_its_actor(api: Api) -> None:
    # given
    world = await scene(api)
    hidden = await service(api, actor_id=world.unit, active=False)
    stranger = await viewer_of(api, await person(api, Role.AGENCY_STAFF, actor_id=world.other))
    parent_staff = await viewer_of(api, await person(api, Role.MEDIATOR, actor_id=world.parent))
    # when
    reopened = await changed(api, hidden, {"active": True}, viewer=parent_staff)
    # then
    assert reopened.active is True
    await changed(api, hidden, {"active": False})
    with pytest.raises(NotFound):
        await changed(api, hidden, {"active": True}, viewer=stranger)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"min_age": 19, "max_age": 18}, ["eligibility", "minAge"]),
        ({"max_age": 200}, ["eligibility", "maxAge"]),
        ({"capacity_available": 3}, ["capacity", "available"]),
        ({"category_code": "employment.internships"}, ["categoryCode"]),
        ({"response_days": 1000}, ["responseDays"]),
        ({"area_ids": [999_999]}, ["serviceAreaIds"]),
        ({"names": None}, ["names"]),
        ({"requirements": {"fr": "a\u0007b"}}, ["eligibility", "requirements", "fr"]),
    ],
)
async def test_bad_changes_are_refused_on_their_field(
    api: Api, changes: dict[str, object], field: list[str]
) -> None:
    # given
    world = await scene(api)
    await changed(api, world.unit_service, {"capacity_total": 2, "genders": [Gender.FEMALE]})
    # then
    with pytest.raises(InvalidInput) as refused:
        await changed(api, world.unit_service, changes)
    assert refused.value.field == field
