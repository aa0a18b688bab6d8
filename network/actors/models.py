from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, SortKey, UtcDateTime, name_enum, utcnow
from network.enums import ActorKind


class Actor(Base):
    """An organisation of the network, or a unit inside one (``parent_id``)."""

    __tablename__ = "actors"
    __table_args__ = (
        Index("ix_actors_territory_kind", "territory_id", "kind"),
        Index("ix_actors_sort_fr", "sort_fr", "id"),
        Index("ix_actors_sort_ar", "sort_ar", "id"),
        # the active actors' ids alone: a search's total counts them by an index-only scan
        Index(
            "ix_actors_active_id",
            "id",
            postgresql_where=text("active"),
            sqlite_where=text("active"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    names: Mapped[dict[str, str]] = mapped_column(JsonType)
    acronym: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[ActorKind] = mapped_column(name_enum(ActorKind, 32))
    description: Mapped[dict[str, str] | None] = mapped_column(JsonType)
    territory_id: Mapped[int] = mapped_column(ForeignKey("territories.id"))
    address: Mapped[str | None] = mapped_column(String(400))
    postal_code: Mapped[str | None] = mapped_column(String(5))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(400))
    legal_status: Mapped[str | None] = mapped_column(String(120))
    languages: Mapped[list[str]] = mapped_column(JsonType, default=list)
    accepts_referrals: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_fr: Mapped[str] = mapped_column(SortKey, default="")
    sort_ar: Mapped[str] = mapped_column(SortKey, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
