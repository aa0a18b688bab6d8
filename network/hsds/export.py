"""The public directory as HSDS tables: active actors (organizations) and their active services.

An actor's plain fields go where their declaration (network.actors.fields) says.
The core tables are strict HSDS 3.0: a property Jisr does not know is left out, never
null or empty. Texts go in one language (``lang``, falling back as
``vocabulary.in_language`` does); the texts in the other languages, and what HSDS 3.0
has no field for, go in the tables of Jisr's profile (``jisr_translation``,
``jisr_service_detail``), so that an import gets all of it back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.fields import PLAIN as ACTOR_FIELDS
from network.actors.models import Actor
from network.enums import TerritoryLevel
from network.fields import hsds_values
from network.hsds import ids
from network.hsds.practical import FIELDS, add_practical
from network.hsds.tables import Tables
from network.hsds.vocabulary import (
    AXIS_NAMES,
    CONTACT_DESK,
    EXTENT_TYPE,
    ISO_3166_2,
    KIND_NAMES,
    KINDS_TAXONOMY,
    LANGUAGE_NAMES,
    SERVICES_TAXONOMY,
    TAXONOMY_DESCRIPTIONS,
    TAXONOMY_NAMES,
    TAXONOMY_URI,
    TAXONOMY_VERSION,
    TERRITORY_URN,
    hsds_id,
    in_language,
    taxonomy_id,
    term_description,
    term_id,
)
from network.services.models import Service, service_areas
from network.taxonomy.models import TaxonomyTerm
from network.territories.geometry import extent
from network.territories.models import Territory


def timestamp(value: datetime) -> str:
    """HSDS date-time: UTC with millisecond accuracy."""
    return (
        value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    )


def street_and_city(address: str | None) -> tuple[str, str] | None:
    """``12, rue Ibn Khaldoun, Fès`` as its street part and its city (the last part)."""
    if not address:
        return None
    street, _, city = address.replace("\n", ", ").rpartition(",")
    street, city = street.strip(" ,"), city.strip()
    if not street or not city or city.isdigit():
        return None
    return street, city


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
    return tables.sorted()


def _taxonomies(tables: Tables, lang: str, terms: Iterable[TaxonomyTerm]) -> None:
    for code, names in TAXONOMY_NAMES.items():
        tables.add(
            "taxonomy",
            id=taxonomy_id(code),
            name=in_language(names, lang),
            description=in_language(TAXONOMY_DESCRIPTIONS[code], lang),
            uri=TAXONOMY_URI + code,
            version=TAXONOMY_VERSION,
        )
    for axis, names in AXIS_NAMES.items():
        name = in_language(names, lang) or axis.value
        _term(tables, lang, SERVICES_TAXONOMY, axis.value, name, None, "axis")
    for term in terms:
        axis_name = in_language(AXIS_NAMES[term.axis], lang) or term.axis.value
        parent = term_id(SERVICES_TAXONOMY, term.axis.value)
        name = in_language(term.names, lang) or term.code
        _term(tables, lang, SERVICES_TAXONOMY, term.code, name, parent, "category", axis_name)
    for kind, names in KIND_NAMES.items():
        name = in_language(names, lang) or kind.value
        _term(tables, lang, KINDS_TAXONOMY, kind.value, name, None, "kind")


def _term(
    tables: Tables,
    lang: str,
    taxonomy: str,
    code: str,
    name: str,
    parent: str | None,
    what: str,
    axis: str = "",
) -> None:
    tables.add(
        "taxonomy_term",
        id=term_id(taxonomy, code),
        code=code,
        name=name,
        description=term_description(what, lang, name, axis),
        parent_id=parent,
        taxonomy_id=taxonomy_id(taxonomy),
        language=lang,
        term_uri=f"{TAXONOMY_URI}{taxonomy}/{code}",
    )


def _translations(
    tables: Tables, lang: str, entity: str, link_id: str, field: str, texts: dict[str, str] | None
) -> None:
    """Profile rows holding ``texts`` in every language but ``lang``."""
    for code, value in sorted((texts or {}).items()):
        if value and code != lang:
            tables.add(
                "jisr_translation",
                id=hsds_id("translation", link_id, field, code),
                link_id=link_id,
                link_entity=entity,
                field_name=field,
                language=code,
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
    territory, region = _province_and_region(territories, actor.territory_id)
    province = in_language(territory.names, lang)
    name = in_language(actor.names, lang)
    tables.add(
        "organization",
        id=org_id,
        name=name,
        description=in_language(actor.description, lang) or f"{name} ({province})",
        parent_organization_id=parent_id,
        **hsds_values(ACTOR_FIELDS, actor, "organization"),
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
    )
    if actor.phone:
        tables.add("phone", id=hsds_id("phone", org_id), organization_id=org_id, number=actor.phone)
    if actor.email:
        tables.add(
            "contact",
            id=hsds_id("contact", org_id),
            organization_id=org_id,
            name=in_language(CONTACT_DESK, lang),
            email=actor.email,
        )
    location_id = hsds_id("location", org_id)
    tables.add(
        "location",
        id=location_id,
        location_type="physical",
        organization_id=org_id,
        name=name,
        latitude=actor.latitude,
        longitude=actor.longitude,
        external_identifier=territory.code,
        external_identifier_type=ISO_3166_2,
    )
    parts = street_and_city(actor.address)
    if parts is not None and actor.postal_code:
        tables.add(
            "address",
            id=hsds_id("address", org_id),
            location_id=location_id,
            address_1=parts[0],
            city=parts[1],
            region=region and in_language(region.names, lang),
            state_province=province,
            country="MA",
            address_type="physical",
            **hsds_values(ACTOR_FIELDS, actor, "address"),
        )
    for code in actor.languages:
        _language(tables, lang, code.lower(), location_id=location_id)


def _province_and_region(
    territories: dict[int, Territory], territory_id: int
) -> tuple[Territory, Territory | None]:
    """The province (or prefecture) an actor is in, and its region.

    An actor sits in a commune; HSDS names the province by its ISO 3166-2 code
    (``location.external_identifier``) and by name (``address.state_province``).
    """
    territory = territories[territory_id]
    while territory.level is TerritoryLevel.COMMUNE and territory.parent_id in territories:
        territory = territories[territory.parent_id]
    return territory, territories.get(territory.parent_id or 0)


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
    tables.add(
        "service",
        id=svc_id,
        organization_id=org_id,
        name=in_language(service.names, lang),
        description=in_language(service.description, lang),
        status="active",
        eligibility_description=in_language(service.requirements, lang),
        fees_description=in_language(service.fees, lang),
        minimum_age=service.min_age,
        maximum_age=service.max_age,
        assured_date=actor.verified_at.date().isoformat() if actor.verified_at else None,
        last_modified=timestamp(service.updated_at),
    )
    _translations(tables, lang, "service", svc_id, "name", service.names)
    _translations(tables, lang, "service", svc_id, "description", service.description)
    _translations(tables, lang, "service", svc_id, "eligibility_description", service.requirements)
    practical = {key: getattr(service, key) for key in FIELDS}
    for key, name in FIELDS.items():
        _translations(tables, lang, "service", svc_id, name, practical[key])
    in_lang = add_practical(tables, lang, svc_id, practical)
    category = terms.get(service.category_id or 0)
    code = category.code if category else service.axis.value
    tables.add(
        "attribute",
        id=hsds_id("attribute", svc_id, "category"),
        link_id=svc_id,
        taxonomy_term_id=term_id(SERVICES_TAXONOMY, code),
        link_type="category",
        link_entity="service",
    )
    capacity_known = service.capacity_available is not None or service.capacity_total is not None
    tables.add(
        "jisr_service_detail",
        id=hsds_id("service_detail", svc_id),
        service_id=svc_id,
        axis=service.axis.value,
        category_code=category.code if category else None,
        genders=" ".join(service.genders),
        accepts_referrals=service.accepts_referrals,
        response_days=service.response_days,
        capacity_available=service.capacity_available,
        capacity_total=service.capacity_total,
        capacity_updated=(
            timestamp(service.capacity_updated_at)
            if capacity_known and service.capacity_updated_at
            else None
        ),
        accessibility=in_lang["accessibility"],
    )
    tables.add(
        "service_at_location",
        id=hsds_id("service_at_location", svc_id),
        service_id=svc_id,
        location_id=hsds_id("location", org_id),
    )
    for territory in area:
        shape = extent(territory.code)
        tables.add(
            "service_area",
            id=hsds_id("service_area", svc_id, territory.code),
            service_id=svc_id,
            name=in_language(territory.names, lang),
            extent=shape,
            extent_type=shape and EXTENT_TYPE,
            uri=TERRITORY_URN + territory.code,
        )
    for code in actor.languages:
        _language(tables, lang, code.lower(), service_id=svc_id)
