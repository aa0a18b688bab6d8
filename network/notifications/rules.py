"""When a failed message is tried again."""

from __future__ import annotations

import random
from datetime import datetime, timedelta


def retry_at(now: datetime, *, attempt: int, base_seconds: float, max_seconds: float) -> datetime:
    """Exponential backoff (base × 2^(attempt−1), capped) with jitter: a random half to
    all of it, so messages that failed together do not all come back together."""
    delay = min(max_seconds, base_seconds * 2 ** min(attempt - 1, 32))
    return now + timedelta(seconds=delay * random.uniform(0.5, 1.0))
