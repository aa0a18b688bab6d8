"""Reading the audit log. It is append-only: entries are added by ``network.audit.service``
and nothing, here or anywhere, updates or deletes one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Text, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.audit.models import AuditEntry
from network.batches import by_id
from network.text import like_escape


@dataclass(frozen=True)
class AuditCriteria:
    """Which entries to list; every field set narrows the result.

    ``record_id`` is a global id as the entries store it; ``after`` is inclusive and
    ``before`` exclusive.
    """

    user_id: int | None = None
    record_id: str | None = None
    operation: str | None = None
    after: datetime | None = None
    before: datetime | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.user_id is not None:
            found.append(AuditEntry.user_id == self.user_id)
        if self.record_id is not None:
            # Global ids are quoted JSON strings in the stored list on both databases.
            pattern = f'%"{like_escape(self.record_id)}"%'
            found.append(cast(AuditEntry.record_ids, Text).like(pattern, escape="\\"))
        if self.operation is not None:
            found.append(AuditEntry.operation == self.operation)
        if self.after is not None:
            found.append(AuditEntry.at >= self.after)
        if self.before is not None:
            found.append(AuditEntry.at < self.before)
        return found


async def page(
    session: AsyncSession, *, where: AuditCriteria, first: int, after_id: int | None
) -> tuple[list[AuditEntry], bool]:
    """Up to ``first`` entries in the order they were written, and whether more follow."""
    conditions = where.conditions()
    if after_id is not None:
        conditions.append(AuditEntry.id > after_id)
    statement = select(AuditEntry).where(*conditions).order_by(AuditEntry.id).limit(first + 1)
    rows = list((await session.scalars(statement)).all())
    return rows[:first], len(rows) > first


async def count(session: AsyncSession, *, where: AuditCriteria) -> int:
    statement = select(func.count()).select_from(AuditEntry).where(*where.conditions())
    return int(await session.scalar(statement) or 0)


async def get_many(session: AsyncSession, ids: Sequence[int]) -> dict[int, AuditEntry]:
    return await by_id(session, AuditEntry, ids)
