"""The coverage matrix: for each territory of a level and each axis, the services that
reach it and the young people there whose need on the axis nobody is working on.

A service reaches a territory when one of its areas (the actor's territory when it has
none) is the territory, contains it or lies in it — a province service counts for its
region. Services and actors must be active. A young person lives in their residence
territory, else their institution's. Their need counts when MEDIUM or HIGH with no
open or completed referral on the axis. Counts of 1 to 4 are hidden from all but ADMIN
where the cells are published (``network.metrics.disclosure``); ``gap`` is decided on
the true count, so a territory with a few needy young people and no
service still shows its gap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, String, and_, func, literal, or_, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.enums import OPEN_STATUSES, NeedLevel, ReferralStatus, ServiceAxis, TerritoryLevel
from network.metrics.disclosure import COUNT
from network.records.referrals import Referral
from network.records.youths import Need, Youth
from network.services.models import Service, service_areas
from network.territories.models import Territory
from network.territories.subtree import territories_under

NEEDS = (NeedLevel.MEDIUM, NeedLevel.HIGH)
WORKED_ON = (*sorted(OPEN_STATUSES), ReferralStatus.COMPLETED)


@dataclass(frozen=True)
class CoverageCell:
    territory_id: int
    axis: ServiceAxis
    active_services: int
    available_capacity: int | None
    youth_with_need: int | None = field(metadata=COUNT)
    gap: bool


def _overlaps(path_a: Any, path_b: Any) -> Any:
    return or_(path_a.like(path_b + "%"), path_b.like(path_a + "%"))


async def coverage(
    session: AsyncSession,
    *,
    level: TerritoryLevel,
    territory_path: str | None = None,
    axis: ServiceAxis | None = None,
) -> list[CoverageCell]:
    """Cells ordered by territory code, then axis in enum order."""
    t = Territory.__table__.c
    cells = select(t.id, t.code, t.path).where(t.level == level)
    if territory_path is not None:
        cells = cells.where(t.id.in_(territories_under(territory_path)))
    cell = cells.subquery("cells")
    axes = [axis] if axis is not None else list(ServiceAxis)
    axis_rows = union_all(
        *(
            select(literal(a.value, String).label("axis"), literal(i, Integer).label("rank"))
            for i, a in enumerate(axes)
        )
    ).subquery("axes")

    s, a, sa = Service.__table__.c, Actor.__table__.c, service_areas.c
    area = Territory.__table__.alias("area")
    live = and_(s.active.is_(True), a.active.is_(True))
    with_area = (
        select(s.id, s.axis, s.capacity_available, area.c.path)
        .join(Actor.__table__, a.id == s.actor_id)
        .join(service_areas, sa.service_id == s.id)
        .join(area, area.c.id == sa.territory_id)
        .where(live)
    )
    home = Territory.__table__.alias("home")
    without_area = (
        select(s.id, s.axis, s.capacity_available, home.c.path)
        .join(Actor.__table__, a.id == s.actor_id)
        .join(home, home.c.id == a.territory_id)
        .where(live, ~select(sa.service_id).where(sa.service_id == s.id).exists())
    )
    places = union_all(with_area, without_area).subquery("places")
    reached = (
        select(
            cell.c.id.label("territory_id"), places.c.axis, places.c.id, places.c.capacity_available
        )
        .join(places, _overlaps(places.c.path, cell.c.path))
        .distinct()
        .subquery("reached")
    )
    supply = (
        select(
            reached.c.territory_id,
            reached.c.axis,
            func.count().label("services"),
            func.sum(reached.c.capacity_available).label("capacity"),
        )
        .group_by(reached.c.territory_id, reached.c.axis)
        .subquery("supply")
    )

    y, n, r = Youth.__table__.c, Need.__table__.c, Referral.__table__.c
    residence = Territory.__table__.alias("residence")
    institution_place = Territory.__table__.alias("institution_place")
    lives = (
        select(y.id, func.coalesce(residence.c.path, institution_place.c.path).label("path"))
        .join(Actor.__table__, a.id == y.institution_id)
        .join(institution_place, institution_place.c.id == a.territory_id)
        .outerjoin(residence, residence.c.id == y.residence_territory_id)
        .subquery("lives")
    )
    worked_on = (
        select(r.id)
        .where(r.youth_id == n.youth_id, r.axis == n.axis, r.status.in_(WORKED_ON))
        .exists()
    )
    needy = select(n.youth_id, n.axis).where(n.level.in_(NEEDS), ~worked_on).subquery("needy")
    demand = (
        select(cell.c.id.label("territory_id"), needy.c.axis, func.count().label("youths"))
        .join(lives, lives.c.path.like(cell.c.path + "%"))
        .join(needy, needy.c.youth_id == lives.c.id)
        .group_by(cell.c.id, needy.c.axis)
        .subquery("demand")
    )

    rows = await session.execute(
        select(
            cell.c.id,
            axis_rows.c.axis,
            func.coalesce(supply.c.services, 0).label("services"),
            supply.c.capacity,
            func.coalesce(demand.c.youths, 0).label("youths"),
        )
        .select_from(cell.join(axis_rows, true()))
        .outerjoin(
            supply, and_(supply.c.territory_id == cell.c.id, supply.c.axis == axis_rows.c.axis)
        )
        .outerjoin(
            demand, and_(demand.c.territory_id == cell.c.id, demand.c.axis == axis_rows.c.axis)
        )
        .order_by(cell.c.code, axis_rows.c.rank)
    )
    return [
        CoverageCell(
            territory_id=row.id,
            axis=ServiceAxis(row.axis),
            active_services=row.services,
            available_capacity=row.capacity,
            youth_with_need=row.youths,
            gap=row.youths > 0 and row.services == 0,
        )
        for row in rows
    ]
