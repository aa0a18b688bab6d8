"""Every query on actors. Visibility: active actors are public; inactive ones are seen
by their own staff and ADMIN."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.enums import AXIS_ORDER, ServiceAxis
from network.services.models import Service
from network.viewer import Viewer


def visible(viewer: Viewer) -> ColumnElement[bool]:
    if viewer.is_admin:
        return true()
    if viewer.is_actor_staff:
        return or_(Actor.active.is_(True), Actor.id.in_(sorted(viewer.actor_scope)))
    return Actor.active.is_(True)


async def get_many(session: AsyncSession, ids: Sequence[int]) -> dict[int, Actor]:
    rows = await session.scalars(select(Actor).where(Actor.id.in_(ids)))
    return {row.id: row for row in rows}


async def get_visible(
    session: AsyncSession, ids: Sequence[int], viewer: Viewer
) -> dict[int, Actor]:
    rows = await session.scalars(select(Actor).where(Actor.id.in_(ids), visible(viewer)))
    return {row.id: row for row in rows}


async def units_of(
    session: AsyncSession, parent_ids: Sequence[int], viewer: Viewer
) -> dict[int, list[Actor]]:
    statement = (
        select(Actor).where(Actor.parent_id.in_(parent_ids), visible(viewer)).order_by(Actor.id)
    )
    units: dict[int, list[Actor]] = defaultdict(list)
    for row in await session.scalars(statement):
        units[row.parent_id or 0].append(row)
    return units


async def axes_of(session: AsyncSession, actor_ids: Sequence[int]) -> dict[int, list[ServiceAxis]]:
    """Axes of each actor's own active services, in enum order."""
    statement = (
        select(Service.actor_id, Service.axis)
        .where(Service.actor_id.in_(actor_ids), Service.active.is_(True))
        .distinct()
    )
    axes: dict[int, list[ServiceAxis]] = defaultdict(list)
    for actor_id, axis in (await session.execute(statement)).all():
        axes[actor_id].append(ServiceAxis(axis))
    return {k: sorted(v, key=AXIS_ORDER.__getitem__) for k, v in axes.items()}
