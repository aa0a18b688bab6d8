"""Young people in or leaving care. Identity columns (``*_enc``) hold Fernet tokens
(network.crypto); ``name_hash`` finds an exact full name without decrypting."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, UtcDateTime, name_enum, utcnow
from network.enums import (
    EducationLevel,
    Gender,
    MilestoneKind,
    NeedLevel,
    ServiceAxis,
    VocationalLevel,
    YouthStatus,
)


class Youth(Base):
    __tablename__ = "youths"
    __table_args__ = (
        UniqueConstraint("created_by_id", "idempotency_key"),
        UniqueConstraint("institution_id", "code", name="uq_youths_institution_code"),
        Index("ix_youths_institution_status", "institution_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    """Unique within the institution (another institution's code may be the same)."""
    first_name_enc: Mapped[str | None] = mapped_column(Text)
    last_name_enc: Mapped[str | None] = mapped_column(Text)
    birth_date_enc: Mapped[str | None] = mapped_column(Text)
    name_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    gender: Mapped[Gender | None] = mapped_column(name_enum(Gender, 8))
    institution_id: Mapped[int] = mapped_column(ForeignKey("actors.id"))
    residence_territory_id: Mapped[int | None] = mapped_column(
        ForeignKey("territories.id"), index=True
    )
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    status: Mapped[YouthStatus] = mapped_column(
        name_enum(YouthStatus, 24), default=YouthStatus.IN_CARE
    )
    expected_leaving_date: Mapped[date | None] = mapped_column(Date, index=True)
    left_care_on: Mapped[date | None] = mapped_column(Date, index=True)
    education_level: Mapped[EducationLevel | None] = mapped_column(name_enum(EducationLevel, 24))
    vocational_level: Mapped[VocationalLevel | None] = mapped_column(name_enum(VocationalLevel, 24))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    request_fingerprint: Mapped[str | None] = mapped_column(String(64))
    identity_erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class Need(Base):
    """The assessed need of one young person on one axis (one row per axis)."""

    __tablename__ = "needs"

    youth_id: Mapped[int] = mapped_column(
        ForeignKey("youths.id", ondelete="CASCADE"), primary_key=True
    )
    axis: Mapped[ServiceAxis] = mapped_column(name_enum(ServiceAxis, 32), primary_key=True)
    level: Mapped[NeedLevel] = mapped_column(name_enum(NeedLevel, 8))
    note_enc: Mapped[str | None] = mapped_column(Text)
    assessed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Milestone(Base):
    __tablename__ = "milestones"
    __table_args__ = (Index("ix_milestones_youth_kind", "youth_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youths.id", ondelete="CASCADE"))
    kind: Mapped[MilestoneKind] = mapped_column(name_enum(MilestoneKind, 24))
    achieved_on: Mapped[date] = mapped_column(Date)
    note_enc: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
