"""Registered GraphQL documents: in allow-list mode, the only ones the API runs."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import String, Text, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, UtcDateTime, utcnow


class PersistedQuery(Base):
    __tablename__ = "persisted_queries"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


def sha256_of(document: str) -> str:
    """The hash Apollo clients send: hex SHA-256 of the document's UTF-8 bytes."""
    return hashlib.sha256(document.encode()).hexdigest()


async def register(session: AsyncSession, document: str) -> tuple[str, bool]:
    """Store ``document``; its hash, and whether it was new."""
    digest = sha256_of(document)
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    result = await session.execute(
        insert(PersistedQuery)
        .values(sha256=digest, document=document, registered_at=utcnow())
        .on_conflict_do_nothing(index_elements=["sha256"])
    )
    return digest, bool(getattr(result, "rowcount", 0))


async def document_of(session: AsyncSession, digest: str) -> str | None:
    return await session.scalar(
        select(PersistedQuery.document).where(PersistedQuery.sha256 == digest)
    )
