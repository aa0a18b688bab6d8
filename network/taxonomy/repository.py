"""Queries on the taxonomy of service categories."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.taxonomy.models import TaxonomyTerm


async def get_by_code(session: AsyncSession, code: str) -> TaxonomyTerm | None:
    return await session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == code))
