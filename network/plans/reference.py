"""The diagnosis indicators shipped with Jisr, synced idempotently by ``jisr db upgrade``.

A network changes its indicators by editing ``indicators.csv`` (codes are stable; texts in
Arabic, French and English). An indicator dropped from the file stays in the table, so
past assessments keep their questions.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.enums import ServiceAxis
from network.plans.models import Indicator

INDICATORS_CSV = Path(__file__).parent / "indicators.csv"


async def sync_indicators(session: AsyncSession) -> None:
    existing = {i.code: i for i in (await session.scalars(select(Indicator))).all()}
    with INDICATORS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        indicator = existing.get(row["code"])
        if indicator is None:
            indicator = Indicator(code=row["code"])
            session.add(indicator)
        indicator.axis = ServiceAxis(row["axis"])
        indicator.position = int(row["position"])
        indicator.names = {"ar": row["name_ar"], "fr": row["name_fr"], "en": row["name_en"]}
    await session.flush()
