"""What the demo tables share: a letter per axis, the hour of a demo day's events, and
the context their seeding runs in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from network.crypto import DataCipher
from network.enums import ServiceAxis

H, E, J, S, P = (
    ServiceAxis.HEALTH,
    ServiceAxis.EDUCATION_TRAINING,
    ServiceAxis.EMPLOYMENT,
    ServiceAxis.SOCIAL_ASSISTANCE,
    ServiceAxis.SOCIAL_PARTICIPATION,
)


def at(day: date, hour: int = 10) -> datetime:
    """``day`` at ``hour`` o'clock UTC."""
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


@dataclass
class Seeding:
    """What seeding a demo table needs at hand; day offsets count from ``today``."""

    session: AsyncSession
    cipher: DataCipher
    today: date
    actor_ids: dict[str, int]

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)
