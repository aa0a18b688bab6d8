"""Errors of the plans domain: a stale version is the referrals' STALE_VERSION."""

from network.referrals.errors import StaleVersion

__all__ = ["StaleVersion"]
