from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, UtcDateTime, utcnow


class AuditEntry(Base):
    """Who did what to which records, when; never the personal values themselves."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    operation: Mapped[str] = mapped_column(String(80), index=True)
    record_ids: Mapped[list[str]] = mapped_column(JsonType, default=list)
    outcome: Mapped[str] = mapped_column(String(40), default="OK")
    request_id: Mapped[str | None] = mapped_column(String(64))
    # How many records a search matched (a name search is audited without its text).
    matched: Mapped[int | None] = mapped_column(Integer)
