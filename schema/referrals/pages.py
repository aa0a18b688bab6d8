"""Pages of referrals as connections. Built through ``NODE_TYPES``, without importing
the Referral type, so that ``Youth.referrals`` needs no import of schema.referrals.types
(which imports the Youth type)."""

from __future__ import annotations

from typing import Any

from network.referrals.repository import Page, Seen
from schema.connections import Connection, Count, page_connection
from schema.context import Info
from schema.referrals.loaders import youth_referral_count_loader, youth_referrals_loader
from schema.relay import NODE_TYPES, decode_id_cursor, page_size


def referral_connection(
    page: Page[Seen] | None, *, after_id: int | None, count: Count
) -> Connection[Any]:
    referral = NODE_TYPES["Referral"]
    return page_connection(page, referral.of, after_id=after_id, count=count, key=referral_key)


def referral_key(seen: Seen) -> list[int]:
    """The cursor of a referral: its id, not the id of its event."""
    return [seen.referral.id]


async def youth_referrals(
    info: Info, youth_id: int, *, first: int | None, after: str | None
) -> Connection[Any]:
    """``Youth.referrals``: the young person's referrals the caller may see, a page per
    young person through the "youth_referrals" loader."""
    size, after_id = page_size(first), decode_id_cursor(after)
    context = info.context
    page = await youth_referrals_loader(context).load((youth_id, size, after_id))

    async def count() -> int:
        return await youth_referral_count_loader(context).load(youth_id)

    return referral_connection(page, after_id=after_id, count=count)
