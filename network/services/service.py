"""Keeping an actor's basket of services: ADMIN and the actor's staff create and update them.

A service the caller may not see (an inactive one of another actor, or one of an
actor they may not see) is not found; one they see but may not change is a
permission error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.actors.service import editable_actor
from network.directory_version import bump
from network.enums import Gender, ServiceAxis
from network.errors import InvalidInput, NotFound
from network.services import repository
from network.services.models import Service, service_areas
from network.services.rules import search_fields
from network.taxonomy import repository as taxonomy
from network.territories import repository as territories
from network.validation import check_range, localized_text, optional_text
from network.viewer import Viewer

MAX_AGE = 120
MAX_RESPONSE_DAYS = 365
MAX_AREA = 100


class ServiceChanges(TypedDict, total=False):
    """Fields to set: an absent key leaves the field as it is, None clears it.

    Setting either capacity figure stamps the capacity's update time.
    """

    names: Mapping[str, str | None] | None
    description: Mapping[str, str | None] | None
    category_code: str | None
    min_age: int | None
    max_age: int | None
    genders: Sequence[Gender]
    requirements: Mapping[str, str | None] | None
    schedule: Mapping[str, str | None] | None
    fees: Mapping[str, str | None] | None
    documents: Mapping[str, str | None] | None
    accessibility: Mapping[str, str | None] | None
    capacity_available: int | None
    capacity_total: int | None
    response_days: int
    area_ids: Sequence[int]
    accepts_referrals: bool
    active: bool


async def create_service(
    session: AsyncSession,
    *,
    viewer: Viewer,
    actor_id: int,
    axis: ServiceAxis,
    changes: ServiceChanges,
    default_response_days: int,
) -> Service:
    """A new service of the actor; ``changes`` must hold its names."""
    await editable_actor(session, viewer=viewer, actor_id=actor_id)
    if "names" not in changes:
        raise InvalidInput("required", field=["names"])
    service = Service(
        actor_id=actor_id,
        axis=axis,
        names={},
        genders=[],
        response_days=default_response_days,
        accepts_referrals=True,
        active=True,
    )
    return await _save(session, service, changes)


async def update_service(
    session: AsyncSession, *, viewer: Viewer, service_id: int, changes: ServiceChanges
) -> Service:
    """Apply a partial update to a service."""
    service = (await repository.get_visible(session, [service_id], viewer)).get(service_id)
    if service is None:
        raise NotFound("no such service")
    await editable_actor(session, viewer=viewer, actor_id=service.actor_id)
    return await _save(session, service, changes)


async def _save(session: AsyncSession, service: Service, changes: ServiceChanges) -> Service:
    await _apply(session, service, changes)
    session.add(service)
    await session.flush()
    if "area_ids" in changes:
        await _replace_area(session, service.id, changes["area_ids"])
    await bump(session)
    return service


PRACTICAL_TEXTS = ("schedule", "fees", "documents", "accessibility")


async def _apply(session: AsyncSession, service: Service, changes: ServiceChanges) -> None:
    if "names" in changes:
        service.names = localized_text(
            service.names, changes["names"], field=["names"], require_name=True
        )
    if "description" in changes:
        service.description = optional_text(
            service.description, changes["description"], field=["description"]
        )
    if "requirements" in changes:
        service.requirements = optional_text(
            service.requirements, changes["requirements"], field=["eligibility", "requirements"]
        )
    for key in PRACTICAL_TEXTS:
        if key in changes:
            current = getattr(service, key)
            setattr(service, key, optional_text(current, changes[key], field=[key]))  # type: ignore[literal-required]
    if "category_code" in changes:
        service.category_id = await _category(session, changes["category_code"], service.axis)
    _apply_eligibility(service, changes)
    _apply_capacity(service, changes)
    if "response_days" in changes:
        days = changes["response_days"]
        check_range(days, field=["responseDays"], low=0, high=MAX_RESPONSE_DAYS)
        service.response_days = days
    if "area_ids" in changes:
        await _check_area(session, changes["area_ids"])
    if "accepts_referrals" in changes:
        service.accepts_referrals = changes["accepts_referrals"]
    if "active" in changes:
        service.active = changes["active"]
    derived = search_fields(service.names, service.description)
    service.search_text = derived["search_text"]
    service.sort_fr = derived["sort_fr"]
    service.sort_ar = derived["sort_ar"]


def _apply_eligibility(service: Service, changes: ServiceChanges) -> None:
    if "min_age" in changes:
        service.min_age = changes["min_age"]
    if "max_age" in changes:
        service.max_age = changes["max_age"]
    if "genders" in changes:
        service.genders = [str(gender) for gender in dict.fromkeys(changes["genders"])]
    check_range(service.min_age, field=["eligibility", "minAge"], low=0, high=MAX_AGE)
    check_range(service.max_age, field=["eligibility", "maxAge"], low=0, high=MAX_AGE)
    low, high = service.min_age, service.max_age
    if low is not None and high is not None and low > high:
        raise InvalidInput("minAge is above maxAge", field=["eligibility", "minAge"])


def _apply_capacity(service: Service, changes: ServiceChanges) -> None:
    if "capacity_available" not in changes and "capacity_total" not in changes:
        return
    if "capacity_available" in changes:
        service.capacity_available = changes["capacity_available"]
    if "capacity_total" in changes:
        service.capacity_total = changes["capacity_total"]
    available, total = service.capacity_available, service.capacity_total
    for value, name in ((available, "available"), (total, "total")):
        if value is not None and value < 0:
            raise InvalidInput("must not be negative", field=["capacity", name])
    if available is not None and total is not None and available > total:
        raise InvalidInput("available is above total", field=["capacity", "available"])
    service.capacity_updated_at = clock.now()


async def _category(session: AsyncSession, code: str | None, axis: ServiceAxis) -> int | None:
    if code is None:
        return None
    term = await taxonomy.get_by_code(session, code)
    if term is None:
        raise InvalidInput("no such category", field=["categoryCode"])
    if term.axis != axis:
        raise InvalidInput(f"this category is not under {axis}", field=["categoryCode"])
    return term.id


async def _check_area(session: AsyncSession, territory_ids: Sequence[int]) -> None:
    if len(territory_ids) > MAX_AREA:
        raise InvalidInput(f"at most {MAX_AREA} territories", field=["serviceAreaIds"])
    if set(territory_ids) - await territories.existing_ids(session, territory_ids):
        raise InvalidInput("no such territory", field=["serviceAreaIds"])


async def _replace_area(
    session: AsyncSession, service_id: int, territory_ids: Sequence[int]
) -> None:
    await session.execute(delete(service_areas).where(service_areas.c.service_id == service_id))
    rows = [{"service_id": service_id, "territory_id": t} for t in dict.fromkeys(territory_ids)]
    if rows:
        await session.execute(insert(service_areas), rows)
