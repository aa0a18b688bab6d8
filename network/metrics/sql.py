"""SQL building blocks that read the same on PostgreSQL and SQLite.

Instants are compared as seconds since the epoch, dates are shifted by calendar months
(the day clamped to the month's end, as PostgreSQL does), and percentiles interpolate
between the two neighbouring ranks exactly like ``PERCENTILE_CONT``, computed with
window functions so that SQLite, which has no ``percentile_cont``, runs the same shape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Date, Float, Integer, case, func, literal, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import FromClause, Select
from sqlalchemy.sql.functions import FunctionElement


def _one_argument(function: type[FunctionElement[Any]], **templates: str) -> None:
    """Compile ``function`` of one argument, per dialect, into its ``{}`` template."""
    for dialect, template in templates.items():
        compiles(function, dialect)(_render(template))


def _render(template: str) -> Callable[..., str]:
    def render(element: FunctionElement[Any], compiler: Any, **kw: Any) -> str:
        return template.format(compiler.process(element.clauses, **kw))

    return render


class epoch_seconds(FunctionElement[float]):
    """Seconds since 1970-01-01 UTC of a ``UtcDateTime`` column."""

    type = Float()
    inherit_cache = True


_one_argument(
    epoch_seconds,
    postgresql="CAST(EXTRACT(EPOCH FROM {}) AS FLOAT8)",
    sqlite="((julianday({}) - 2440587.5) * 86400.0)",
)


class add_months(FunctionElement[Any]):
    """A date plus ``months`` calendar months; 31 August + 6 months is 28 or 29 February."""

    type = Date()
    inherit_cache = True


def _months(element: add_months) -> tuple[Any, int]:
    day, months = list(element.clauses)
    return day, int(months.value)


@compiles(add_months, "postgresql")
def _add_months_postgresql(element: add_months, compiler: Any, **kw: Any) -> str:
    day, months = _months(element)
    return f"CAST({compiler.process(day, **kw)} + INTERVAL '{months} months' AS DATE)"


@compiles(add_months, "sqlite")
def _add_months_sqlite(element: add_months, compiler: Any, **kw: Any) -> str:
    day, months = _months(element)
    text = compiler.process(day, **kw)
    shifted = f"date({text}, '+{months} months')"
    month_end = f"date({text}, 'start of month', '+{months + 1} months', '-1 day')"
    return (
        f"(CASE WHEN strftime('%d', {shifted}) = strftime('%d', {text}) "
        f"THEN {shifted} ELSE {month_end} END)"
    )


class floor_int(FunctionElement[int]):
    """The integer part of a non-negative number (PostgreSQL's CAST would round it)."""

    type = Integer()
    inherit_cache = True


_one_argument(floor_int, postgresql="CAST(FLOOR({}) AS INTEGER)", sqlite="CAST({} AS INTEGER)")


def percentiles(
    values: FromClause, keys: Sequence[str], value: str, shares: Sequence[float]
) -> Select[Any]:
    """Per group of ``keys``: ``p<share>`` columns interpolated like ``PERCENTILE_CONT``.

    ``values`` holds one row per observation; NULL values are left out. A group with
    one value has it as every percentile; a group without values has no row.
    """
    partition = [values.c[key] for key in keys]
    observed = values.c[value]
    ranked = (
        select(
            *partition,
            observed.label("v"),
            func.row_number().over(partition_by=partition, order_by=observed).label("rn"),
            func.count().over(partition_by=partition).label("n"),
        )
        .where(observed.is_not(None))
        .subquery("ranked")
    )
    columns = []
    for share in shares:
        position = literal(1.0) + literal(share) * (ranked.c.n - 1)
        lower = floor_int(position)
        low = func.max(case((ranked.c.rn == lower, ranked.c.v)))
        high = func.coalesce(func.max(case((ranked.c.rn == lower + 1, ranked.c.v))), low)
        columns.append((low + (position - lower) * (high - low)).label(f"p{round(share * 100)}"))
    grouped = [ranked.c[key] for key in keys]
    return select(*grouped, *columns).group_by(*grouped, ranked.c.n)
