"""Distances and bounding boxes computed by the database agree with Python's haversine."""

import math

import pytest
from sqlalchemy import Float, literal, select

from network.actors.geo import EARTH_RADIUS_KM, bounding_box, distance_from
from network.database import create_engine, distance_km


def destination(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` away from ``(lat, lon)`` along ``bearing`` (degrees)."""
    angle, theta = km / EARTH_RADIUS_KM, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(
        math.sin(p1) * math.cos(angle) + math.cos(p1) * math.sin(angle) * math.cos(theta)
    )
    l2 = l1 + math.atan2(
        math.sin(theta) * math.sin(angle) * math.cos(p1),
        math.cos(angle) - math.sin(p1) * math.sin(p2),
    )
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


@pytest.mark.parametrize(
    ("start", "end"),
    [((34.03, -5.0), (33.83, -4.83)), ((34.03, -5.0), (34.03, -5.0)), ((-33.9, 18.4), (51.5, 0.0))],
)
async def test_sql_distance_matches_python(
    demo_url: str, start: tuple[float, float], end: tuple[float, float]
) -> None:
    engine = create_engine(demo_url, null_pool=True)
    point = (literal(start[0], Float()), literal(start[1], Float()))
    async with engine.connect() as connection:
        found = await connection.scalar(
            select(distance_from(*point, to_latitude=end[0], to_longitude=end[1]))
        )
    await engine.dispose()

    assert found == pytest.approx(distance_km(*start, *end), abs=1e-6)


@pytest.mark.parametrize("centre", [(34.03, -5.0), (70.0, 20.0), (-60.0, 100.0), (0.0, 179.9)])
@pytest.mark.parametrize("radius", [1.0, 250.0, 1000.0])
async def test_the_bounding_box_holds_the_whole_circle(
    demo_url: str, centre: tuple[float, float], radius: float
) -> None:
    # given points just inside the circle, all around it
    rims = [destination(*centre, bearing, radius * 0.999) for bearing in range(0, 360, 5)]
    engine = create_engine(demo_url, null_pool=True)

    # when the database checks each against the box
    async with engine.connect() as connection:
        inside = [
            await connection.scalar(
                select(
                    bounding_box(
                        literal(lat, Float()),
                        literal(lon, Float()),
                        center_latitude=centre[0],
                        center_longitude=centre[1],
                        radius_km=radius,
                    )
                )
            )
            for lat, lon in rims
        ]
    await engine.dispose()

    # then none is left out
    assert all(inside)
