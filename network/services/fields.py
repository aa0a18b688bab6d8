"""The service's plain fields, each declared once (what a plain field is: network.fields).

Names, descriptions, category, eligibility, capacity, practical texts and service area
are not plain: they need several columns, a lookup or the current value
(network.services.service applies them).
"""

from __future__ import annotations

from collections.abc import Sequence

from network.enums import ServiceAxis
from network.fields import Plain, Shape, as_given, editable
from network.validation import check_range

MAX_RESPONSE_DAYS = 365


def _days(value: int, field: Sequence[str]) -> int:
    check_range(value, field=field, low=0, high=MAX_RESPONSE_DAYS)
    return value


PLAIN: tuple[Plain, ...] = (
    Plain("axis", ServiceAxis, nullable=False),
    Plain("response_days", int, nullable=False, clean=_days),
    Plain("accepts_referrals", bool, Shape.FLAG, nullable=False, clean=as_given),
    Plain("active", bool, Shape.FLAG, nullable=False),
)

EDITABLE = editable(PLAIN)
