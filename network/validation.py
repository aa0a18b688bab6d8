"""Checks of what people type into the directory: trimmed, bounded, free of control characters.

Every check raises InvalidInput naming the field path as the API spells it, so the
caller learns which part of its input to fix. Bidirectional marks (LRM, RLM, ALM) are
format characters, not control characters: mixed Arabic and French text is kept as
typed. Names shown to others (display names, actor and service names, young people's
names) refuse the bidirectional embeddings, overrides and isolates, which would make a
name read as another (``check_name``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from network.errors import InvalidInput
from network.localized import merge

# C0 and C1 controls (tab and line breaks allowed only in multi-line texts), and lone
# surrogates, which neither database can store.
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_MULTI_LINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def check_characters(value: str, *, field: Sequence[str], multiline: bool = False) -> None:
    pattern = _CONTROL_MULTI_LINE if multiline else _CONTROL_ONE_LINE
    if pattern.search(value):
        raise InvalidInput("control characters are not allowed", field=field)


def check_name(value: str, *, field: Sequence[str]) -> None:
    """A name shown to others: no bidirectional embedding, override or isolate."""
    if _BIDI_CONTROLS.search(value):
        raise InvalidInput("bidirectional control characters are not allowed", field=field)


def clean_text(
    value: str | None, *, field: Sequence[str], max_length: int, multiline: bool = False
) -> str | None:
    """The trimmed text, or None when nothing is left of it."""
    if value is None:
        return None
    check_characters(value, field=field, multiline=multiline)
    value = value.strip()
    if len(value) > max_length:
        raise InvalidInput(f"at most {max_length} characters", field=field)
    return value or None


def clean_email(value: str | None, *, field: Sequence[str]) -> str | None:
    email = clean_text(value, field=field, max_length=254)
    if email is not None and not _EMAIL.fullmatch(email):
        raise InvalidInput("not an email address", field=field)
    return email


def clean_website(value: str | None, *, field: Sequence[str]) -> str | None:
    url = clean_text(value, field=field, max_length=400)
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or re.search(r"\s", url):
        raise InvalidInput("not an http(s) address", field=field)
    return url


def clean_postal_code(value: str | None, *, field: Sequence[str]) -> str | None:
    """A Moroccan postal code: five digits."""
    code = clean_text(value, field=field, max_length=5)
    if code is not None and not re.fullmatch(r"[0-9]{5}", code):
        raise InvalidInput("a Moroccan postal code: five digits", field=field)
    return code


def check_range(value: float | None, *, field: Sequence[str], low: float, high: float) -> None:
    if value is not None and not low <= value <= high:
        raise InvalidInput(f"must be between {low:g} and {high:g}", field=field)


def localized_text(
    current: Mapping[str, str] | None,
    update: Mapping[str, str | None] | None,
    *,
    field: Sequence[str],
    require_name: bool,
    multiline: bool = False,
) -> dict[str, str]:
    """``current`` with the partial ``update`` applied (see ``network.localized.merge``).

    An ``update`` of None clears every language.
    """
    if update is None:
        update = dict.fromkeys(current or {})
    for key, value in update.items():
        if value is not None:
            check_characters(value, field=[*field, key], multiline=multiline)
            if require_name:
                check_name(value, field=[*field, key])
    try:
        return merge(current, update, field=field[-1], require_name=require_name)
    except InvalidInput as error:
        raise InvalidInput(error.message, field=[*field[:-1], *(error.field or [])]) from None


def optional_text(
    current: Mapping[str, str] | None,
    update: Mapping[str, str | None] | None,
    *,
    field: Sequence[str],
) -> dict[str, str] | None:
    """A description-like text: any language may go, lines allowed; None once empty."""
    return localized_text(current, update, field=field, require_name=False, multiline=True) or None
