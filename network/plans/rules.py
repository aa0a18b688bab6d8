"""Pure rules of assessments and plans: deriving need levels, dates, texts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from network.clock import add_months
from network.enums import NeedLevel
from network.errors import InvalidInput
from network.plans.enums import IndicatorAnswer
from network.validation import clean_text

TEXT_MAX = 2000
_WEIGHT = {IndicatorAnswer.YES: 0, IndicatorAnswer.PARTLY: 1, IndicatorAnswer.NO: 2}


def derived_level(answers: Iterable[IndicatorAnswer]) -> NeedLevel | None:
    """The need level the answers on one axis point to, None when none is known.

    Each known answer weighs 0 (YES, in place), 1 (PARTLY) or 2 (NO); the share of the
    most weight they could reach gives the level: none → NONE, up to a third → LOW, up
    to two thirds → MEDIUM, above → HIGH. UNKNOWN answers count for nothing.
    """
    weights = [_WEIGHT[a] for a in answers if a in _WEIGHT]
    if not weights:
        return None
    score, most = sum(weights), 2 * len(weights)
    if score == 0:
        return NeedLevel.NONE
    if 3 * score <= most:
        return NeedLevel.LOW
    if 3 * score <= 2 * most:
        return NeedLevel.MEDIUM
    return NeedLevel.HIGH


def next_review(day: date, *, months: int) -> date:
    return add_months(day, months)


def clean_note(value: str | None, *, field: list[str]) -> str | None:
    return clean_text(value, field=field, max_length=TEXT_MAX, multiline=True)


def required(value: str | None, *, field: list[str]) -> str:
    text = clean_note(value, field=field)
    if text is None:
        raise InvalidInput("required", field=field)
    return text
