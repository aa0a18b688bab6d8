"""Closed-loop referrals and their events. ``reason_enc`` and event ``note_enc`` are
identity fields, encrypted at rest."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, UtcDateTime, name_enum, utcnow
from network.enums import (
    DeclineReason,
    Priority,
    ReferralEventKind,
    ReferralOutcome,
    ReferralStatus,
    ServiceAxis,
)


class Referral(Base):
    __tablename__ = "referrals"
    __table_args__ = (
        UniqueConstraint("created_by_id", "idempotency_key"),
        Index("ix_referrals_to_status", "to_actor_id", "status"),
        Index("ix_referrals_from_status", "from_actor_id", "status"),
        Index("ix_referrals_status_respond_by", "status", "respond_by"),
        Index("ix_referrals_sent_at", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youths.id"), index=True)
    from_actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"))
    to_actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"), index=True)
    axis: Mapped[ServiceAxis] = mapped_column(name_enum(ServiceAxis, 32))
    reason_enc: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[Priority] = mapped_column(name_enum(Priority, 8), default=Priority.NORMAL)
    status: Mapped[ReferralStatus] = mapped_column(
        name_enum(ReferralStatus, 16), default=ReferralStatus.DRAFT
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    respond_by: Mapped[datetime | None] = mapped_column(UtcDateTime)
    responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    next_follow_up_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    outcome: Mapped[ReferralOutcome | None] = mapped_column(name_enum(ReferralOutcome, 24))
    decline_reason: Mapped[DeclineReason | None] = mapped_column(name_enum(DeclineReason, 24))
    redirected_to_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"))
    redirected_from_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    request_fingerprint: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class ReferralEvent(Base):
    """One change of a referral (or a note, follow-up, reminder), written with it."""

    __tablename__ = "referral_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id"), index=True)
    kind: Mapped[ReferralEventKind] = mapped_column(name_enum(ReferralEventKind, 24))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    from_status: Mapped[ReferralStatus | None] = mapped_column(name_enum(ReferralStatus, 16))
    to_status: Mapped[ReferralStatus | None] = mapped_column(name_enum(ReferralStatus, 16))
    note_enc: Mapped[str | None] = mapped_column(Text)
