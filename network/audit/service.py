"""The append-only audit log: written in the transaction of the change it records."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from network.audit.models import AuditEntry
from network.viewer import Viewer


async def record(
    session: AsyncSession,
    *,
    viewer: Viewer,
    operation: str,
    record_ids: Sequence[str],
    outcome: str = "OK",
    request_id: str | None = None,
    matched: int | None = None,
) -> None:
    """Add one entry: who, which operation, which records — never personal values;
    a search gives how many records it ``matched``, never its text. A plain INSERT, sent
    at once: the entry is never read back in the transaction that writes it."""
    entry = {
        "user_id": viewer.user_id,
        "operation": operation,
        "record_ids": list(record_ids),
        "outcome": outcome,
        "request_id": request_id,
        "matched": matched,
    }
    await session.execute(insert(AuditEntry).values(entry))
