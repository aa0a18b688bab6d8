"""Computed coordination figures, stored per scope (territory, axis, actor, period)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, UtcDateTime, name_enum
from network.enums import ServiceAxis


class MetricSnapshot(Base):
    """One computation of ``network.metrics.figures.Metrics`` as JSON; None means "all"."""

    __tablename__ = "metric_snapshots"
    __table_args__ = (
        Index(
            "ix_metric_snapshots_scope",
            "period_from",
            "period_to",
            "territory_id",
            "axis",
            "actor_id",
            "computed_at",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    territory_id: Mapped[int | None] = mapped_column(ForeignKey("territories.id"))
    axis: Mapped[ServiceAxis | None] = mapped_column(name_enum(ServiceAxis, 32))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"))
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    computed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType)
