"""Listeners told of every referral event inside the transaction that wrote it.

Other domains (notifications, webhooks, subscriptions) register here at import time;
the referrals domain calls ``announce`` and never imports them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from network.records.referrals import Referral, ReferralEvent

Listener = Callable[[AsyncSession, Referral, ReferralEvent], Awaitable[None]]
_listeners: list[Listener] = []


def on_referral_event(listener: Listener) -> Listener:
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


async def announce(session: AsyncSession, referral: Referral, event: ReferralEvent) -> None:
    for listener in _listeners:
        await listener(session, referral, event)
