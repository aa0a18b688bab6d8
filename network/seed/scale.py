"""A deterministic national-size network for load tests: ``jisr seed scale``.

Actors are spread over all 75 prefectures and provinces (every one gets some), placed
near the province's main town; every 25th actor is a unit of the one before it. Every
actor has at least one service; services cover every axis and category, with
eligibility, capacity, response times and, for some, a service area. The same
``seed`` and sizes always give the same rows and ids.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from rich.progress import Progress, TaskID
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.actors.placement import place_actors
from network.actors.rules import search_fields as actor_search_fields
from network.actors.search_index import actor_search
from network.database import Base
from network.enums import ActorKind, TerritoryLevel
from network.errors import InvalidInput
from network.seed.bulk import CHUNK, after_bulk_load, insert_rows
from network.seed.provinces import PROVINCE_CENTRES, in_commune
from network.services.models import Service
from network.services.rules import search_fields as service_search_fields
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory

CREATED_FROM = datetime(2024, 1, 1, tzinfo=UTC)
VERIFIED_UNTIL = datetime(2026, 10, 31, 10, 0, tzinfo=UTC)
UNIT_EVERY = 25

KIND_WEIGHTS: dict[ActorKind, int] = {
    ActorKind.ASSOCIATION: 22,
    ActorKind.EMPLOYER: 14,
    ActorKind.HEALTH_FACILITY: 12,
    ActorKind.EDUCATION_INSTITUTION: 12,
    ActorKind.TRAINING_CENTER: 9,
    ActorKind.SOCIAL_ASSISTANCE_CENTER: 9,
    ActorKind.LOCAL_AUTHORITY: 6,
    ActorKind.EMPLOYMENT_AGENCY: 5,
    ActorKind.PUBLIC_SERVICE: 5,
    ActorKind.CARE_INSTITUTION: 5,
    ActorKind.INTERNATIONAL_PARTNER: 1,
}
KIND_NAMES: dict[ActorKind, tuple[str, str]] = {
    ActorKind.ASSOCIATION: ("Association", "جمعية"),
    ActorKind.EMPLOYER: ("Entreprise", "مقاولة"),
    ActorKind.HEALTH_FACILITY: ("Centre de santé", "المركز الصحي"),
    ActorKind.EDUCATION_INSTITUTION: ("Établissement scolaire", "مؤسسة تعليمية"),
    ActorKind.TRAINING_CENTER: ("Centre de formation professionnelle", "مركز التكوين المهني"),
    ActorKind.SOCIAL_ASSISTANCE_CENTER: ("Centre d'assistance sociale", "مركز المساعدة الاجتماعية"),
    ActorKind.LOCAL_AUTHORITY: ("Commune", "جماعة"),
    ActorKind.EMPLOYMENT_AGENCY: ("Agence de l'emploi", "وكالة التشغيل"),
    ActorKind.PUBLIC_SERVICE: ("Guichet de service public", "شباك المرفق العمومي"),
    ActorKind.CARE_INSTITUTION: ("Établissement de protection sociale", "مؤسسة الرعاية الاجتماعية"),
    ActorKind.INTERNATIONAL_PARTNER: ("Partenaire international", "شريك دولي"),
}
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("Al Amal", "الأمل"),
    ("Annour", "النور"),
    ("Al Wafa", "الوفاء"),
    ("Assalam", "السلام"),
    ("Al Fajr", "الفجر"),
    ("Ibn Sina", "ابن سينا"),
    ("Al Massira", "المسيرة"),
    ("Al Inbiat", "الانبعاث"),
    ("Tafawout", "التفاوت"),
    ("Al Mostakbal", "المستقبل"),
    ("Ennahda", "النهضة"),
    ("Al Karama", "الكرامة"),
)
VARIANTS: tuple[tuple[str, str], ...] = (
    ("accompagnement individuel", "مواكبة فردية"),
    ("ateliers collectifs", "ورشات جماعية"),
    ("permanence hebdomadaire", "مداومة أسبوعية"),
    ("pour jeunes filles", "للفتيات"),
    ("pour jeunes sortant de protection", "للشباب الخارجين من الرعاية"),
    ("programme intensif", "برنامج مكثف"),
)
AGE_RANGES: tuple[tuple[int | None, int | None], ...] = (
    (None, None),
    (15, 25),
    (18, 30),
    (16, 24),
    (18, None),
    (12, 18),
)
GENDERS: tuple[tuple[str, ...], ...] = ((), (), (), (), ("FEMALE",), ("MALE",))
LANGUAGES: tuple[tuple[str, ...], ...] = (("AR", "FR"), ("AR", "FR"), ("AR", "FR", "ZGH"), ("AR",))
RESPONSE_DAYS = (0, 1, 2, 2, 3, 3, 4, 5, 5, 5, 6, 7, 7, 10, 10, 14)


@dataclass(frozen=True)
class ScaleSummary:
    actors: int
    services: int
    service_areas: int


@dataclass(frozen=True)
class _Province:
    id: int
    code: str
    region_id: int
    names: dict[str, str]


class _Reporter:
    """Advances a rich progress bar, or does nothing when progress is off."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress

    def task(self, description: str, total: int) -> TaskID | None:
        return self.progress.add_task(description, total=total) if self.progress else None

    def advancer(self, task: TaskID | None) -> Callable[[int], None]:
        def advance(amount: int) -> None:
            if self.progress is not None and task is not None:
                self.progress.advance(task, amount)

        return advance


