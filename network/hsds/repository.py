"""Queries of the HSDS read API: pages of public services and organizations.

Public means what an anonymous caller of the directory sees: active actors and their
active services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, false, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.geo import distance_from
from network.actors.models import Actor
from network.enums import ServiceAxis
from network.hsds import ids
from network.hsds.vocabulary import SERVICES_TAXONOMY, taxonomy_id, term_id
from network.services.filters import contains, terms_of
from network.services.models import Service
from network.taxonomy.models import TaxonomyTerm


@dataclass(frozen=True)
class PageRequest:
    page: int
    per_page: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True)
class Near:
    """Within ``meters`` of the centroid of the locations that have ``postcode``."""

    postcode: str
    meters: float | None = None


@dataclass(frozen=True)
class ServiceQuery:
    search: str | None = None
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    modified_after: datetime | None = None
    near: Near | None = None


async def _term_condition(session: AsyncSession, hsds_term: str) -> ColumnElement[bool]:
    for axis in ServiceAxis:
        if term_id(SERVICES_TAXONOMY, axis.value) == hsds_term:
            return Service.axis == axis
    for term in await session.scalars(select(TaxonomyTerm)):
        if term_id(SERVICES_TAXONOMY, term.code) == hsds_term:
            return Service.category_id == term.id
    return false()


def _taxonomy_condition(hsds_taxonomy: str) -> ColumnElement[bool]:
    """Every service has a term of Jisr's services taxonomy, and none of any other."""
    return true() if hsds_taxonomy == taxonomy_id(SERVICES_TAXONOMY) else false()


async def _near_condition(session: AsyncSession, near: Near) -> ColumnElement[bool]:
    """Services at a location with the postcode, or within ``meters`` of its centroid."""
    if near.meters is None:
        return Actor.postal_code == near.postcode
    centroid = (
        await session.execute(
            select(func.avg(Actor.latitude), func.avg(Actor.longitude)).where(
                Actor.postal_code == near.postcode,
                Actor.active.is_(True),
                Actor.latitude.is_not(None),
                Actor.longitude.is_not(None),
            )
        )
    ).one()
    if centroid[0] is None or centroid[1] is None:
        return false()
    center = {"to_latitude": float(centroid[0]), "to_longitude": float(centroid[1])}
    return distance_from(Actor.latitude, Actor.longitude, **center) <= near.meters / 1000


async def _organization_condition(session: AsyncSession, hsds_id: str) -> ColumnElement[bool]:
    found = await ids.record_ids(session, ids.ORGANIZATION, [hsds_id])
    return Service.actor_id == found[hsds_id] if hsds_id in found else false()


async def service_page(
    session: AsyncSession, query: ServiceQuery, page: PageRequest
) -> tuple[list[int], int]:
    """The ids of one page of public services, and how many match in all."""
    conditions: list[ColumnElement[bool]] = [Service.active.is_(True), Actor.active.is_(True)]
    conditions += [contains(Service.search_text, t) for t in terms_of(query.search)]
    if query.taxonomy_term_id:
        conditions.append(await _term_condition(session, query.taxonomy_term_id))
    if query.taxonomy_id:
        conditions.append(_taxonomy_condition(query.taxonomy_id))
    if query.near is not None:
        conditions.append(await _near_condition(session, query.near))
    if query.organization_id:
        conditions.append(await _organization_condition(session, query.organization_id))
    if query.modified_after is not None:
        conditions.append(Service.updated_at >= query.modified_after)
    base = select(Service.id).join(Actor, Actor.id == Service.actor_id).where(*conditions)
    total = await session.scalar(select(func.count()).select_from(base.subquery()))
    rows = await session.scalars(base.order_by(Service.id).offset(page.offset).limit(page.per_page))
    return list(rows), total or 0


async def organization_page(
    session: AsyncSession, search: str | None, page: PageRequest
) -> tuple[list[int], int]:
    """The ids of one page of public organizations (active actors), and the total."""
    conditions: list[ColumnElement[bool]] = [Actor.active.is_(True)]
    conditions += [contains(Actor.search_text, t) for t in terms_of(search)]
    base = select(Actor.id).where(*conditions)
    total = await session.scalar(select(func.count()).select_from(base.subquery()))
    rows = await session.scalars(base.order_by(Actor.id).offset(page.offset).limit(page.per_page))
    return list(rows), total or 0


async def public_record(session: AsyncSession, entity: str, hsds_id: str) -> int | None:
    """The public actor or service published under ``hsds_id``."""
    record_id = (await ids.record_ids(session, entity, [hsds_id])).get(hsds_id)
    if record_id is None:
        return None
    if entity == ids.ORGANIZATION:
        active = select(Actor.id).where(Actor.id == record_id, Actor.active.is_(True))
    else:
        active = (
            select(Service.id)
            .join(Actor, Actor.id == Service.actor_id)
            .where(Service.id == record_id, Service.active.is_(True), Actor.active.is_(True))
        )
    return await session.scalar(active)
