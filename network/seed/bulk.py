"""Bulk inserts with explicit ids, shared by the demo and scale seeds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

CHUNK = 5_000


async def insert_rows(
    session: AsyncSession,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    chunk: int = CHUNK,
    on_chunk: Callable[[int], None] | None = None,
) -> None:
    """Insert ``rows`` (every column, ids included) in chunks; ``on_chunk`` gets each size."""
    for start in range(0, len(rows), chunk):
        batch = list(rows[start : start + chunk])
        await session.execute(insert(table), batch)
        if on_chunk is not None:
            on_chunk(len(batch))


async def after_bulk_load(session: AsyncSession, tables: Sequence[Table]) -> None:
    """On PostgreSQL, move id sequences past rows inserted with explicit ids and refresh
    the planner's statistics, which would otherwise still describe the empty tables
    (``tables`` include those that triggers filled, such as ``actor_search``: without
    statistics the planner took a common search word for a rare one).

    SQLite needs neither: its next rowid is always above the largest one.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        if "id" in table.c:
            await session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                )
            )
        await session.execute(text(f"ANALYZE {table.name}"))