@contextmanager
def _reporter(enabled: bool) -> Iterator[_Reporter]:
    if not enabled:
        yield _Reporter(None)
        return
    with Progress() as progress:
        yield _Reporter(progress)


def _actor_row(
    rng: random.Random,
    actor_id: int,
    index: int,
    province: _Province,
    parent: dict[str, Any] | None,
) -> dict[str, Any]:
    kind = (
        parent["kind"]
        if parent
        else rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
    )
    kind_fr, kind_ar = KIND_NAMES[kind]
    qualifier_fr, qualifier_ar = rng.choice(QUALIFIERS)
    if parent is None:
        names = {
            "fr": f"{kind_fr} {qualifier_fr} n° {index + 1} – {province.names['fr']}",
            "ar": f"{kind_ar} {qualifier_ar} رقم {index + 1} - {province.names['ar']}",
        }
    else:
        names = {
            "fr": f"Unité {qualifier_fr} n° {index + 1} – {parent['names']['fr']}",
            "ar": f"وحدة {qualifier_ar} رقم {index + 1} - {parent['names']['ar']}",
        }
    description = {"fr": f"{kind_fr} au service des jeunes de {province.names['fr']}."}
    acronym = f"{kind_fr[:1]}{qualifier_fr[:1]}{index + 1}".upper() if rng.random() < 0.2 else None
    latitude, longitude = in_commune(province.code, index)
    created = CREATED_FROM + timedelta(minutes=index)
    verified = None
    if rng.random() < 0.85:
        verified = VERIFIED_UNTIL - timedelta(days=rng.randrange(0, 900))
    return {
        "id": actor_id,
        "names": names,
        "acronym": acronym,
        "kind": kind,
        "description": description,
        "territory_id": province.id,
        "address": f"{rng.randrange(1, 200)}, avenue {qualifier_fr}, {province.names['fr']}",
        "latitude": latitude,
        "longitude": longitude,
        "phone": f"+212 5{rng.randrange(20, 40)}-{index:06d}",
        "email": f"contact{index + 1}@scale.example.ma",
        "website": None,
        "languages": list(rng.choice(LANGUAGES)),
        "accepts_referrals": rng.random() < 0.9,
        "active": rng.random() < 0.97,
        "verified_at": verified,
        "parent_id": parent["id"] if parent else None,
        "created_at": created,
        "updated_at": max(created, verified) if verified else created,
        **actor_search_fields(names, acronym, description),
    }


def _service_row(
    rng: random.Random, service_id: int, actor: dict[str, Any], term: TaxonomyTerm
) -> dict[str, Any]:
    variant_fr, variant_ar = rng.choice(VARIANTS)
    names = {"fr": f"{term.names['fr']} – {variant_fr}", "ar": f"{term.names['ar']} - {variant_ar}"}
    min_age, max_age = rng.choice(AGE_RANGES)
    total = rng.randrange(5, 61) if rng.random() < 0.6 else None
    created = actor["created_at"] + timedelta(seconds=service_id % 3600)
    return {
        "id": service_id,
        "actor_id": actor["id"],
        "names": names,
        "description": None,
        "axis": term.axis,
        "category_id": term.id,
        "min_age": min_age,
        "max_age": max_age,
        "genders": list(rng.choice(GENDERS)),
        "requirements": None,
        "capacity_available": rng.randrange(0, total + 1) if total else None,
        "capacity_total": total,
        "capacity_updated_at": actor["updated_at"] if total else None,
        "response_days": rng.choice(RESPONSE_DAYS),
        "accepts_referrals": rng.random() < 0.92,
        "active": rng.random() < 0.95,
        "created_at": created,
        "updated_at": created,
        **service_search_fields(names, None),
    }


