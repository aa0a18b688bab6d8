"""Coordination metrics of a scope: computed in SQL, stored as snapshots, served from them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.actors.models import Actor
from network.enums import ServiceAxis, TerritoryLevel
from network.errors import NotFound
from network.metrics import repository
from network.metrics.autonomy import autonomy_figures
from network.metrics.figures import Metrics
from network.metrics.network import network_figures
from network.metrics.referrals import (
    actor_figures,
    axis_figures,
    referral_figures,
    scoped_referrals,
)
from network.metrics.scope import Period, Scope, standard_periods
from network.metrics.settings import AutonomyRule, autonomy_rule
from network.territories.models import Territory


@dataclass(frozen=True)
class Served:
    metrics: Metrics
    computed_at: datetime


async def scope_of(
    session: AsyncSession,
    *,
    period: Period,
    territory_id: int | None = None,
    axis: ServiceAxis | None = None,
    actor_id: int | None = None,
) -> Scope:
    """The scope named by these ids; an unknown territory or actor is NOT_FOUND."""
    path = None
    if territory_id is not None:
        path = await session.scalar(select(Territory.path).where(Territory.id == territory_id))
        if path is None:
            raise NotFound("no such territory", field=["territoryId"])
    if actor_id is not None and await session.get(Actor, actor_id) is None:
        raise NotFound("no such actor", field=["actorId"])
    return Scope(
        period=period, territory_id=territory_id, territory_path=path, axis=axis, actor_id=actor_id
    )


async def compute(
    session: AsyncSession,
    scope: Scope,
    *,
    as_of: datetime,
    rule: AutonomyRule | None = None,
) -> Metrics:
    """Every figure of the scope as of ``as_of`` (overdue items; months since leaving care)."""
    async with scoped_referrals(session, scope, as_of=as_of) as scoped:
        return Metrics(
            referrals=await referral_figures(session, scoped),
            by_axis=await axis_figures(session, scoped, scope),
            by_actor=await actor_figures(session, scoped, scope),
            autonomy=await autonomy_figures(
                session, scope, rule=rule or autonomy_rule(), today=clock.local_date(as_of)
            ),
            network=await network_figures(session, scoped, scope),
        )


async def recompute(
    session: AsyncSession, scope: Scope, *, rule: AutonomyRule | None = None
) -> Served:
    """Compute now and store the snapshot in the caller's transaction."""
    as_of = clock.now()
    metrics = await compute(session, scope, as_of=as_of, rule=rule)
    await repository.replace(session, scope, metrics, computed_at=as_of)
    return Served(metrics=metrics, computed_at=as_of)


async def served(session: AsyncSession, scope: Scope) -> Served:
    """The freshest snapshot of the scope; computed and stored when there is none."""
    snapshot = await repository.freshest(session, scope)
    if snapshot is None:
        return await recompute(session, scope)
    return Served(metrics=Metrics.from_payload(snapshot.payload), computed_at=snapshot.computed_at)


async def standard_scopes(session: AsyncSession, *, today: date) -> list[Scope]:
    """The nightly scopes: the country, every region and every province, for each
    standard period (``scope.standard_periods``)."""
    rows = await session.execute(
        select(Territory.id, Territory.path)
        .where(Territory.level.in_([TerritoryLevel.REGION, TerritoryLevel.PROVINCE]))
        .order_by(Territory.path)
    )
    places: list[tuple[int | None, str | None]] = [
        (None, None),
        *((row.id, row.path) for row in rows),
    ]
    return [
        Scope(period=period, territory_id=territory_id, territory_path=path)
        for period in standard_periods(today)
        for territory_id, path in places
    ]
