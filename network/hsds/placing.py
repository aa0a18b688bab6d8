"""Where an imported organization is (its province) and what an imported service offers
(its axis and category): from Jisr's own codes, else the address, coordinates and
mapping file, else the defaults the import was given."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from network.enums import AXIS_ORDER, ServiceAxis
from network.errors import InvalidInput
from network.hsds.mapping import Mapping
from network.hsds.tables import Row
from network.hsds.vocabulary import ISO_3166_2
from network.seed.provinces import PROVINCE_CENTRES
from network.text import fold

NEAREST_KM = 60.0


@dataclass(frozen=True)
class Options:
    """What the import is told: a mapping of foreign terms, a default province."""

    mapping: Mapping | None = None
    default_province: str | None = None
    strict: bool = True


@dataclass
class Unmapped:
    """Foreign terms no mapping named, with the count of services that had them."""

    terms: dict[str, int] = field(default_factory=dict)

    def add(self, labels: Iterable[str]) -> None:
        for label in labels:
            self.terms[label] = self.terms.get(label, 0) + 1


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def nearest_province(territories: dict[str, int], point: tuple[float, float]) -> int | None:
    """The province whose main town is nearest ``point``, if within ``NEAREST_KM``."""
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        return None
    found = [
        (_km(point, centre), territories[code])
        for code, centre in PROVINCE_CENTRES.items()
        if code in territories
    ]
    best = min(found, default=None)
    return best[1] if best is not None and best[0] <= NEAREST_KM else None


def territory_of(
    territories: dict[str, int],
    names: dict[str, int],
    location: Row | None,
    address: Row | None,
    point: tuple[float, float] | None,
    default: int | None,
) -> int:
    """The ISO 3166-2 code, else a province named in the address, else the coordinates,
    else the default."""
    if location is not None and location.text("external_identifier_type") in (ISO_3166_2, None):
        code = location.text("external_identifier")
        if code in territories:
            return territories[code]
    for name in ("state_province", "city", "region"):
        value = address and address.text(name)
        if value and fold(value) in names:
            return names[fold(value)]
    nearest = nearest_province(territories, point) if point else None
    if nearest is not None:
        return nearest
    if default is not None:
        return default
    raise InvalidInput(
        "no Moroccan province: give the location an ISO 3166-2 external_identifier, the"
        " address a province name or coordinates in Morocco, or the import a default"
        " province (--province)"
    )


def classify(
    codes: list[str | None],
    foreign: list[Row],
    categories: dict[str, ServiceAxis],
    options: Options,
    unmapped: Unmapped,
) -> tuple[ServiceAxis, str | None]:
    """The axis and category of a service from its terms' Jisr ``codes``, else from
    the mapping of its ``foreign`` terms, else the mapping's default."""

    def of(code: str) -> tuple[ServiceAxis, str | None] | None:
        if code in categories:
            return categories[code], code
        if code in ServiceAxis.__members__:
            return ServiceAxis(code), None
        return None

    found = [hit for code in codes if code and (hit := of(code))]
    mapping = options.mapping
    if not found and mapping is not None:
        for term in foreign:
            code = mapping.code_of(term.text("id"), term.text("code"), term.text("name"))
            hit = of(code) if code else None
            if hit:
                found.append(hit)
    if found:
        found.sort(key=lambda item: (item[1] is None, AXIS_ORDER[item[0]]))
        return found[0]
    if mapping is not None and mapping.default is not None:
        unmapped.add(t.text("name") or t.text("code") or str(t.get("id")) for t in foreign)
        hit = of(mapping.default)
        assert hit is not None  # the mapping's codes are checked when it is loaded
        return hit
    raise InvalidInput(
        "no Jisr axis or category among its taxonomy terms: give the import a mapping"
        " file (--mapping) with the service's terms or a default"
    )
