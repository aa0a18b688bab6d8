"""Consents to share a young person's data with network actors for referrals."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, UtcDateTime, link_table, name_enum, utcnow
from network.enums import ConsentGiver

consent_actors = link_table(
    "consent_actors", ("consent_id", "consents.id"), ("actor_id", "actors.id")
)


class Consent(Base):
    """Covers all actors, kinds of actors (``actor_kinds``), or named actors and their
    units (``consent_actors``), from ``given_on`` to ``expires_on`` until withdrawn."""

    __tablename__ = "consents"
    __table_args__ = (UniqueConstraint("created_by_id", "idempotency_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youths.id", ondelete="CASCADE"), index=True)
    given_by: Mapped[ConsentGiver] = mapped_column(name_enum(ConsentGiver, 24))
    all_actors: Mapped[bool] = mapped_column(Boolean, default=False)
    actor_kinds: Mapped[list[str]] = mapped_column(JsonType, default=list)
    given_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    evidence_enc: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    request_fingerprint: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
