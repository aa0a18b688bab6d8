from __future__ import annotations

from datetime import date

import strawberry

from network import clock
from network.metrics.scope import Period, last_twelve_months


@strawberry.input
class PeriodInput:
    """Casablanca days, both included."""

    from_: date = strawberry.field(name="from")
    to: date

    def period(self) -> Period:
        return Period(self.from_, self.to)


def period_or_last_year(period: PeriodInput | None) -> Period:
    """The period given, else the last 12 months to today."""
    return period.period() if period else last_twelve_months(clock.today())
