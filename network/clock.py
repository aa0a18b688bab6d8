"""Instants are UTC; dates and day boundaries are those of Africa/Casablanca; months are
counted on dates (``add_months``)."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CASABLANCA = ZoneInfo("Africa/Casablanca")


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """The calendar date in Morocco now."""
    return now().astimezone(CASABLANCA).date()


def local_date(at: datetime) -> date:
    return at.astimezone(CASABLANCA).date()


def start_of_day(day: date) -> datetime:
    """The UTC instant at which ``day`` begins in Morocco."""
    return datetime.combine(day, time.min, tzinfo=CASABLANCA).astimezone(UTC)


def end_of_day(day: date) -> datetime:
    """The UTC instant at which ``day`` ends in Morocco (the next day's start)."""
    return start_of_day(day + timedelta(days=1))


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (earlier when negative), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return day.replace(year=year, month=month + 1, day=min(day.day, last))
