"""Messages to people: the outbox (every message, recorded before it is sent), in-app
notifications, and partner webhooks."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, UtcDateTime, name_enum, utcnow
from network.enums import NotificationKind


class OutboxMessage(Base):
    """One message to one recipient on one channel.

    ``dedupe_key`` (rule, subject, due date, channel, recipient) is unique: the row is
    inserted with ON CONFLICT DO NOTHING in the transaction that made it due, so a
    rule evaluated twice never sends twice. ``state`` moves PENDING → SENDING (claimed
    with a lease by one conditional UPDATE) → SENT, or back to PENDING with a later
    ``due_at`` after a failure, and DEAD after the last attempt.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_due", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(255), unique=True)
    rule: Mapped[str] = mapped_column(String(64))
    kind: Mapped[NotificationKind] = mapped_column(name_enum(NotificationKind, 40))
    channel: Mapped[str] = mapped_column(String(16))
    recipient_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    webhook_id: Mapped[int | None] = mapped_column(ForeignKey("webhooks.id"), index=True)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"), index=True)
    youth_id: Mapped[int | None] = mapped_column(ForeignKey("youths.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"))
    payload: Mapped[dict[str, object]] = mapped_column(JsonType, default=dict)
    state: Mapped[str] = mapped_column(String(16), default="PENDING")
    due_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Notification(Base):
    """An in-app notification, written in the transaction that marks its outbox row sent."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"), unique=True)
    kind: Mapped[NotificationKind] = mapped_column(name_enum(NotificationKind, 40))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"))
    youth_id: Mapped[int | None] = mapped_column(ForeignKey("youths.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Webhook(Base):
    """A partner endpoint receiving its actor's referral events as signed JSON."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    secret_enc: Mapped[str] = mapped_column(Text)
    events: Mapped[list[str]] = mapped_column(JsonType, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
