from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, UtcDateTime, name_enum, utcnow
from network.enums import Language


class User(Base):
    """A person who signs in: staff of an actor, or a coordinator of a territory."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[Language] = mapped_column(name_enum(Language, 8), default=Language.FR)
    roles: Mapped[list[str]] = mapped_column(JsonType, default=list)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    territory_id: Mapped[int | None] = mapped_column(ForeignKey("territories.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ApiToken(Base):
    """An opaque bearer token; only its SHA-256 digest is stored.

    A SESSION token (from ``login``) ends ``idle_seconds`` after it was last used and at
    ``expires_at``; an INTEGRATION token (``createApiToken``) has a name and ends at its
    ``expires_at``. ``last_used_at`` moves at most once a minute.
    """

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(16), default="SESSION", server_default="SESSION")
    name: Mapped[str | None] = mapped_column(String(100))
    idle_seconds: Mapped[int | None] = mapped_column(Integer)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class NotificationPreference(Base):
    """Which channels a user wants for one kind of message."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    channels: Mapped[list[str]] = mapped_column(JsonType, default=list)
