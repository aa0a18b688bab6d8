"""Every query on services. Visibility: active services of active actors are public;
an actor's staff and ADMIN also see its inactive ones."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from network.actors import repository as actors
from network.actors.models import Actor
from network.enums import ServiceAxis
from network.pages import Page, pages_by
from network.services.filters import ServiceFilter
from network.services.models import Service, service_areas
from network.viewer import Viewer


def visible(viewer: Viewer, entity: Any = Service) -> ColumnElement[bool]:
    """Rows of ``entity`` (the table or an alias of it) that ``viewer`` may see."""
    return actors.active_or_own(viewer, entity.active, entity.actor_id)


def listed(viewer: Viewer) -> Select[Service]:
    """Services the viewer may find on their own: visible, of a visible actor."""
    return (
        select(Service)
        .join(Actor, Actor.id == Service.actor_id)
        .where(visible(viewer), actors.visible(viewer))
    )


async def get_visible(
    session: AsyncSession, ids: Sequence[int], viewer: Viewer
) -> dict[int, Service]:
    rows = await session.scalars(listed(viewer).where(Service.id.in_(ids)))
    return {row.id: row for row in rows}


async def search(
    session: AsyncSession,
    *,
    where: ServiceFilter,
    first: int,
    after_id: int | None,
    viewer: Viewer,
) -> Page[Service]:
    """Listed services matching ``where`` in creation order, after ``after_id``."""
    statement = listed(viewer).where(*where.conditions())
    if after_id is not None:
        statement = statement.where(Service.id > after_id)
    rows = list(await session.scalars(statement.order_by(Service.id).limit(first + 1)))
    return Page.cut(rows, first)


async def count(session: AsyncSession, *, where: ServiceFilter, viewer: Viewer) -> int:
    statement = listed(viewer).where(*where.conditions()).with_only_columns(func.count())
    return int(await session.scalar(statement) or 0)


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
) -> dict[int, Page[Service]]:
    """Up to ``first`` services of each actor in creation order, in one statement."""
    conditions = _per_actor_filter(actor_ids, axis, viewer)
    if after_id is not None:
        conditions.append(Service.id > after_id)
    number = func.row_number().over(partition_by=Service.actor_id, order_by=Service.id)
    inner = select(Service, number.label("rn")).where(*conditions).subquery()
    ranked = aliased(Service, inner)
    statement = select(ranked).where(inner.c.rn <= first + 1).order_by(inner.c.actor_id, inner.c.rn)
    return pages_by(await session.scalars(statement), lambda row: row.actor_id, first)


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
