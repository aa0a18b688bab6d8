"""Queries about young people, with the visibility of docs/access.md pushed into SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.access import youth_identity_visible, youth_visible
from network.batches import by_id, rows_of
from network.enums import YouthStatus
from network.records.youths import Milestone, Need, Youth
from network.text import like_escape
from network.viewer import Viewer


@dataclass(frozen=True)
class Seen:
    """A young person the caller may see; ``identity`` says whether their identity too."""

    youth: Youth
    identity: bool


@dataclass(frozen=True)
class YouthFilter:
    """``search`` is a case-code prefix, or an exact full name given as its keyed hash.

    A name matches only records whose identity the viewer may see (docs/access.md): for
    anyone else a match would confirm a name against a pseudonymous record."""

    statuses: Sequence[YouthStatus] = ()
    institution_id: int | None = None
    leaving_before: date | None = None
    code_prefix: str | None = None
    name_hash: str | None = None

    @property
    def searches(self) -> bool:
        return bool(self.code_prefix or self.name_hash)

    def conditions(self, viewer: Viewer, *, now: datetime) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.statuses:
            found.append(Youth.status.in_(list(dict.fromkeys(self.statuses))))
        if self.institution_id is not None:
            found.append(Youth.institution_id == self.institution_id)
        if self.leaving_before is not None:
            found.append(Youth.expected_leaving_date < self.leaving_before)
        searched: list[ColumnElement[bool]] = []
        if self.code_prefix:
            searched.append(Youth.code.like(f"{like_escape(self.code_prefix)}%", escape="\\"))
        if self.name_hash:
            searched.append(
                and_(Youth.name_hash == self.name_hash, youth_identity_visible(viewer, now=now))
            )
        if searched:
            found.append(or_(*searched))
        return found


def _seen(viewer: Viewer, now: datetime) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    identity = youth_identity_visible(viewer, now=now)
    visible = youth_visible(viewer, now=now, identity=identity)
    return visible, identity.label("identity")


async def get_visible(
    session: AsyncSession, viewer: Viewer, ids: Sequence[int], *, now: datetime
) -> dict[int, Seen]:
    visible, identity = _seen(viewer, now)
    rows = await session.execute(select(Youth, identity).where(Youth.id.in_(ids), visible))
    return {youth.id: Seen(youth, bool(flag)) for youth, flag in rows}


async def get_many(session: AsyncSession, ids: Sequence[int]) -> dict[int, Youth]:
    """Young people by id with no visibility check: for those whose visibility the
    caller's own query already judged (a referral's flags, network.referrals.repository)."""
    return await by_id(session, Youth, ids)


async def page(
    session: AsyncSession,
    viewer: Viewer,
    youth_filter: YouthFilter,
    *,
    after_id: int | None,
    limit: int,
    now: datetime,
) -> list[Seen]:
    """One page in creation order; ``limit + 1`` rows tell that a next page exists."""
    visible, identity = _seen(viewer, now)
    statement = select(Youth, identity).where(visible, *youth_filter.conditions(viewer, now=now))
    if after_id is not None:
        statement = statement.where(Youth.id > after_id)
    rows = await session.execute(statement.order_by(Youth.id).limit(limit + 1))
    return [Seen(youth, bool(flag)) for youth, flag in rows]


async def count(
    session: AsyncSession, viewer: Viewer, youth_filter: YouthFilter, *, now: datetime
) -> int:
    conditions = [youth_visible(viewer, now=now), *youth_filter.conditions(viewer, now=now)]
    total = await session.scalar(select(func.count()).select_from(Youth).where(*conditions))
    return int(total or 0)


async def get_for_update(session: AsyncSession, youth_id: int) -> Youth | None:
    return await session.get(Youth, youth_id, with_for_update=True)


async def code_taken(session: AsyncSession, institution_id: int, code: str) -> bool:
    """The case code is used by a young person of the institution (codes are unique
    per institution, so this never looks at records of another)."""
    found = select(Youth.id).where(Youth.institution_id == institution_id, Youth.code == code)
    return await session.scalar(found) is not None


async def needs_of(session: AsyncSession, youth_ids: Sequence[int]) -> list[Need]:
    statement = select(Need).where(Need.youth_id.in_(youth_ids)).order_by(Need.youth_id, Need.axis)
    return list((await session.scalars(statement)).all())


async def milestones_of(session: AsyncSession, youth_ids: Sequence[int]) -> list[Milestone]:
    return await rows_of(
        session, Milestone, Milestone.youth_id, youth_ids, Milestone.achieved_on, Milestone.id
    )
