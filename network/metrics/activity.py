"""The activity report of the social complexes: services delivered — referrals
completed in the period — per receiving actor (a unit counts on its own), per category
and axis. An actor belongs to the territory when it lies in it."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.enums import Language, ReferralStatus, ServiceAxis
from network.errors import NotFound
from network.localized import pick
from network.metrics.disclosure import COUNT
from network.metrics.scope import Period, actors_in
from network.records.referrals import Referral
from network.services.models import Service
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory

CSV_COLUMNS = (
    "period_from",
    "period_to",
    "territory",
    "actor_id",
    "actor",
    "unit_of",
    "axis",
    "category",
    "category_name",
    "services_delivered",
)


@dataclass(frozen=True)
class ActivityRow:
    actor_id: int
    category_id: int | None
    axis: ServiceAxis
    services_delivered: int | None = field(metadata=COUNT)


def _delivered(territory_path: str | None, period: Period) -> Select[Any]:
    r, s = Referral.__table__.c, Service.__table__.c
    statement = (
        select(
            r.to_actor_id.label("actor_id"),
            s.category_id,
            r.axis,
            func.count().label("delivered"),
        )
        .outerjoin(Service.__table__, s.id == r.service_id)
        .where(
            r.status == ReferralStatus.COMPLETED,
            r.completed_at >= period.first_instant,
            r.completed_at < period.end_instant,
        )
        .group_by(r.to_actor_id, s.category_id, r.axis)
    )
    if territory_path is not None:
        statement = statement.where(r.to_actor_id.in_(actors_in(territory_path)))
    return statement


async def activity_rows(
    session: AsyncSession, *, territory_path: str | None, period: Period
) -> list[ActivityRow]:
    """Ordered by actor id, axis, category id (uncategorised first)."""
    delivered = _delivered(territory_path, period).subquery("delivered")
    d = delivered.c
    rows = await session.execute(
        select(delivered).order_by(d.actor_id, d.axis, d.category_id.is_not(None), d.category_id)
    )
    return [
        ActivityRow(
            actor_id=row.actor_id,
            category_id=row.category_id,
            axis=ServiceAxis(row.axis),
            services_delivered=row.delivered,
        )
        for row in rows
    ]


async def territory_path_of(session: AsyncSession, code: str) -> str:
    path = await session.scalar(select(Territory.path).where(Territory.code == code))
    if path is None:
        raise NotFound(f"no territory {code}", field=["territory"])
    return path


async def write_activity_csv(
    session: AsyncSession,
    *,
    territory_code: str | None,
    period: Period,
    out: TextIO,
    language: Language = Language.FR,
) -> int:
    """Write the report as CSV (``CSV_COLUMNS``, names in ``language``); returns the rows."""
    path = await territory_path_of(session, territory_code) if territory_code else None
    delivered = _delivered(path, period).subquery("delivered")
    d = delivered.c
    actor, parent = Actor.__table__.alias("actor"), Actor.__table__.alias("parent")
    term, place = TaxonomyTerm.__table__.alias("term"), Territory.__table__.alias("place")
    rows = await session.execute(
        select(
            d.actor_id,
            actor.c.names.label("actor_names"),
            parent.c.names.label("parent_names"),
            place.c.code.label("territory"),
            d.axis,
            term.c.code.label("category"),
            term.c.names.label("category_names"),
            d.delivered,
        )
        .join(actor, actor.c.id == d.actor_id)
        .join(place, place.c.id == actor.c.territory_id)
        .outerjoin(parent, parent.c.id == actor.c.parent_id)
        .outerjoin(term, term.c.id == d.category_id)
        .order_by(d.actor_id, d.axis, d.category_id.is_not(None), d.category_id)
    )
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    written = 0
    for row in rows:
        writer.writerow(
            (
                period.start.isoformat(),
                period.end.isoformat(),
                row.territory,
                row.actor_id,
                pick(row.actor_names, language, None) or "",
                pick(row.parent_names, language, None) or "",
                row.axis,
                row.category or "",
                pick(row.category_names, language, None) or "",
                row.delivered,
            )
        )
        written += 1
    return written
