"""The demo network: a fictional but realistic Moroccan leaving-care network."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession


async def seed_demo(session: AsyncSession) -> None:
    """Insert the demo network into an empty, migrated database (reference data loaded)."""
