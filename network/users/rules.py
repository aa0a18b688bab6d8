"""What a password must be, and how long a sign-in waits after failures."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from zxcvbn import zxcvbn  # type: ignore[import-untyped]

from network.enums import Role
from network.errors import ErrorCode, WeakPassword

ADMIN_MIN_LENGTH = 12
MIN_LENGTH = 8
# zxcvbn reads only so much; longer passwords are judged on their start.
STRENGTH_PREFIX = 100


def check_password(
    password: str,
    *,
    email: str,
    roles: Collection[Role],
    min_score: int,
    field: Sequence[str] = ("password",),
    other_inputs: Sequence[str] = (),
) -> None:
    """Refuse a blank, short, email-like or guessable password (zxcvbn's score below
    ``min_score``), with a code per rule; ADMIN passwords need 12 characters, others 8."""
    if not password.strip():
        raise WeakPassword("a password is not blank", code=ErrorCode.PASSWORD_BLANK, field=field)
    minimum = ADMIN_MIN_LENGTH if Role.ADMIN in roles else MIN_LENGTH
    if len(password) < minimum:
        raise WeakPassword(
            f"a password has at least {minimum} characters",
            code=ErrorCode.PASSWORD_TOO_SHORT,
            field=field,
        )
    folded, address = password.strip().casefold(), email.strip().casefold()
    if folded in {address, address.split("@", 1)[0]}:
        raise WeakPassword(
            "a password is not the email address", code=ErrorCode.PASSWORD_IS_EMAIL, field=field
        )
    inputs = [address, address.split("@", 1)[0], *other_inputs]
    score = int(zxcvbn(password[:STRENGTH_PREFIX], user_inputs=inputs)["score"])
    if score < min_score:
        raise WeakPassword(
            "this password is common or easy to guess: choose a longer, less usual one",
            code=ErrorCode.PASSWORD_TOO_WEAK,
            field=field,
        )


def delay_after(failures: int, *, base: float, maximum: float) -> float:
    """Seconds before the next sign-in attempt after ``failures`` failures in a row:
    doubling from ``base`` up to ``maximum``."""
    if failures <= 0 or base <= 0:
        return 0.0
    return float(min(base * 2 ** min(failures - 1, 40), maximum))
