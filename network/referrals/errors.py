"""Failures particular to referrals, with the stable codes of the API contract."""

from __future__ import annotations

from network.errors import DomainError, ErrorCode


class ConsentRequired(DomainError):
    """No consent of the young person covers the receiving actor today."""

    code = ErrorCode.CONSENT_REQUIRED


class NotAcceptingReferrals(DomainError):
    """The receiving actor or service takes no referrals (or may not receive personal data)."""

    code = ErrorCode.NOT_ACCEPTING_REFERRALS


class StaleVersion(DomainError):
    """The caller answered a version of the referral that is no longer the current one."""

    code = ErrorCode.STALE_VERSION
