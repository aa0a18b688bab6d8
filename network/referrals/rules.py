"""Pure rules of referrals: deadlines, overdue, input fingerprints, text limits."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import ColumnElement, and_, or_

from network.enums import ReferralStatus
from network.records.referrals import Referral

MAX_REASON = 2000
MAX_NOTE = 4000
MAX_FOLLOW_UP_DAYS = 365
MAX_IDEMPOTENCY_KEY = 128
FOLLOWED_UP = (ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS)


def respond_by(sent_at: datetime, response_days: int) -> datetime:
    """docs/design.md: sent time + the service's response days, in calendar days."""
    return sent_at + timedelta(days=response_days)


def expires_at(sent_at: datetime, respond_by: datetime) -> datetime:
    """docs/design.md reminder rule 1: two response periods (at least two days) after
    ``respond_by`` an unanswered referral expires."""
    period = respond_by - sent_at
    return respond_by + max(2 * period, timedelta(days=2))


def is_overdue(referral: Referral, now: datetime) -> bool:
    """SENT past ``respond_by``, or ACCEPTED/IN_PROGRESS past ``next_follow_up_at``."""
    if referral.status == ReferralStatus.SENT:
        return referral.respond_by is not None and referral.respond_by < now
    if referral.status in FOLLOWED_UP:
        return referral.next_follow_up_at is not None and referral.next_follow_up_at < now
    return False


def overdue(now: datetime, referral: Any = Referral) -> ColumnElement[bool]:
    """``is_overdue`` as SQL on ``referral`` (the table or an alias of it); never NULL,
    so that its negation holds the referrals that are not overdue."""
    return or_(
        and_(
            referral.status == ReferralStatus.SENT,
            referral.respond_by.is_not(None),
            referral.respond_by < now,
        ),
        and_(
            referral.status.in_(FOLLOWED_UP),
            referral.next_follow_up_at.is_not(None),
            referral.next_follow_up_at < now,
        ),
    )


def fingerprint(request: Mapping[str, Any]) -> str:
    """A hash of the canonical form of a creation request: equal inputs, equal hashes."""
    canonical = orjson.dumps(dict(request), option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(canonical).hexdigest()
