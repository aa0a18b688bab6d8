"""Instants are UTC; dates and day boundaries are those of Africa/Casablanca."""

from __future__ import annotations

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
