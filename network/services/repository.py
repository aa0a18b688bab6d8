"""Every query on services. Visibility: active services of active actors are public;
an actor's staff and ADMIN also see its inactive ones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from network.enums import ServiceAxis
from network.services.models import Service, service_areas
from network.viewer import Viewer


def visible(viewer: Viewer) -> ColumnElement[bool]:
    if viewer.is_admin:
        return true()
    if viewer.is_actor_staff:
        return or_(Service.active.is_(True), Service.actor_id.in_(sorted(viewer.actor_scope)))
    return Service.active.is_(True)


@dataclass(frozen=True)
class NestedPage:
    """One parent's page: the rows and whether more follow."""

    rows: list[Service]
    has_next: bool


async def get_visible(
    session: AsyncSession, ids: Sequence[int], viewer: Viewer
) -> dict[int, Service]:
    rows = await session.scalars(select(Service).where(Service.id.in_(ids), visible(viewer)))
    return {row.id: row for row in rows}


def _per_actor_filter(
    actor_ids: Sequence[int], axis: ServiceAxis | None, viewer: Viewer
) -> list[ColumnElement[bool]]:
    conditions = [Service.actor_id.in_(actor_ids), visible(viewer)]
    if axis is not None:
        conditions.append(Service.axis == axis)
    return conditions


async def page_per_actor(
    session: AsyncSession,
    actor_ids: Sequence[int],
    *,
    axis: ServiceAxis | None,
    first: int,
    after_id: int | None,
    viewer: Viewer,
) -> dict[int, NestedPage]:
    """Up to ``first`` services of each actor in creation order, in one statement."""
    conditions = _per_actor_filter(actor_ids, axis, viewer)
    if after_id is not None:
        conditions.append(Service.id > after_id)
    number = func.row_number().over(partition_by=Service.actor_id, order_by=Service.id)
    inner = select(Service, number.label("rn")).where(*conditions).subquery()
    ranked = aliased(Service, inner)
    statement = select(ranked).where(inner.c.rn <= first + 1).order_by(inner.c.actor_id, inner.c.rn)
    grouped: dict[int, list[Service]] = defaultdict(list)
    for row in await session.scalars(statement):
        grouped[row.actor_id].append(row)
    return {
        actor_id: NestedPage(rows=rows[:first], has_next=len(rows) > first)
        for actor_id, rows in grouped.items()
    }


async def count_per_actor(
    session: AsyncSession, actor_ids: Sequence[int], *, axis: ServiceAxis | None, viewer: Viewer
) -> dict[int, int]:
    statement = (
        select(Service.actor_id, func.count())
        .where(*_per_actor_filter(actor_ids, axis, viewer))
        .group_by(Service.actor_id)
    )
    return {actor_id: count for actor_id, count in (await session.execute(statement)).all()}


async def area_territory_ids(
    session: AsyncSession, service_ids: Sequence[int]
) -> dict[int, list[int]]:
    statement = (
        select(service_areas.c.service_id, service_areas.c.territory_id)
        .where(service_areas.c.service_id.in_(service_ids))
        .order_by(service_areas.c.service_id, service_areas.c.territory_id)
    )
    areas: dict[int, list[int]] = defaultdict(list)
    for service_id, territory_id in (await session.execute(statement)).all():
        areas[service_id].append(territory_id)
    return areas
