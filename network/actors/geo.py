"""Distances on the globe in SQL: the one place that knows each database's dialect.

SQLite calls ``jisr_distance_km``, registered on every connection by
``network.database``; PostgreSQL computes the same haversine formula inline.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import ColumnElement, Float, SQLColumnExpression, and_, func, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

EARTH_RADIUS_KM = 6371.0088


class DistanceKm(FunctionElement[float]):
    """Great-circle distance in km from ``(latitude, longitude)`` to a fixed point."""

    type = Float()
    inherit_cache = True
    name = "jisr_distance_km"


@compiles(DistanceKm, "sqlite")
def _compile_sqlite(element: DistanceKm, compiler: Any, **kw: Any) -> str:
    return f"jisr_distance_km({compiler.process(element.clauses, **kw)})"


@compiles(DistanceKm)
def _compile_inline(element: DistanceKm, compiler: Any, **kw: Any) -> str:
    latitude, longitude, latitude0, longitude0 = element.clauses

    def half_sine_squared(a: Any, b: Any) -> ColumnElement[float]:
        return func.power(func.sin(func.radians(a - b) / 2), 2)

    a = half_sine_squared(latitude, latitude0) + func.cos(func.radians(latitude)) * func.cos(
        func.radians(latitude0)
    ) * half_sine_squared(longitude, longitude0)
    expression = 2 * EARTH_RADIUS_KM * func.asin(func.least(1.0, func.sqrt(a)))
    return str(compiler.process(expression, **kw))


def distance_from(
    latitude: SQLColumnExpression[float | None],
    longitude: SQLColumnExpression[float | None],
    *,
    to_latitude: float,
    to_longitude: float,
) -> DistanceKm:
    return DistanceKm(
        latitude, longitude, literal(to_latitude, Float()), literal(to_longitude, Float())
    )


def bounding_box(
    latitude: SQLColumnExpression[float | None],
    longitude: SQLColumnExpression[float | None],
    *,
    center_latitude: float,
    center_longitude: float,
    radius_km: float,
) -> ColumnElement[bool]:
    """A cheap, index-friendly superset of the points within ``radius_km`` of the centre.

    Latitude bounds follow from the radius alone; longitude bounds widen with latitude
    and are dropped when the circle reaches a pole or crosses the antimeridian.
    """
    angle = radius_km / EARTH_RADIUS_KM
    spread = math.degrees(angle) * 1.000001
    conditions = [latitude.between(center_latitude - spread, center_latitude + spread)]
    cos_latitude = math.cos(math.radians(center_latitude))
    if math.sin(angle) < cos_latitude:
        lon_spread = math.degrees(math.asin(math.sin(angle) / cos_latitude)) * 1.000001
        west, east = center_longitude - lon_spread, center_longitude + lon_spread
        if west >= -180 and east <= 180:
            conditions.append(longitude.between(west, east))
    return and_(*conditions)
