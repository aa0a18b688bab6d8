"""Queries on territories (the API serves them from memory; the domain checks ids here)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.territories.models import Territory


async def existing_ids(session: AsyncSession, ids: Sequence[int]) -> set[int]:
    """Those of ``ids`` that name a territory."""
    if not ids:
        return set()
    return set(await session.scalars(select(Territory.id).where(Territory.id.in_(ids))))


async def get_by_code(session: AsyncSession, code: str) -> Territory | None:
    return await session.scalar(select(Territory).where(Territory.code == code))
