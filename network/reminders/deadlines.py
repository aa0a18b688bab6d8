"""When each reminder falls due: pure date arithmetic, no database, no clock.

Rule 1 of DESIGN.md: with ``period`` the referral's response time (``respond_by -
sent_at``), the receiver is reminded at ``respond_by``, the referral is escalated at
``respond_by + max(period, 1 day)`` and expires at ``respond_by + max(2·period, 2 days)``
(``network.referrals.rules.expires_at``): three distinct instants even for a service
that must answer the same day.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, datetime, timedelta

ONE_DAY = timedelta(days=1)


def escalates_at(sent_at: datetime, respond_by: datetime) -> datetime:
    return respond_by + max(respond_by - sent_at, ONE_DAY)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (earlier when negative), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))


def countdown_windows(days: Sequence[int], today: date) -> list[tuple[int, date, date]]:
    """For thresholds "N days before a date" (e.g. 180, 90, 30), the window of that date
    in which each threshold is the latest one reached: ``(days, first, last)`` with
    ``first <= date <= last``. The last threshold lasts until the date itself, so a scan
    that runs late sends the threshold then current, never the ones it missed."""
    ordered = sorted(set(days), reverse=True)
    nexts = [*ordered[1:], 0]
    return [
        (d, today + timedelta(days=following + 1), today + timedelta(days=d))
        for d, following in zip(ordered, nexts, strict=True)
        if d > 0
    ]


def elapsed_windows(months: Sequence[int], today: date) -> list[tuple[int, date, date]]:
    """For thresholds "N months after a date" (e.g. 3, 6, 12), the window of that date in
    which each threshold is the latest one reached: ``(months, first, last)`` with
    ``first <= date <= last``. Each lasts until the next threshold; the last one for as
    long again (12 months: until 24), so old records get no prompt on a first scan."""
    ordered = sorted(set(months))
    nexts = [*ordered[1:], 2 * ordered[-1]] if ordered else []
    return [
        (m, add_months(today, -following) + ONE_DAY, add_months(today, -m))
        for m, following in zip(ordered, nexts, strict=True)
    ]
