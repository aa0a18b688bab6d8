"""The directory's version: a number every directory write moves, read by response caches.

It lives in a one-row table and moves inside the writing transaction, so a reader that
starts after the commit always sees the new number, whichever API replica serves it.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, Table, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from network.database import Base

directory_version = Table(
    "directory_version",
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", BigInteger, nullable=False),
)


async def bump(session: AsyncSession) -> None:
    """Mark the directory changed; call it in the unit of work of the change."""
    await session.execute(
        update(directory_version)
        .where(directory_version.c.id == 1)
        .values(version=directory_version.c.version + 1)
    )


async def current(connection: AsyncConnection | AsyncSession) -> int:
    version = await connection.scalar(
        select(directory_version.c.version).where(directory_version.c.id == 1)
    )
    return int(version or 0)
