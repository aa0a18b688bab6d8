"""Reads of identity fields go to the audit log: one entry per batch of young people
whose identity a request loaded (operation ``read:Youth.identity``), never the values;
and every search of young people by name (``search:Youth.name``): who, when and how
many matched, never the searched text."""

from __future__ import annotations

from collections.abc import Iterable

from network.audit import service as audit
from network.database import unit_of_work
from network.ids import to_global_id
from schema.context import Context

IDENTITY_READ = "read:Youth.identity"
NAME_SEARCH = "search:Youth.name"


async def record_name_search(context: Context, matched: int) -> None:
    async with unit_of_work(context.sessions) as uow:
        await audit.record(
            uow.session,
            viewer=context.viewer,
            operation=NAME_SEARCH,
            record_ids=[],
            request_id=context.request_id,
            matched=matched,
        )


async def record_identity_reads(context: Context, youth_ids: Iterable[int]) -> None:
    ids = sorted(set(youth_ids))
    if not ids:
        return
    async with unit_of_work(context.sessions) as uow:
        await audit.record(
            uow.session,
            viewer=context.viewer,
            operation=IDENTITY_READ,
            record_ids=[to_global_id("Youth", pk) for pk in ids],
            request_id=context.request_id,
        )
