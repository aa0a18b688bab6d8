"""Approximate coordinates of the main town of each of Morocco's 75 prefectures and
provinces, used to place seeded actors inside their province."""

from __future__ import annotations

import csv
from functools import cache

from network.reference import COMMUNES_CSV
from network.territories.geometry import centroid, commune_at

PROVINCE_CENTRES: dict[str, tuple[float, float]] = {
    "MA-CHE": (35.17, -5.27),
    "MA-FAH": (35.70, -5.55),
    "MA-HOC": (35.25, -3.93),
    "MA-LAR": (35.19, -6.16),
    "MA-MDF": (35.68, -5.32),
    "MA-OUZ": (34.80, -5.58),
    "MA-TET": (35.57, -5.37),
    "MA-TNG": (35.77, -5.80),
    "MA-BER": (34.92, -2.32),
    "MA-DRI": (34.98, -3.39),
    "MA-FIG": (32.53, -1.96),
    "MA-GUF": (34.23, -3.35),
    "MA-JRA": (34.31, -2.16),
    "MA-NAD": (35.17, -2.93),
    "MA-OUJ": (34.68, -1.91),
    "MA-TAI": (34.41, -2.90),
    "MA-BOM": (33.36, -4.73),
    "MA-FES": (34.03, -5.00),
    "MA-HAJ": (33.69, -5.37),
    "MA-IFR": (33.53, -5.11),
    "MA-MEK": (33.89, -5.55),
    "MA-MOU": (34.09, -5.18),
    "MA-SEF": (33.83, -4.83),
    "MA-TAO": (34.54, -4.64),
    "MA-TAZ": (34.21, -4.01),
    "MA-KEN": (34.26, -6.58),
    "MA-KHE": (33.82, -6.07),
    "MA-RAB": (34.02, -6.84),
    "MA-SAL": (34.05, -6.80),
    "MA-SIK": (34.22, -5.71),
    "MA-SIL": (34.26, -5.93),
    "MA-SKH": (33.93, -6.91),
    "MA-AZI": (31.96, -6.57),
    "MA-BEM": (32.34, -6.36),
    "MA-FQH": (32.50, -6.69),
    "MA-KHN": (32.94, -5.67),
    "MA-KHO": (32.88, -6.91),
    "MA-BES": (33.61, -7.12),
    "MA-BRR": (33.27, -7.59),
    "MA-CAS": (33.57, -7.59),
    "MA-JDI": (33.25, -8.51),
    "MA-MED": (33.45, -7.51),
    "MA-MOH": (33.69, -7.38),
    "MA-NOU": (33.37, -7.58),
    "MA-SET": (33.00, -7.62),
    "MA-SIB": (32.65, -8.43),
    "MA-CHI": (31.54, -8.76),
    "MA-ESI": (31.51, -9.77),
    "MA-HAO": (31.35, -7.95),
    "MA-KES": (32.05, -7.41),
    "MA-MAR": (31.63, -8.01),
    "MA-REH": (32.24, -7.95),
    "MA-SAF": (32.30, -9.24),
    "MA-YUS": (32.25, -8.53),
    "MA-ERR": (31.93, -4.43),
    "MA-MID": (32.68, -4.74),
    "MA-OUA": (30.92, -6.89),
    "MA-TIN": (31.51, -5.53),
    "MA-ZAG": (30.33, -5.84),
    "MA-AGD": (30.42, -9.60),
    "MA-CHT": (30.21, -9.37),
    "MA-INE": (30.36, -9.54),
    "MA-TAR": (30.47, -8.88),
    "MA-TAT": (29.74, -7.97),
    "MA-TIZ": (29.70, -9.73),
    "MA-ASZ": (28.61, -9.43),
    "MA-GUE": (28.99, -10.06),
    "MA-SIF": (29.38, -10.17),
    "MA-TNT": (28.44, -11.10),
    "MA-BOD": (26.13, -14.48),
    "MA-ESM": (26.74, -11.67),
    "MA-LAA": (27.15, -13.20),
    "MA-TAF": (27.94, -12.92),
    "MA-AOU": (22.55, -14.33),
    "MA-OUD": (23.70, -15.95),
}


def jittered(province: str, index: int) -> tuple[float, float]:
    """A point within 0.025° of the province's main town, the same for the same index."""
    latitude, longitude = PROVINCE_CENTRES[province]
    d_lat = ((index * 7919) % 51 - 25) / 1000
    d_lon = ((index * 104729) % 49 - 24) / 1000
    return round(latitude + d_lat, 5), round(longitude + d_lon, 5)


# Provinces whose demo actors are spread over the city's arrondissements.
ARRONDISSEMENTS = {"MA-CAS", "MA-FES", "MA-MAR", "MA-RAB", "MA-SAL", "MA-TNG"}


@cache
def _communes(province: str, kind: str | None) -> list[str]:
    with COMMUNES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        return [r["code"] for r in rows if r["parent"] == province and kind in (None, r["kind"])]


def in_commune(province: str, index: int, *, kind: str | None = None) -> tuple[float, float]:
    """A point inside the ``index``-th commune (of ``kind``, cycling) of the province: its
    centroid, moved a little when the move keeps it in the commune."""
    codes = _communes(province, kind) or _communes(province, None)
    code = codes[index % len(codes)]
    centre = centroid(code)
    assert centre is not None, code
    moved = (
        centre[0] + ((index * 7919) % 11 - 5) / 2000,
        centre[1] + ((index * 104729) % 11 - 5) / 2000,
    )
    point = moved if commune_at(*moved) == code else centre
    return round(point[0], 5), round(point[1], 5)


def demo_point(province: str, index: int) -> tuple[float, float]:
    """Spread over the arrondissements of a divided city; elsewhere near the main town,
    or inside one of the province's communes when that point falls outside it."""
    if province in ARRONDISSEMENTS:
        return in_commune(province, index, kind="arrondissement")
    point = jittered(province, index)
    inside = commune_at(*point) in _communes(province, None)
    return point if inside else in_commune(province, index)
