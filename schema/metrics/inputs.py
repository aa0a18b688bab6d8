from __future__ import annotations

from datetime import date

import strawberry

from network.metrics.scope import Period


@strawberry.input
class PeriodInput:
    """Casablanca days, both included."""

    from_: date = strawberry.field(name="from")
    to: date

    def period(self) -> Period:
        return Period(self.from_, self.to)
