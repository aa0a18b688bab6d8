"""The demo network: a fictional but realistic Moroccan leaving-care network.

The data lives in ``demo_actors``, ``demo_services`` and ``users``; this module turns
it into rows. Everything is deterministic: actor ``n`` of ``ACTORS`` gets id ``n + 1``,
services get ids in basket-then-own order, and every timestamp derives from fixed dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.actors.placement import place_actors
from network.actors.rules import search_fields as actor_search_fields
from network.actors.search_index import actor_search
from network.crypto import DataCipher
from network.database import Base
from network.enums import ServiceAxis
from network.seed.bulk import after_bulk_load, insert_rows
from network.seed.demo_actors import (
    ACTORS,
    KIND_DESCRIPTIONS,
    POSTAL_CODES,
    PRACTICAL_BY_AXIS,
    REGION_PHONE_PREFIX,
    WEBSITE_KINDS,
    DemoActor,
)
from network.seed.demo_plans import seed_demo_plans
from network.seed.demo_referrals import seed_demo_referrals
from network.seed.demo_services import BASKET_EXEMPT, BASKETS, OWN_SERVICES, REGION, DemoService
from network.seed.demo_youths import seed_demo_youths
from network.seed.provinces import demo_point
from network.seed.users import DemoLogin, create_demo_users
from network.services.models import service_areas
from network.services.rules import search_fields as service_search_fields
from network.services.service import PRACTICAL_TEXTS
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory

CREATED_FROM = datetime(2023, 1, 2, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class DemoSummary:
    actors: int
    services: int
    youths: int
    referrals: int
    logins: tuple[DemoLogin, ...]


@dataclass(frozen=True)
class _Place:
    id: int
    region: str


def services_of(actor: DemoActor) -> tuple[DemoService, ...]:
    """The actor's basket of services, in insertion order."""
    basket = () if actor.key in BASKET_EXEMPT else BASKETS.get(actor.kind, ())
    return basket + OWN_SERVICES.get(actor.key, ())


def _verified_at(actor: DemoActor) -> datetime | None:
    if actor.verified is None:
        return None
    return datetime.fromisoformat(actor.verified).replace(hour=10, tzinfo=UTC)


def _actor_row(
    index: int, actor: DemoActor, places: dict[str, _Place], ids: dict[str, int]
) -> dict[str, Any]:
    names = {"fr": actor.fr, "ar": actor.ar} | ({"en": actor.en} if actor.en else {})
    about_fr, about_ar = KIND_DESCRIPTIONS[actor.kind]
    description = {"fr": about_fr, "ar": about_ar}
    latitude, longitude = demo_point(actor.province, index)
    created = CREATED_FROM + timedelta(days=index)
    verified = _verified_at(actor)
    place = places[actor.province]
    return {
        "id": index + 1,
        "names": names,
        "acronym": actor.acronym,
        "kind": actor.kind,
        "description": description,
        "territory_id": place.id,
        "address": actor.address,
        "postal_code": POSTAL_CODES[actor.province],
        "latitude": latitude,
        "longitude": longitude,
        "phone": f"+212 {REGION_PHONE_PREFIX[place.region]}-00-{index:04d}",
        "email": f"contact@{actor.key}.example.ma",
        "website": f"https://{actor.key}.example.ma" if actor.kind in WEBSITE_KINDS else None,
        "languages": list(actor.languages),
        "accepts_referrals": actor.accepts_referrals,
        "active": actor.active,
        "verified_at": verified,
        "parent_id": ids[actor.parent] if actor.parent else None,
        "created_at": created,
        "updated_at": max(created, verified) if verified else created,
        **actor_search_fields(names, actor.acronym, description),
    }


def _service_row(
    service_id: int,
    actor: dict[str, Any],
    service: DemoService,
    categories: dict[str, tuple[int, ServiceAxis]],
) -> dict[str, Any]:
    names = {"fr": service.fr, "ar": service.ar} | ({"en": service.en} if service.en else {})
    description = {"fr": service.about} if service.about else None
    category_id, axis = categories[service.category]
    created = actor["created_at"] + timedelta(minutes=service_id)
    available, total = service.capacity or (None, None)
    return {
        "id": service_id,
        "actor_id": actor["id"],
        "names": names,
        "description": description,
        "axis": axis,
        "category_id": category_id,
        "min_age": service.ages[0],
        "max_age": service.ages[1],
        "genders": list(service.genders),
        "requirements": {"fr": service.requirements} if service.requirements else None,
        **{key: PRACTICAL_BY_AXIS.get(axis, {}).get(key) for key in PRACTICAL_TEXTS},
        "capacity_available": available,
        "capacity_total": total,
        "capacity_updated_at": actor["updated_at"] if service.capacity else None,
        "response_days": service.response_days,
        "accepts_referrals": service.accepts_referrals,
        "active": service.active,
        "created_at": created,
        "updated_at": created,
        **service_search_fields(names, description),
    }


async def seed_demo(
    session: AsyncSession, cipher: DataCipher, *, today: date | None = None
) -> DemoSummary:
    """Insert the demo network into an empty, migrated database (reference data loaded).

    Young people's identities are encrypted with ``cipher``: seed with the key the
    application will read them with. Their dates count from ``today``.
    """
    territories = (
        await session.execute(select(Territory.code, Territory.id, Territory.path))
    ).all()
    places = {code: _Place(id=pk, region=path.split("/")[1]) for code, pk, path in territories}
    territory_ids = {code: pk for code, pk, _ in territories}
    terms = await session.execute(select(TaxonomyTerm.code, TaxonomyTerm.id, TaxonomyTerm.axis))
    categories = {code: (pk, ServiceAxis(axis)) for code, pk, axis in terms.all()}

    actor_ids = {actor.key: index + 1 for index, actor in enumerate(ACTORS)}
    actor_rows = [_actor_row(i, actor, places, actor_ids) for i, actor in enumerate(ACTORS)]
    service_rows: list[dict[str, Any]] = []
    area_rows: list[dict[str, Any]] = []
    for actor, row in zip(ACTORS, actor_rows, strict=True):
        for service in services_of(actor):
            service_id = len(service_rows) + 1
            service_rows.append(_service_row(service_id, row, service, categories))
            for code in service.area:
                territory = places[actor.province].region if code == REGION else code
                area_rows.append(
                    {"service_id": service_id, "territory_id": territory_ids[territory]}
                )

    actors, services = Base.metadata.tables["actors"], Base.metadata.tables["services"]
    await insert_rows(session, actors, actor_rows)
    await insert_rows(session, services, service_rows)
    await insert_rows(session, service_areas, area_rows)
    await place_actors(session)
    await after_bulk_load(session, [actors, services, service_areas, actor_search])
    logins = await create_demo_users(
        session,
        actor_ids=actor_ids,
        actor_names={actor.key: actor.fr for actor in ACTORS},
        territory_ids=territory_ids,
    )
    day = today or clock.today()
    youth_ids = await seed_demo_youths(session, cipher, actor_ids=actor_ids, today=day)
    referrals = await seed_demo_referrals(
        session, cipher, actor_ids=actor_ids, youth_ids=youth_ids, today=day
    )
    await seed_demo_plans(session, cipher, youth_ids=youth_ids, today=day)
    return DemoSummary(
        actors=len(actor_rows),
        services=len(service_rows),
        youths=len(youth_ids),
        referrals=referrals,
        logins=tuple(logins),
    )
