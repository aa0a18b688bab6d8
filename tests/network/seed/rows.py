"""Reading whole tables, to compare two seeded databases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select

from network.database import create_engine
from network.models import Base


async def rows_of(url: str, name: str, *exclude: str) -> list[dict[str, Any]]:
    table: Table = Base.metadata.tables[name]
    engine = create_engine(url, null_pool=True)
    try:
        async with engine.connect() as connection:
            columns = [c for c in table.columns if c.name not in exclude]
            result = await connection.execute(select(*columns).order_by(*table.primary_key))
            return [dict(row._mapping) for row in result]
    finally:
        await engine.dispose()
