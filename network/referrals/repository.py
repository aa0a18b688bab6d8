"""Every query on referrals and their events, with the visibility of docs/access.md pushed
into SQL (network.access). A referral comes with two flags computed in the same
statement: whether the caller sees its young person, and their identity."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, false, func, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from network import clock
from network.access import (
    covering_consent,
    referral_visible,
    youth_identity_visible,
    youth_visible,
    youths_alias,
)
from network.batches import by_id
from network.enums import ReferralStatus
from network.pages import Page as Page
from network.pages import pages_by
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Youth
from network.referrals.filters import ReferralFilter
from network.services.models import Service
from network.viewer import Viewer


@dataclass(frozen=True)
class Seen:
    """A referral the viewer may see, and what they may see of its young person."""

    referral: Referral
    youth_visible: bool
    identity_visible: bool


@dataclass(frozen=True)
class SeenEvent:
    event: ReferralEvent
    identity_visible: bool


def _flag(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return case((condition, true()), else_=false())


def _seen(viewer: Viewer, now: datetime, referral: Any = Referral) -> Select[Any]:
    """Visible referrals of ``referral`` (the table or an alias) with both flags."""
    youths = youths_alias()
    youth = youths.c
    identity = youth_identity_visible(viewer, youth, now=now)
    return (
        select(
            referral,
            _flag(youth_visible(viewer, youth, now=now, identity=identity)),
            _flag(identity),
        )
        .join(youths, youth.id == referral.youth_id)
        .where(referral_visible(viewer, referral))
    )


def _as_seen(rows: Sequence[Any]) -> list[Seen]:
    return [Seen(row[0], bool(row[1]), bool(row[2])) for row in rows]


async def get_visible(
    session: AsyncSession, ids: Sequence[int], *, viewer: Viewer, now: datetime
) -> dict[int, Seen]:
    rows = (await session.execute(_seen(viewer, now).where(Referral.id.in_(ids)))).all()
    return {seen.referral.id: seen for seen in _as_seen(rows)}


async def get(session: AsyncSession, referral_id: int) -> Referral | None:
    """The current row, whatever the session held of it."""
    statement = select(Referral).where(Referral.id == referral_id)
    return await session.scalar(statement.execution_options(populate_existing=True))


async def search(
    session: AsyncSession,
    *,
    where: ReferralFilter,
    first: int,
    after_id: int | None,
    viewer: Viewer,
    now: datetime,
) -> Page[Seen]:
    """Visible referrals matching ``where`` in creation order, after ``after_id``."""
    statement = _seen(viewer, now).where(*where.conditions(viewer, now))
    if after_id is not None:
        statement = statement.where(Referral.id > after_id)
    rows = _as_seen((await session.execute(statement.order_by(Referral.id).limit(first + 1))).all())
    return Page.cut(rows, first)


async def count(
    session: AsyncSession, *, where: ReferralFilter, viewer: Viewer, now: datetime
) -> int:
    statement = (
        select(func.count())
        .select_from(Referral)
        .where(referral_visible(viewer), *where.conditions(viewer, now))
    )
    return int(await session.scalar(statement) or 0)


async def page_per_youth(
    session: AsyncSession,
    youth_ids: Sequence[int],
    *,
    first: int,
    after_id: int | None,
    viewer: Viewer,
    now: datetime,
) -> dict[int, Page[Seen]]:
    """Up to ``first`` visible referrals of each young person in creation order, in one
    statement."""
    conditions: list[ColumnElement[bool]] = [
        Referral.youth_id.in_(youth_ids),
        referral_visible(viewer),
    ]
    if after_id is not None:
        conditions.append(Referral.id > after_id)
    number = func.row_number().over(partition_by=Referral.youth_id, order_by=Referral.id)
    inner = select(Referral, number.label("rn")).where(*conditions).subquery()
    ranked = aliased(Referral, inner)
    statement = (
        _seen(viewer, now, ranked)
        .where(inner.c.rn <= first + 1)
        .order_by(inner.c.youth_id, inner.c.rn)
    )
    rows = _as_seen((await session.execute(statement)).all())
    return pages_by(rows, lambda seen: seen.referral.youth_id, first)


async def count_per_youth(
    session: AsyncSession, youth_ids: Sequence[int], *, viewer: Viewer
) -> dict[int, int]:
    statement = (
        select(Referral.youth_id, func.count())
        .where(Referral.youth_id.in_(youth_ids), referral_visible(viewer))
        .group_by(Referral.youth_id)
    )
    return {youth_id: n for youth_id, n in (await session.execute(statement)).all()}


async def get_many(session: AsyncSession, ids: Sequence[int]) -> dict[int, Referral]:
    """Referrals by id with no visibility check: for links out of a referral already seen."""
    return await by_id(session, Referral, ids)


async def find_by_key(session: AsyncSession, *, user_id: int, key: str) -> Referral | None:
    statement = select(Referral).where(
        Referral.created_by_id == user_id, Referral.idempotency_key == key
    )
    return await session.scalar(statement.execution_options(populate_existing=True))


async def insert_once(session: AsyncSession, values: Mapping[str, Any]) -> int | None:
    """Insert a referral and return its id; None when the creator's idempotency key is
    already taken (by a concurrent transaction too: the unique constraint decides)."""
    dialect = session.get_bind().dialect.name
    build = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        build(Referral)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["created_by_id", "idempotency_key"])
        .returning(Referral.id)
    )
    return await session.scalar(statement)


async def change(
    session: AsyncSession,
    referral_id: int,
    *,
    version: int,
    sources: frozenset[ReferralStatus],
    values: Mapping[str, Any],
) -> Referral | None:
    """Apply ``values`` and bump the version only if the referral is still at ``version``
    in one of ``sources``: one conditional UPDATE, so of two concurrent answers only one
    can match. None when it did not."""
    statement = (
        update(Referral)
        .where(
            Referral.id == referral_id,
            Referral.version == version,
            Referral.status.in_(sorted(sources)),
        )
        .values(version=Referral.version + 1, **values)
        .returning(Referral.id)
        .execution_options(synchronize_session=False)
    )
    if await session.scalar(statement) is None:
        return None
    return await get(session, referral_id)


async def due_to_expire(session: AsyncSession, *, before: datetime) -> list[Referral]:
    """SENT referrals whose answer was due at or before ``before``, oldest deadline first."""
    statement = (
        select(Referral)
        .where(Referral.status == ReferralStatus.SENT, Referral.respond_by <= before)
        .order_by(Referral.respond_by, Referral.id)
    )
    return list(await session.scalars(statement))


async def events_per_referral(
    session: AsyncSession, referral_ids: Sequence[int], *, first: int, after_id: int | None
) -> dict[int, Page[ReferralEvent]]:
    """Up to ``first`` events of each referral in the order they happened, in one statement."""
    conditions: list[ColumnElement[bool]] = [ReferralEvent.referral_id.in_(referral_ids)]
    if after_id is not None:
        conditions.append(ReferralEvent.id > after_id)
    number = func.row_number().over(
        partition_by=ReferralEvent.referral_id, order_by=ReferralEvent.id
    )
    # the ranking reads two columns only: a subquery of the whole entity would proxy each
    # of its columns, on every call
    ranked = select(ReferralEvent.id, number.label("rn")).where(*conditions).subquery()
    statement = (
        select(ReferralEvent)
        .join(ranked, ranked.c.id == ReferralEvent.id)
        .where(ranked.c.rn <= first + 1)
        .order_by(ReferralEvent.referral_id, ranked.c.rn)
    )
    return pages_by(await session.scalars(statement), lambda row: row.referral_id, first)


async def event_counts(session: AsyncSession, referral_ids: Sequence[int]) -> dict[int, int]:
    statement = (
        select(ReferralEvent.referral_id, func.count())
        .where(ReferralEvent.referral_id.in_(referral_ids))
        .group_by(ReferralEvent.referral_id)
    )
    return {referral_id: n for referral_id, n in (await session.execute(statement)).all()}


async def get_visible_events(
    session: AsyncSession, ids: Sequence[int], *, viewer: Viewer, now: datetime
) -> dict[int, SeenEvent]:
    """Events of referrals the viewer may see, with whether they see identity (notes)."""
    youths = youths_alias()
    youth = youths.c
    statement = (
        select(ReferralEvent, _flag(youth_identity_visible(viewer, youth, now=now)))
        .join(Referral, Referral.id == ReferralEvent.referral_id)
        .join(youths, youth.id == Referral.youth_id)
        .where(ReferralEvent.id.in_(ids), referral_visible(viewer))
    )
    rows = (await session.execute(statement)).all()
    return {row[0].id: SeenEvent(row[0], bool(row[1])) for row in rows}


async def visible_youth(
    session: AsyncSession, youth_id: int, *, viewer: Viewer, now: datetime
) -> Youth | None:
    statement = select(Youth).where(Youth.id == youth_id, youth_visible(viewer, now=now))
    return await session.scalar(statement)


async def youth_of(session: AsyncSession, youth_id: int) -> Youth:
    youth = await session.get(Youth, youth_id)
    assert youth is not None, "a referral's young person is never deleted"
    return youth


async def consent_covers(
    session: AsyncSession, *, youth_id: int, actor_id: int, now: datetime
) -> bool:
    found = await session.scalar(
        select(covering_consent(youth_id, actor_id, today=clock.local_date(now)))
    )
    return bool(found)


async def services_by_id(session: AsyncSession, ids: Sequence[int]) -> dict[int, Service]:
    return await by_id(session, Service, ids)
