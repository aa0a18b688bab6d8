"""Rows of a model by their ids, with no visibility check (the caller judged it already):
one statement per model, built once with an expanding parameter, so that SQLAlchemy
neither builds it again nor recomputes its cache key on every call."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

_STATEMENTS: dict[type[Any], Select[Any]] = {}


def _by_id(model: type[Any]) -> Select[Any]:
    statement = _STATEMENTS.get(model)
    if statement is None:
        statement = select(model).where(model.id.in_(bindparam("ids", expanding=True)))
        _STATEMENTS[model] = statement
    return statement


async def rows_by_id(session: AsyncSession, model: type[Any], ids: Sequence[int]) -> dict[int, Any]:
    """The rows of ``model`` whose id is one of ``ids``, by id (absent ones left out)."""
    rows = await session.scalars(_by_id(model), {"ids": list(ids)})
    return {row.id: row for row in rows}
