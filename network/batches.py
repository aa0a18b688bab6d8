"""Reads of many rows in one statement, for the API's batch loaders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

M = TypeVar("M")


class Identified(Protocol):
    @property
    def id(self) -> int: ...


Row = TypeVar("Row", bound=Identified)


async def by_id(session: AsyncSession, model: type[Row], ids: Sequence[int]) -> dict[int, Row]:
    """The ``model`` rows of these ids, with no visibility check."""
    table: Any = model
    return {row.id: row for row in await session.scalars(select(model).where(table.id.in_(ids)))}


async def rows_of(
    session: AsyncSession, model: type[M], parent: Any, ids: Sequence[int], *then: Any
) -> list[M]:
    """The ``model`` rows whose ``parent`` column is one of ``ids``, ordered by parent and
    then by ``then``."""
    statement = select(model).where(parent.in_(ids)).order_by(parent, *then)
    return list(await session.scalars(statement))
