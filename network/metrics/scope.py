"""What a set of figures is about: a territory (and everything under it), an axis, an
actor and a period of Casablanca days, both ends included."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, select

from network.actors.models import Actor
from network.clock import end_of_day, start_of_day
from network.enums import ServiceAxis
from network.errors import InvalidInput
from network.territories.subtree import territories_under

MAX_PERIOD_DAYS = 3700


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise InvalidInput("a period ends on or after the day it starts", field=["period"])
        if (self.end - self.start).days > MAX_PERIOD_DAYS:
            raise InvalidInput("a period spans at most ten years", field=["period"])

    @property
    def first_instant(self) -> datetime:
        return start_of_day(self.start)

    @property
    def end_instant(self) -> datetime:
        """The first instant after the period."""
        return end_of_day(self.end)


@dataclass(frozen=True)
class Scope:
    """None means every territory, every axis, every actor."""

    period: Period
    territory_id: int | None = None
    territory_path: str | None = None
    axis: ServiceAxis | None = None
    actor_id: int | None = None


def shift_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, the day clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def last_twelve_months(today: date) -> Period:
    """From the day after the same date a year ago, to today: the default period."""
    return Period(shift_months(today, -12) + timedelta(days=1), today)


def current_month(today: date) -> Period:
    return Period(today.replace(day=1), shift_months(today.replace(day=1), 1) - timedelta(days=1))


def current_year(today: date) -> Period:
    return Period(date(today.year, 1, 1), date(today.year, 12, 31))


def standard_periods(today: date) -> list[Period]:
    """The periods computed every night: this month, this year, the last twelve months."""
    return [current_month(today), current_year(today), last_twelve_months(today)]


def actors_in(path: str | None) -> Select[int]:
    """Ids of the actors that lie in the territory with ``path`` (every actor for None)."""
    statement = select(Actor.id)
    if path is not None:
        statement = statement.where(Actor.territory_id.in_(territories_under(path)))
    return statement
