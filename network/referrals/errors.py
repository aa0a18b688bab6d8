"""Failures particular to referrals, with the stable codes of the API contract."""

from __future__ import annotations

from network.errors import DomainError, ErrorCode


class ConsentRequired(DomainError, code=ErrorCode.CONSENT_REQUIRED):
    """No consent of the young person covers the receiving actor today."""


class NotAcceptingReferrals(DomainError, code=ErrorCode.NOT_ACCEPTING_REFERRALS):
    """The receiving actor or service takes no referrals (or may not receive personal data)."""


class StaleVersion(DomainError, code=ErrorCode.STALE_VERSION):
    """The caller answered a version of the referral that is no longer the current one."""
