from __future__ import annotations

from datetime import UTC, datetime, timedelta

from network.enums import ReferralStatus
from network.records.referrals import Referral
from network.referrals.rules import expires_at, fingerprint, is_overdue, respond_by

SENT_AT = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_respond_by_counts_calendar_days() -> None:
    assert respond_by(SENT_AT, 5) == datetime(2026, 3, 6, 9, 0, tzinfo=UTC)
    assert respond_by(SENT_AT, 0) == SENT_AT


def test_expiry_is_two_periods_after_the_deadline_and_at_least_two_days() -> None:
    assert expires_at(SENT_AT, respond_by(SENT_AT, 5)) == SENT_AT + timedelta(days=15)
    assert expires_at(SENT_AT, SENT_AT) == SENT_AT + timedelta(days=2)


def test_overdue() -> None:
    now = SENT_AT + timedelta(days=6)
    late = Referral(status=ReferralStatus.SENT, respond_by=SENT_AT + timedelta(days=5))
    on_time = Referral(status=ReferralStatus.SENT, respond_by=SENT_AT + timedelta(days=7))
    followed = Referral(status=ReferralStatus.IN_PROGRESS, next_follow_up_at=SENT_AT)
    unfollowed = Referral(status=ReferralStatus.ACCEPTED, next_follow_up_at=None)
    closed = Referral(status=ReferralStatus.DECLINED, respond_by=SENT_AT)

    assert [is_overdue(r, now) for r in (late, on_time, followed, unfollowed, closed)] == [
        True,
        False,
        True,
        False,
        False,
    ]


def test_fingerprints_ignore_key_order_only() -> None:
    assert fingerprint({"a": 1, "b": "x"}) == fingerprint({"b": "x", "a": 1})
    assert fingerprint({"a": 1}) != fingerprint({"a": 2})
