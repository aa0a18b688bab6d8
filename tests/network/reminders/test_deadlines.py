"""When reminders fall due: pure date arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from network.clock import add_months
from network.referrals.rules import expires_at
from network.reminders.deadlines import (
    escalates_at,
    reached_countdown,
    reached_elapsed,
)

SENT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("days", "escalation", "expiry"),
    [(0, 1, 2), (1, 2, 3), (3, 6, 9), (5, 10, 15)],
)
def test_escalation_and_expiry_follow_the_response_period(
    days: int, escalation: int, expiry: int
) -> None:
    respond_by = SENT + timedelta(days=days)
    assert escalates_at(SENT, respond_by) == SENT + timedelta(days=escalation)
    assert expires_at(SENT, respond_by) == SENT + timedelta(days=expiry)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 8, 31), 3, date(2025, 11, 30)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 1, 15), -12, date(2025, 1, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
    ],
)
def test_months_are_added_clamped_to_the_month_end(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [(181, None), (180, 180), (91, 180), (90, 90), (31, 90), (30, 30), (1, 30), (0, None)],
)
def test_the_nearest_countdown_threshold_reached(days_left: int, expected: int | None) -> None:
    today = date(2026, 4, 1)
    assert reached_countdown(today + timedelta(days=days_left), today, (180, 90, 30)) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 4, 14), None),
        (date(2026, 4, 15), 3),
        (date(2026, 7, 15), 6),
        (date(2027, 1, 15), 12),
        (date(2028, 1, 14), 12),
        (date(2028, 1, 15), None),
    ],
)
def test_the_latest_elapsed_threshold_reached(today: date, expected: int | None) -> None:
    assert reached_elapsed(date(2026, 1, 15), today, (3, 6, 12)) == expected
