"""Keeping an actor's basket of services: ADMIN and the actor's staff create and update them.

A service the caller may not see (an inactive one of another actor, or one of an
actor they may not see) is not found; one they see but may not change is a
permission error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.actors.service import editable_actor
from network.directory_version import bump
from network.enums import ServiceAxis
from network.errors import InvalidInput, NotFound
from network.services import repository
from network.services.changes import ServiceChanges
from network.services.models import Service, service_areas
from network.services.rules import search_fields
from network.taxonomy import repository as taxonomy
from network.territories import repository as territories
from network.validation import check_range, localized_text, optional_text
from network.viewer import Viewer

MAX_AGE = 120
MAX_AREA = 100


Changes = Mapping[str, Any] | ServiceChanges


async def create_service(
    session: AsyncSession,
    *,
    viewer: Viewer,
    actor_id: int,
    axis: ServiceAxis,
    changes: Changes,
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
    return await _save(session, service, ServiceChanges.of(changes))


async def update_service(
    session: AsyncSession, *, viewer: Viewer, service_id: int, changes: Changes
) -> Service:
    """Apply a partial update to a service."""
    service = (await repository.get_visible(session, [service_id], viewer)).get(service_id)
    if service is None:
        raise NotFound("no such service")
    await editable_actor(session, viewer=viewer, actor_id=service.actor_id)
    return await _save(session, service, ServiceChanges.of(changes))


async def _save(session: AsyncSession, service: Service, changes: ServiceChanges) -> Service:
    await _apply(session, service, changes)
    session.add(service)
    await session.flush()
    if "area_ids" in changes:
        await _replace_area(session, service.id, changes.area_ids or [])
    await bump(session)
    return service


PRACTICAL_TEXTS = ("schedule", "fees", "documents", "accessibility")


async def _apply(session: AsyncSession, service: Service, changes: ServiceChanges) -> None:
    given = changes.given()
    if "names" in given:
        service.names = localized_text(
            service.names, changes.names, field=["names"], require_name=True
        )
    if "description" in given:
        service.description = optional_text(
            service.description, changes.description, field=["description"]
        )
    if "requirements" in given:
        service.requirements = optional_text(
            service.requirements, changes.requirements, field=["eligibility", "requirements"]
        )
    for key in PRACTICAL_TEXTS:
        if key in given:
            current = getattr(service, key)
            setattr(service, key, optional_text(current, getattr(changes, key), field=[key]))
    if "category_code" in given:
        service.category_id = await _category(session, changes.category_code, service.axis)
    _apply_eligibility(service, changes)
    _apply_capacity(service, changes)
    for attribute, value in changes.plain().items():
        setattr(service, attribute, value)
    if "area_ids" in given:
        await _check_area(session, changes.area_ids or [])
    if "active" in given and changes.active is not None:
        service.active = changes.active
    derived = search_fields(service.names, service.description)
    service.search_text = derived["search_text"]
    service.sort_fr = derived["sort_fr"]
    service.sort_ar = derived["sort_ar"]


def _apply_eligibility(service: Service, changes: ServiceChanges) -> None:
    given = changes.given()
    if "min_age" in given:
        service.min_age = changes.min_age
    if "max_age" in given:
        service.max_age = changes.max_age
    if "genders" in given:
        service.genders = [str(gender) for gender in dict.fromkeys(changes.genders or [])]
    check_range(service.min_age, field=["eligibility", "minAge"], low=0, high=MAX_AGE)
    check_range(service.max_age, field=["eligibility", "maxAge"], low=0, high=MAX_AGE)
    low, high = service.min_age, service.max_age
    if low is not None and high is not None and low > high:
        raise InvalidInput("minAge is above maxAge", field=["eligibility", "minAge"])


def _apply_capacity(service: Service, changes: ServiceChanges) -> None:
    given = changes.given()
    if "capacity_available" not in given and "capacity_total" not in given:
        return
    if "capacity_available" in given:
        service.capacity_available = changes.capacity_available
    if "capacity_total" in given:
        service.capacity_total = changes.capacity_total
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