def _service_counts(rng: random.Random, actors: int, services: int) -> list[int]:
    """Services per actor: one each (while they last), the rest spread at random."""
    counts = [1 if i < services else 0 for i in range(actors)]
    for _ in range(max(0, services - actors)):
        counts[rng.randrange(actors)] += 1
    return counts


def _areas(
    rng: random.Random, service_id: int, province: _Province, neighbours: list[_Province]
) -> list[dict[str, Any]]:
    draw = rng.random()
    if draw < 0.08:
        return [{"service_id": service_id, "territory_id": province.region_id}]
    if draw < 0.13:
        chosen = rng.sample(neighbours, min(len(neighbours), rng.randrange(2, 4)))
        return [{"service_id": service_id, "territory_id": p.id} for p in chosen]
    return []


async def _provinces(session: AsyncSession) -> list[_Province]:
    rows = await session.scalars(
        select(Territory).where(Territory.level == TerritoryLevel.PROVINCE).order_by(Territory.code)
    )
    return [
        _Province(id=t.id, code=t.code, region_id=t.parent_id or t.id, names=t.names)
        for t in rows
        if t.code in PROVINCE_CENTRES
    ]


async def _next_id(session: AsyncSession, model: type[Actor] | type[Service]) -> int:
    return int(await session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1


async def seed_scale(
    session: AsyncSession,
    *,
    actors: int = 10_000,
    services: int = 50_000,
    seed: int = 42,
    progress: bool = True,
) -> ScaleSummary:
    """Insert ``actors`` actors and ``services`` services; the caller commits.

    Works on a migrated database with reference data loaded, empty or not: ids continue
    after the largest existing ones (so on an empty database, the same arguments give
    the same ids). ``progress`` draws a rich progress bar on the terminal.
    """
    if actors < 0 or services < 0 or (services and not actors):
        raise InvalidInput("sizes are not negative, and services need at least one actor")
    rng = random.Random(seed)
    provinces = await _provinces(session)
    by_region: dict[int, list[_Province]] = {}
    for province in provinces:
        by_region.setdefault(province.region_id, []).append(province)
    terms = list(await session.scalars(select(TaxonomyTerm).order_by(TaxonomyTerm.code)))
    first_actor, first_service = await _next_id(session, Actor), await _next_id(session, Service)
    tables = Base.metadata.tables

    with _reporter(progress) as reporter:
        actor_task = reporter.task("actors", actors)
        service_task = reporter.task("services", services)
        actor_rows: list[dict[str, Any]] = []
        places: list[_Province] = []
        organisations = 0
        for index in range(actors):
            parent = actor_rows[-1] if index % UNIT_EVERY == UNIT_EVERY - 1 else None
            if parent is not None:
                province = places[-1]
            elif organisations < len(provinces):
                province, organisations = provinces[organisations], organisations + 1
            else:
                province = rng.choice(provinces)
            actor_rows.append(_actor_row(rng, first_actor + index, index, province, parent))
            places.append(province)
        await insert_rows(
            session, tables["actors"], actor_rows, on_chunk=reporter.advancer(actor_task)
        )

        service_rows: list[dict[str, Any]] = []
        area_rows: list[dict[str, Any]] = []
        service_id = first_service
        advance = reporter.advancer(service_task)
        counts = _service_counts(rng, actors, services)
        for actor, province, count in zip(actor_rows, places, counts, strict=True):
            for _ in range(count):
                term = terms[(service_id - first_service + rng.randrange(3)) % len(terms)]
                service_rows.append(_service_row(rng, service_id, actor, term))
                area_rows += _areas(rng, service_id, province, by_region[province.region_id])
                service_id += 1
            if len(service_rows) >= CHUNK:
                await insert_rows(session, tables["services"], service_rows, on_chunk=advance)
                service_rows = []
        await insert_rows(session, tables["services"], service_rows, on_chunk=advance)
        await insert_rows(session, tables["service_areas"], area_rows)
    await place_actors(session)
    loaded = [tables["actors"], tables["services"], tables["service_areas"], actor_search]
    await after_bulk_load(session, loaded)
    return ScaleSummary(
        actors=actors, services=service_id - first_service, service_areas=len(area_rows)
    )
