from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from network.database import (
    Base,
    JsonType,
    SortKey,
    UtcDateTime,
    link_table,
    name_enum,
    utcnow,
)
from network.enums import ServiceAxis

service_areas = link_table(
    "service_areas", ("service_id", "services.id"), ("territory_id", "territories.id")
)


class Service(Base):
    """One item of an actor's basket of services."""

    __tablename__ = "services"
    __table_args__ = (
        Index("ix_services_actor_active", "actor_id", "active"),
        Index("ix_services_axis_active", "axis", "active"),
        Index(
            "ix_services_active_axis_actor",
            "axis",
            "actor_id",
            postgresql_where=text("active"),
            sqlite_where=text("active"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"))
    names: Mapped[dict[str, str]] = mapped_column(JsonType)
    description: Mapped[dict[str, str] | None] = mapped_column(JsonType)
    axis: Mapped[ServiceAxis] = mapped_column(name_enum(ServiceAxis, 32))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("taxonomy_terms.id"), index=True)
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    genders: Mapped[list[str]] = mapped_column(JsonType, default=list)
    requirements: Mapped[dict[str, str] | None] = mapped_column(JsonType)
    # What a young person needs to know before going (texts by language, as HSDS
    # publishes them): opening hours, fees, documents to bring, accessibility.
    schedule: Mapped[dict[str, str] | None] = mapped_column(JsonType)
    fees: Mapped[dict[str, str] | None] = mapped_column(JsonType)
    documents: Mapped[dict[str, str] | None] = mapped_column(JsonType)
    accessibility: Mapped[dict[str, str] | None] = mapped_column(JsonType)
    capacity_available: Mapped[int | None] = mapped_column(Integer)
    capacity_total: Mapped[int | None] = mapped_column(Integer)
    capacity_updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    response_days: Mapped[int] = mapped_column(Integer, default=5)
    accepts_referrals: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_fr: Mapped[str] = mapped_column(SortKey, default="")
    sort_ar: Mapped[str] = mapped_column(SortKey, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
