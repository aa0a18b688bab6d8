"""The public directory as HSDS tables: active actors (organizations) and their active services.

Texts go in one language (``lang``, falling back as ``vocabulary.in_language`` does);
the texts in the other languages travel as attributes whose taxonomy term names the
language, so that an import gets every language back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.hsds import ids
from network.hsds.tables import Tables
from network.hsds.vocabulary import (
    AXIS_NAMES,
    HSDS_VERSION,
    ISO_3166_2,
    KIND_NAMES,
    KINDS_TAXONOMY,
    LANGUAGE_NAMES,
    LANGUAGES_TAXONOMY,
    SERVICES_TAXONOMY,
    TAXONOMY_NAMES,
    TERRITORY_URN,
    hsds_id,
    in_language,
    taxonomy_id,
    term_id,
)
from network.services.models import Service, service_areas
from network.taxonomy.models import TaxonomyTerm
from network.territories.models import Territory

PLACES_UNIT = hsds_id("unit", "places")


def timestamp(value: datetime) -> str:
    """HSDS date-time: UTC with millisecond accuracy."""
    return (
        value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    )


async def export_tables(
    session: AsyncSession,
    *,
    lang: str = "fr",
    actor_ids: Sequence[int] | None = None,
    service_ids: Sequence[int] | None = None,
) -> Tables:
    """HSDS tables of the public directory, or of the given actors and services in it."""
    actor_query = select(Actor).where(Actor.active.is_(True))
    if actor_ids is not None:
        actor_query = actor_query.where(Actor.id.in_(actor_ids))
    actors = list(await session.scalars(actor_query))
    service_query = select(Service).where(
        Service.active.is_(True), Service.actor_id.in_([a.id for a in actors])
    )
    if service_ids is not None:
        service_query = service_query.where(Service.id.in_(service_ids))
    services = list(await session.scalars(service_query))
    parents = {a.parent_id for a in actors if a.parent_id is not None}
    org_ids = await ids.published_ids(
        session, ids.ORGANIZATION, sorted({a.id for a in actors} | parents)
    )
    public_parents = set(
        await session.scalars(select(Actor.id).where(Actor.id.in_(parents), Actor.active))
    )
    svc_ids = await ids.published_ids(session, ids.SERVICE, [s.id for s in services])
    territories = {t.id: t for t in await session.scalars(select(Territory))}
    terms = {t.id: t for t in await session.scalars(select(TaxonomyTerm))}
    areas: dict[int, list[int]] = defaultdict(list)
    for service_id, territory_id in await session.execute(
        select(service_areas.c.service_id, service_areas.c.territory_id).where(
            service_areas.c.service_id.in_([s.id for s in services])
        )
    ):
        areas[service_id].append(territory_id)

    tables = Tables()
    _taxonomies(tables, lang, terms.values())
    by_actor = {a.id: a for a in actors}
    for actor in actors:
        parent = actor.parent_id if actor.parent_id in public_parents else None
        parent_id = org_ids[parent] if parent is not None else None
        _organization(tables, lang, actor, org_ids[actor.id], parent_id, territories)
    for service in services:
        actor = by_actor[service.actor_id]
        _service(
            tables,
            lang,
            service,
            svc_ids[service.id],
            org_ids[actor.id],
            actor,
            terms,
            [territories[t] for t in areas[service.id]],
        )
    if tables["service_capacity"]:
        _unit(tables, lang)
    return tables.sorted()


def _taxonomies(tables: Tables, lang: str, terms: Iterable[TaxonomyTerm]) -> None:
    for code, names in TAXONOMY_NAMES.items():
        name = in_language(names, lang)
        tables.add(
            "taxonomy",
            id=taxonomy_id(code),
            name=name,
            description=name,
            uri=None,
            version=HSDS_VERSION if code == SERVICES_TAXONOMY else None,
        )
    for axis, names in AXIS_NAMES.items():
        _term(tables, lang, SERVICES_TAXONOMY, axis.value, names, None)
    for term in terms:
        _term(
            tables,
            lang,
            SERVICES_TAXONOMY,
            term.code,
            term.names,
            term_id(SERVICES_TAXONOMY, term.axis.value),
        )
    for kind, names in KIND_NAMES.items():
        _term(tables, lang, KINDS_TAXONOMY, kind.value, names, None)
    for code, names in LANGUAGE_NAMES.items():
        _term(tables, lang, LANGUAGES_TAXONOMY, code, names, None)


def _term(
    tables: Tables, lang: str, taxonomy: str, code: str, names: dict[str, str], parent: str | None
) -> None:
    name = in_language(names, lang)
    tables.add(
        "taxonomy_term",
        id=term_id(taxonomy, code),
        code=code,
        name=name,
        description=name,
        parent_id=parent,
        taxonomy_id=taxonomy_id(taxonomy),
        language=lang,
    )


def _translations(
    tables: Tables, lang: str, entity: str, link_id: str, field: str, texts: dict[str, str] | None
) -> None:
    """Attributes holding ``texts`` in every language but ``lang``."""
    for code, value in sorted((texts or {}).items()):
        if value and code != lang:
            tables.add(
                "attribute",
                id=hsds_id("attribute", link_id, field, code),
                link_id=link_id,
                taxonomy_term_id=term_id(LANGUAGES_TAXONOMY, code),
                link_type=field,
                link_entity=entity,
                value=value,
            )


def _organization(
    tables: Tables,
    lang: str,
    actor: Actor,
    org_id: str,
    parent_id: str | None,
    territories: dict[int, Territory],
) -> None:
    tables.add(
        "organization",
        id=org_id,
        name=in_language(actor.names, lang),
        alternate_name=actor.acronym,
        description=in_language(actor.description, lang) or "",
        email=actor.email,
        website=actor.website,
        parent_organization_id=parent_id,
    )
    _translations(tables, lang, "organization", org_id, "name", actor.names)
    _translations(tables, lang, "organization", org_id, "description", actor.description)
    tables.add(
        "attribute",
        id=hsds_id("attribute", org_id, "kind"),
        link_id=org_id,
        taxonomy_term_id=term_id(KINDS_TAXONOMY, actor.kind.value),
        link_type="kind",
        link_entity="organization",
        value=None,
    )
    if actor.phone:
        tables.add(
            "phone",
            id=hsds_id("phone", org_id),
            organization_id=org_id,
            contact_id=None,
            number=actor.phone,
            type="voice",
        )
    if actor.email:
        tables.add(
            "contact",
            id=hsds_id("contact", org_id),
            organization_id=org_id,
            name=actor.acronym,
            email=actor.email,
        )
    territory = territories[actor.territory_id]
    region = territories.get(territory.parent_id or 0)
    location_id = hsds_id("location", org_id)
    tables.add(
        "location",
        id=location_id,
        location_type="physical",
        organization_id=org_id,
        name=in_language(actor.names, lang),
        latitude=actor.latitude,
        longitude=actor.longitude,
        external_identifier=territory.code,
        external_identifier_type=ISO_3166_2,
    )
    tables.add(
        "address",
        id=hsds_id("address", org_id),
        location_id=location_id,
        address_1=actor.address or "",
        city=in_language(territory.names, lang),
        region=region and in_language(region.names, lang),
        state_province=in_language(territory.names, lang),
        postal_code="",
        country="MA",
        address_type="physical",
    )
    for code in actor.languages:
        _language(tables, lang, code.lower(), location_id=location_id)


def _language(
    tables: Tables,
    lang: str,
    code: str,
    *,
    location_id: str | None = None,
    service_id: str | None = None,
) -> None:
    owner = location_id or service_id
    tables.add(
        "language",
        id=hsds_id("language", owner, code),
        service_id=service_id,
        location_id=location_id,
        name=in_language(LANGUAGE_NAMES.get(code), lang),
        code=code,
    )


def _service(
    tables: Tables,
    lang: str,
    service: Service,
    svc_id: str,
    org_id: str,
    actor: Actor,
    terms: dict[int, TaxonomyTerm],
    area: list[Territory],
) -> None:
    other = "ar" if lang != "ar" else "fr"
    tables.add(
        "service",
        id=svc_id,
        organization_id=org_id,
        name=in_language(service.names, lang),
        alternate_name=(service.names or {}).get(other),
        description=in_language(service.description, lang),
        status="active",
        eligibility_description=in_language(service.requirements, lang),
        minimum_age=service.min_age,
        maximum_age=service.max_age,
        assured_date=actor.verified_at.date().isoformat() if actor.verified_at else None,
        last_modified=timestamp(service.updated_at),
    )
    _translations(tables, lang, "service", svc_id, "name", service.names)
    _translations(tables, lang, "service", svc_id, "description", service.description)
    _translations(tables, lang, "service", svc_id, "eligibility_description", service.requirements)
    category = terms.get(service.category_id or 0)
    code = category.code if category else service.axis.value
    tables.add(
        "attribute",
        id=hsds_id("attribute", svc_id, "category"),
        link_id=svc_id,
        taxonomy_term_id=term_id(SERVICES_TAXONOMY, code),
        link_type="category",
        link_entity="service",
        value=None,
    )
    tables.add(
        "service_at_location",
        id=hsds_id("service_at_location", svc_id),
        service_id=svc_id,
        location_id=hsds_id("location", org_id),
    )
    for territory in area:
        tables.add(
            "service_area",
            id=hsds_id("service_area", svc_id, territory.code),
            service_id=svc_id,
            name=in_language(territory.names, lang),
            uri=TERRITORY_URN + territory.code,
        )
    for code in actor.languages:
        _language(tables, lang, code.lower(), service_id=svc_id)
    if service.capacity_available is not None and service.capacity_updated_at is not None:
        tables.add(
            "service_capacity",
            id=hsds_id("service_capacity", svc_id),
            service_id=svc_id,
            unit_id=PLACES_UNIT,
            available=service.capacity_available,
            maximum=service.capacity_total,
            description=None,
            updated=timestamp(service.capacity_updated_at),
        )


def _unit(tables: Tables, lang: str) -> None:
    names = {"fr": "Place", "ar": "مقعد", "en": "Place"}
    tables.add(
        "unit", id=PLACES_UNIT, name=in_language(names, lang), scheme=None, identifier="place"
    )
