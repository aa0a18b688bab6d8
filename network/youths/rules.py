"""Pure rules about young people: case codes, identity checks, ages."""

from __future__ import annotations

import re
import secrets
from datetime import date

from network.errors import InvalidInput
from network.validation import check_name, clean_text

CODE_PREFIX = "JY-"
_CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CODE = re.compile(r"[A-Z0-9][A-Z0-9-]{1,31}")
NAME_MAX = 100
NOTE_MAX = 2000
OLDEST_YEARS = 40
MAJORITY = 18


def new_code() -> str:
    """A pseudonymous case code: ``JY-`` and six random base32 characters."""
    return CODE_PREFIX + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))


def clean_code(code: str) -> str:
    value = code.strip().upper()
    if not _CODE.fullmatch(value):
        raise InvalidInput("2 to 32 letters, digits or dashes", field=["code"])
    return value


def clean_name(value: str | None, *, field: str) -> str:
    name = clean_text(value, field=[field], max_length=NAME_MAX)
    if name is None:
        raise InvalidInput("required", field=[field])
    check_name(name, field=[field])
    return name


def clean_note(value: str | None, *, field: list[str]) -> str | None:
    return clean_text(value, field=field, max_length=NOTE_MAX, multiline=True)


def age_on(birth_date: date, day: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def check_birth_date(birth_date: date, *, today: date) -> None:
    """Not in the future, and not more than 40 years ago: a leaving-care network."""
    if birth_date > today:
        raise InvalidInput("a birth date cannot be in the future", field=["birthDate"])
    if age_on(birth_date, today) > OLDEST_YEARS:
        raise InvalidInput(f"at most {OLDEST_YEARS} years ago", field=["birthDate"])


def check_not_future(day: date | None, *, today: date, field: str) -> None:
    if day is not None and day > today:
        raise InvalidInput("cannot be in the future", field=[field])
