"""Domain errors with stable codes; the API maps them to ``userErrors`` in one place."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class ErrorCode(StrEnum):
    INVALID_INPUT = "INVALID_INPUT"
    NOT_FOUND = "NOT_FOUND"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    CONSENT_REQUIRED = "CONSENT_REQUIRED"
    NOT_ACCEPTING_REFERRALS = "NOT_ACCEPTING_REFERRALS"
    STALE_VERSION = "STALE_VERSION"
    DUPLICATE = "DUPLICATE"
    RATE_LIMITED = "RATE_LIMITED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    INTERNAL = "INTERNAL"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    ACCOUNT_LOCKED = "ACCOUNT_LOCKED"
    ONE_LOGIN_PER_OPERATION = "ONE_LOGIN_PER_OPERATION"
    PASSWORD_BLANK = "PASSWORD_BLANK"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_IS_EMAIL = "PASSWORD_IS_EMAIL"
    PASSWORD_TOO_WEAK = "PASSWORD_TOO_WEAK"


class DomainError(Exception):
    """An expected failure: bad input, wrong state, no permission."""

    code: ErrorCode = ErrorCode.INVALID_INPUT

    def __init__(self, message: str, *, field: Sequence[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = list(field) if field else None


class InvalidInput(DomainError):
    code = ErrorCode.INVALID_INPUT


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND


class Unauthenticated(DomainError):
    code = ErrorCode.UNAUTHENTICATED


class PermissionDenied(DomainError):
    code = ErrorCode.PERMISSION_DENIED


class InvalidTransition(DomainError):
    code = ErrorCode.INVALID_TRANSITION


class Duplicate(DomainError):
    code = ErrorCode.DUPLICATE


class RateLimited(DomainError):
    code = ErrorCode.RATE_LIMITED


class AccountLocked(DomainError):
    code = ErrorCode.ACCOUNT_LOCKED


class WeakPassword(DomainError):
    """A password the rules refuse; ``code`` says which rule."""

    def __init__(self, message: str, *, code: ErrorCode, field: Sequence[str]) -> None:
        super().__init__(message, field=field)
        self.code = code
