"""Territories and taxonomy held in memory: reference data read on every directory query.

They change only when ``jisr db upgrade`` syncs the shipped CSV files, so each API
process loads them once (one statement each) and serves them without SQL.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory


@dataclass
class Reference:
    territories: dict[int, Territory] = field(default_factory=dict)
    territories_by_code: dict[str, Territory] = field(default_factory=dict)
    children: dict[int | None, list[Territory]] = field(default_factory=dict)
    terms: dict[int, TaxonomyTerm] = field(default_factory=dict)
    terms_by_code: dict[str, TaxonomyTerm] = field(default_factory=dict)

    @classmethod
    async def load(cls, session: AsyncSession) -> Reference:
        territories = list((await session.scalars(select(Territory))).all())
        terms = list((await session.scalars(select(TaxonomyTerm).order_by(TaxonomyTerm.id))).all())
        children: dict[int | None, list[Territory]] = defaultdict(list)
        for territory in sorted(territories, key=lambda t: t.code):
            children[territory.parent_id].append(territory)
        return cls(
            territories={t.id: t for t in territories},
            territories_by_code={t.code: t for t in territories},
            children=dict(children),
            terms={t.id: t for t in terms},
            terms_by_code={t.code: t for t in terms},
        )


class ReferenceHolder:
    """Loads the reference data on first use, once per process."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._value: Reference | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> Reference:
        if self._value is None:
            async with self._lock:
                if self._value is None:
                    async with self._sessions() as session:
                        self._value = await Reference.load(session)
        return self._value
