"""Reading a row of the profile's ``jisr_service_detail`` table into service fields."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from network.enums import Gender, ServiceAxis
from network.errors import InvalidInput
from network.hsds.tables import Row

_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


def whole_number(row: Row, name: str) -> int | None:
    value = row.get(name)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name}: not a number ({value!r})") from None
    if not number.is_integer():
        raise InvalidInput(f"{name}: not a whole number ({value!r})")
    return int(number)


def instant(row: Row, name: str) -> datetime | None:
    value = row.text(name)
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name}: not an ISO 8601 date-time ({value!r})") from None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def _flag(row: Row, name: str) -> bool | None:
    value = row.get(name)
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise InvalidInput(f"{name}: true or false ({value!r})")


def axis_of(row: Row) -> ServiceAxis | None:
    value = row.text("axis")
    if value is None:
        return None
    if value not in ServiceAxis.__members__:
        raise InvalidInput(f"axis: one of {', '.join(ServiceAxis.__members__)} ({value!r})")
    return ServiceAxis(value)


def detail_values(row: Row | None) -> tuple[dict[str, Any], datetime | None]:
    """The service fields a detail row sets, and when its capacity was counted."""
    values: dict[str, Any] = {"capacity_available": None, "capacity_total": None}
    if row is None:
        return values, None
    values["capacity_available"] = whole_number(row, "capacity_available")
    values["capacity_total"] = whole_number(row, "capacity_total")
    genders = (row.text("genders") or "").split()
    if any(g not in Gender.__members__ for g in genders):
        raise InvalidInput(f"genders: FEMALE, MALE or both ({row.text('genders')!r})")
    values["genders"] = [Gender(g) for g in genders]
    accepts = _flag(row, "accepts_referrals")
    if accepts is not None:
        values["accepts_referrals"] = accepts
    days = whole_number(row, "response_days")
    if days is not None:
        values["response_days"] = days
    return values, instant(row, "capacity_updated")
