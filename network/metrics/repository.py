"""Snapshots of computed figures: the freshest one per scope answers the queries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.metrics.figures import Metrics
from network.metrics.models import MetricSnapshot
from network.metrics.scope import Scope


def _equals(column: Any, value: Any) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value  # type: ignore[no-any-return]


def _of(scope: Scope) -> list[ColumnElement[bool]]:
    return [
        MetricSnapshot.period_from == scope.period.start,
        MetricSnapshot.period_to == scope.period.end,
        _equals(MetricSnapshot.territory_id, scope.territory_id),
        _equals(MetricSnapshot.axis, scope.axis),
        _equals(MetricSnapshot.actor_id, scope.actor_id),
    ]


async def freshest(session: AsyncSession, scope: Scope) -> MetricSnapshot | None:
    return await session.scalar(
        select(MetricSnapshot)
        .where(*_of(scope))
        .order_by(MetricSnapshot.computed_at.desc(), MetricSnapshot.id.desc())
        .limit(1)
    )


async def replace(
    session: AsyncSession, scope: Scope, metrics: Metrics, *, computed_at: datetime
) -> MetricSnapshot:
    """Store a new snapshot and drop the older ones of the scope, in the caller's
    transaction: a computation that fails leaves the previous snapshot as it was."""
    await session.execute(delete(MetricSnapshot).where(*_of(scope)))
    snapshot = MetricSnapshot(
        territory_id=scope.territory_id,
        axis=scope.axis,
        actor_id=scope.actor_id,
        period_from=scope.period.start,
        period_to=scope.period.end,
        computed_at=computed_at,
        payload=metrics.to_payload(),
    )
    session.add(snapshot)
    await session.flush()
    return snapshot
