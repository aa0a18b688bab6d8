"""The actor map: visible actors by filter and keyset, and the axes of their active
services."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.actors.repository import visible
from network.directory.actor_filters import ActorFilter, Keyset
from network.enums import AXIS_ORDER, ServiceAxis
from network.services.models import Service
from network.viewer import Viewer


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


@dataclass(frozen=True)
class ActorPage:
    """A page of the actor map: rows with their cursor positions, and distances when the
    search was near a point."""

    rows: list[Actor]
    positions: list[list[Any]]
    distances: list[float | None]
    has_next: bool


async def search(
    session: AsyncSession,
    *,
    where: ActorFilter,
    keyset: Keyset,
    first: int,
    after: Sequence[Any] | None,
    viewer: Viewer,
) -> ActorPage:
    """Visible actors matching ``where`` in ``keyset`` order, after a position: one statement."""
    conditions = [visible(viewer), *where.conditions()]
    if after is not None:
        conditions.append(keyset.after(after))
    distance = where.near.distance().label("distance_km") if where.near else None
    columns: list[Any] = [Actor] if distance is None else [Actor, distance]
    statement = select(*columns).where(*conditions).order_by(*keyset.order_by()).limit(first + 1)
    found = (await session.execute(statement)).all()
    rows = [line[0] for line in found[:first]]
    distances = [line[1] if distance is not None else None for line in found[:first]]
    return ActorPage(
        rows=rows,
        positions=[keyset.position(r, d) for r, d in zip(rows, distances, strict=True)],
        distances=distances,
        has_next=len(found) > first,
    )


async def count(session: AsyncSession, *, where: ActorFilter, viewer: Viewer) -> int:
    statement = select(func.count()).select_from(Actor).where(visible(viewer), *where.conditions())
    return int(await session.scalar(statement) or 0)
