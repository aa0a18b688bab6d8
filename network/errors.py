"""Domain errors with stable codes; the API maps them to ``userErrors`` in one place."""

from __future__ import annotations

from collections.abc import Sequence
from enum import auto
from typing import Any

from network.enums import NamedEnum


class ErrorCode(NamedEnum):
    INVALID_INPUT = auto()
    NOT_FOUND = auto()
    UNAUTHENTICATED = auto()
    PERMISSION_DENIED = auto()
    INVALID_TRANSITION = auto()
    CONSENT_REQUIRED = auto()
    NOT_ACCEPTING_REFERRALS = auto()
    STALE_VERSION = auto()
    DUPLICATE = auto()
    RATE_LIMITED = auto()
    QUERY_TOO_COMPLEX = auto()
    PERSISTED_QUERY_NOT_FOUND = auto()
    INTERNAL = auto()
    SERVICE_UNAVAILABLE = auto()
    ACCOUNT_LOCKED = auto()
    ONE_LOGIN_PER_OPERATION = auto()
    PASSWORD_BLANK = auto()
    PASSWORD_TOO_SHORT = auto()
    PASSWORD_IS_EMAIL = auto()
    PASSWORD_TOO_WEAK = auto()


class DomainError(Exception):
    """An expected failure: bad input, wrong state, no permission."""

    code: ErrorCode = ErrorCode.INVALID_INPUT

    def __init_subclass__(cls, *, code: ErrorCode | None = None, **kwargs: Any) -> None:
        """A subclass names its stable code in its header: ``class X(DomainError, code=...)``."""
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.code = code

    def __init__(self, message: str, *, field: Sequence[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = list(field) if field else None


class InvalidInput(DomainError, code=ErrorCode.INVALID_INPUT): ...


class NotFound(DomainError, code=ErrorCode.NOT_FOUND): ...


class Unauthenticated(DomainError, code=ErrorCode.UNAUTHENTICATED): ...


class PermissionDenied(DomainError, code=ErrorCode.PERMISSION_DENIED): ...


class InvalidTransition(DomainError, code=ErrorCode.INVALID_TRANSITION): ...


class Duplicate(DomainError, code=ErrorCode.DUPLICATE): ...


class RateLimited(DomainError, code=ErrorCode.RATE_LIMITED): ...


class AccountLocked(DomainError, code=ErrorCode.ACCOUNT_LOCKED): ...


class WeakPassword(DomainError):
    """A password the rules refuse; ``code`` says which rule."""

    def __init__(self, message: str, *, code: ErrorCode, field: Sequence[str]) -> None:
        super().__init__(message, field=field)
        self.code = code
