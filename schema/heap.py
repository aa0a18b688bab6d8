"""The garbage collector, tuned for a long-running server process.

What is alive once the app has started (the schema, the reference data, compiled plans,
imported modules: hundreds of thousands of objects) lives as long as the process.
Python's collector would scan it again at each full collection, and with its default
thresholds it runs one every few requests under load: pauses of tens of milliseconds that
land on whichever requests are in flight. After start-up the app freezes that heap (the
collector no longer scans it) and collects the young generation less often.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000
"""Allocations between collections of the youngest generation (Python's default: 700)."""


def settle() -> None:
    """Collect once, then freeze what is alive and space out later collections."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
