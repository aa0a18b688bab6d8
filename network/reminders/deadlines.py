"""When each reminder falls due: pure date arithmetic, no database, no clock.

Rule 1 of docs/design.md: with ``period`` the referral's response time (``respond_by -
sent_at``), the receiver is reminded at ``respond_by``, the referral is escalated at
``respond_by + max(period, 1 day)`` and expires at ``respond_by + max(2·period, 2 days)``
(``network.referrals.rules.expires_at``): three distinct instants even for a service
that must answer the same day.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from network.clock import add_months

ONE_DAY = timedelta(days=1)


def escalates_at(sent_at: datetime, respond_by: datetime) -> datetime:
    return respond_by + max(respond_by - sent_at, ONE_DAY)


def reached_countdown(target: date, today: date, days: Sequence[int]) -> int | None:
    """The nearest threshold "N days before ``target``" that ``today`` has reached, while
    ``target`` is still ahead: a scan that runs late sends the threshold then current,
    never the ones it missed."""
    if today >= target:
        return None
    reached = [d for d in days if target - timedelta(days=d) <= today]
    return min(reached) if reached else None


def reached_elapsed(start: date, today: date, months: Sequence[int]) -> int | None:
    """The latest threshold "N months after ``start``" that ``today`` has reached; the last
    one stays current for as long again (12 months: until 24), so that old records get
    no prompt from a first scan."""
    if not months or add_months(start, 2 * max(months)) <= today:
        return None
    reached = [m for m in months if add_months(start, m) <= today]
    return max(reached) if reached else None


def elapsed_range(today: date, months: Sequence[int]) -> tuple[date, date]:
    """Start dates that may have a threshold of ``reached_elapsed`` current ``today``,
    a few days wide on each side (months have different lengths)."""
    slack = timedelta(days=4)
    return add_months(today, -2 * max(months)) - slack, add_months(today, -min(months)) + slack
