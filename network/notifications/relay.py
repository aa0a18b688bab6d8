"""The relay: beat's regular hand-over of due messages to the workers.

Due times live in rows, never in far-future broker tasks. Each tick marks a batch of due
messages as handed over for one lease (so the next ticks do not hand them again) and
returns them, grouped for delivery: in-app messages in batches (they cost one INSERT
each), every other message alone. A hand-over lost with the broker or a killed worker
is harmless: once the lease expires, the message is due again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.enums import Channel
from network.notifications import repository
from network.settings import Settings


@dataclass
class Relayed:
    """What to enqueue: one ``deliver`` per id list."""

    batches: list[list[int]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(batch) for batch in self.batches)


async def relay_due(session: AsyncSession, settings: Settings) -> Relayed:
    """Mark a batch of due messages handed over; enqueue the result after commit."""
    rows = await repository.relay_due(
        session,
        now=clock.now(),
        lease=timedelta(seconds=settings.outbox_lease_seconds),
        limit=settings.outbox_relay_batch,
        max_attempts=settings.outbox_max_attempts,
    )
    in_app = [id_ for id_, channel in rows if channel == Channel.IN_APP]
    size = settings.outbox_in_app_batch
    relayed = Relayed([in_app[i : i + size] for i in range(0, len(in_app), size)])
    relayed.batches += [[id_] for id_, channel in rows if channel != Channel.IN_APP]
    return relayed
