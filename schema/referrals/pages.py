"""Pages of referrals as connections. Built through ``NODE_TYPES``, without importing
the Referral type, so that ``Youth.referrals`` needs no import of schema.referrals.types
(which imports the Youth type)."""

from __future__ import annotations

from typing import Any

from network.referrals.repository import Seen
from schema.connections import Connection, loaded_connection
from schema.context import Info
from schema.referrals.loaders import youth_referral_count_loader, youth_referrals_loader
from schema.relay import NODE_TYPES, Paging


def referral_key(seen: Seen) -> list[int]:
    """The cursor of a referral: its id, not the id of its event."""
    return [seen.referral.id]


async def youth_referrals(info: Info, youth_id: int, paging: Paging) -> Connection[Any]:
    """``Youth.referrals``: the young person's referrals the caller may see, a page per
    young person through the "youth_referrals" loader."""
    context = info.context
    return await loaded_connection(
        lambda size, after_id: youth_referrals_loader(context).load((youth_id, size, after_id)),
        NODE_TYPES["Referral"].of,
        paging,
        count=lambda: youth_referral_count_loader(context).load(youth_id),
        key=referral_key,
    )
