"""Which HSDS id a Jisr actor or service is published under, and back."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.hsds.models import HsdsLink
from network.hsds.vocabulary import hsds_id
from network.services.models import Service

ORGANIZATION = "organization"
SERVICE = "service"
_TABLES: dict[str, type[Actor] | type[Service]] = {ORGANIZATION: Actor, SERVICE: Service}


def native_id(entity: str, record_id: int) -> str:
    """The id of a record that came into Jisr without an HSDS id."""
    return hsds_id(entity, record_id)


async def published_ids(
    session: AsyncSession, entity: str, record_ids: Sequence[int]
) -> dict[int, str]:
    """The HSDS id of each record: the one it was imported under, else its native id."""
    ids = {record_id: native_id(entity, record_id) for record_id in record_ids}
    if record_ids:
        links = await session.execute(
            select(HsdsLink.record_id, HsdsLink.hsds_id).where(
                HsdsLink.entity == entity, HsdsLink.record_id.in_(record_ids)
            )
        )
        ids.update({record_id: value for record_id, value in links})
    return ids


async def record_ids(session: AsyncSession, entity: str, hsds_ids: Sequence[str]) -> dict[str, int]:
    """The Jisr record of each HSDS id that names one (linked, or a native id).

    A native id is recognised by recomputing it for every record without a link: one
    query and a hash per row, which stays cheap for a directory's size.
    """
    wanted = set(hsds_ids)
    if not wanted:
        return {}
    found = {
        value: record_id
        for value, record_id in (
            await session.execute(
                select(HsdsLink.hsds_id, HsdsLink.record_id).where(
                    HsdsLink.entity == entity, HsdsLink.hsds_id.in_(wanted)
                )
            )
        )
    }
    if wanted - found.keys():
        table = _TABLES[entity]
        linked = select(HsdsLink.record_id).where(HsdsLink.entity == entity)
        for record_id in await session.scalars(select(table.id).where(table.id.not_in(linked))):
            value = native_id(entity, record_id)
            if value in wanted:
                found[value] = record_id
    return found


async def link(session: AsyncSession, entity: str, value: str, record_id: int) -> None:
    """Remember that ``record_id`` came in as ``value`` (nothing for a native id)."""
    if value == native_id(entity, record_id):
        return
    existing = await session.get(HsdsLink, (entity, value))
    if existing is None:
        session.add(HsdsLink(entity=entity, hsds_id=value, record_id=record_id))
        await session.flush()
