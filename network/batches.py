"""Reads of many rows in one statement, for the API's batch loaders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

M = TypeVar("M")


class Identified(Protocol):
    @property
    def id(self) -> int: ...


Row = TypeVar("Row", bound=Identified)


async def by_id(session: AsyncSession, model: type[Row], ids: Sequence[int]) -> dict[int, Row]:
    """The ``model`` rows of these ids, with no visibility check (the caller judged it
    already), absent ones left out."""
    rows = await session.scalars(_by_id_statement(model), {"ids": list(ids)})
    return {row.id: row for row in rows}


_BY_ID: dict[type[Any], Select[Any]] = {}


def _by_id_statement(model: type[Any]) -> Select[Any]:
    """One statement per model, built once with an expanding parameter, so that SQLAlchemy
    neither builds it again nor recomputes its cache key on every call."""
    statement = _BY_ID.get(model)
    if statement is None:
        statement = select(model).where(model.id.in_(bindparam("ids", expanding=True)))
        _BY_ID[model] = statement
    return statement


async def rows_of(
    session: AsyncSession, model: type[M], parent: Any, ids: Sequence[int], *then: Any
) -> list[M]:
    """The ``model`` rows whose ``parent`` column is one of ``ids``, ordered by parent and
    then by ``then``."""
    statement = select(model).where(parent.in_(ids)).order_by(parent, *then)
    return list(await session.scalars(statement))
