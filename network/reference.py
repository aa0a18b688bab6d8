"""Territories and taxonomy shipped with Jisr, loaded idempotently by ``jisr db upgrade``."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.placement import place_actors
from network.enums import ServiceAxis, TerritoryLevel
from network.plans.reference import sync_indicators
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory

TERRITORIES_CSV = Path(__file__).parent / "territories" / "territories-ma.csv"
COMMUNES_CSV = Path(__file__).parent / "territories" / "communes-ma.csv"
TAXONOMY_CSV = Path(__file__).parent / "taxonomy" / "taxonomy.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


async def sync_reference_data(session: AsyncSession) -> None:
    await sync_territories(session)
    await sync_taxonomy(session)
    await sync_indicators(session)


async def sync_territories(session: AsyncSession) -> None:
    """Regions and provinces, then their communes (one flush per file's row order for the
    first, one for all communes: their parents exist by then)."""
    existing = {t.code: t for t in (await session.scalars(select(Territory))).all()}
    for row in _rows(TERRITORIES_CSV):
        _sync_row(existing, row, session)
        await session.flush()
    for row in _rows(COMMUNES_CSV):
        _sync_row(existing, row, session)
    await session.flush()
    await place_actors(session)


def _sync_row(existing: dict[str, Territory], row: dict[str, str], session: AsyncSession) -> None:
    parent = existing.get(row["parent"]) if row["parent"] else None
    if row["parent"] and parent is None:
        raise ValueError(f"territory {row['code']}: parent {row['parent']} comes later")
    path = (parent.path if parent else "/") + row["code"] + "/"
    names = {"fr": row["name_fr"], "ar": row["name_ar"]}
    territory = existing.get(row["code"])
    if territory is None:
        territory = Territory(code=row["code"])
        session.add(territory)
        existing[row["code"]] = territory
    territory.level = TerritoryLevel(row["level"])
    territory.kind = row["kind"] or None
    territory.parent_id = parent.id if parent else None
    territory.path = path
    territory.names = names


async def sync_taxonomy(session: AsyncSession) -> None:
    existing = {t.code: t for t in (await session.scalars(select(TaxonomyTerm))).all()}
    for row in _rows(TAXONOMY_CSV):
        term = existing.get(row["code"])
        if term is None:
            term = TaxonomyTerm(code=row["code"])
            session.add(term)
        term.axis = ServiceAxis(row["axis"])
        term.names = {"ar": row["name_ar"], "fr": row["name_fr"], "en": row["name_en"]}
    await session.flush()
