"""Who a reminder goes to, as SQL over sets of actors and referrals.

Words follow docs/access.md: **staff of X** are active AGENCY_STAFF or MEDIATOR users whose
actor is X or a parent of X; a **coordinator over X** is an active COORDINATOR whose
territory is X's or contains it (territory path prefix). The **referrer** of a referral
is its young person's mediator, or its creator when the young person has none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, String, cast, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from network.actors.models import Actor
from network.enums import Role
from network.records.referrals import Referral
from network.records.youths import Youth
from network.territories.models import Territory
from network.users.models import User

MAX_DEPTH = 16


def has_role(*roles: Role) -> ColumnElement[bool]:
    """The user holds one of ``roles`` (a JSON array of names: a quoted name matches one)."""
    text = cast(User.roles, String)
    return or_(*(text.like(f'%"{role.value}"%') for role in roles))


async def staff_of(session: AsyncSession, actor_ids: Sequence[int]) -> dict[int, list[int]]:
    """Staff of each actor, by actor id, in one recursive query up its parents."""
    if not actor_ids:
        return {}
    lineage = (
        select(
            Actor.id.label("actor_id"),
            Actor.id.label("ancestor_id"),
            Actor.parent_id.label("parent_id"),
            literal(0).label("depth"),
        )
        .where(Actor.id.in_(sorted(set(actor_ids))))
        .cte("lineage", recursive=True)
    )
    parent = aliased(Actor)
    lineage = lineage.union_all(
        select(lineage.c.actor_id, parent.id, parent.parent_id, lineage.c.depth + 1)
        .join(parent, parent.id == lineage.c.parent_id)
        .where(lineage.c.depth < MAX_DEPTH)
    )
    statement = (
        select(lineage.c.actor_id, User.id)
        .join(User, User.actor_id == lineage.c.ancestor_id)
        .where(User.active.is_(True), has_role(Role.AGENCY_STAFF, Role.MEDIATOR))
        .distinct()
        .order_by(lineage.c.actor_id, User.id)
    )
    return _grouped((await session.execute(statement)).all())


async def coordinators_over(
    session: AsyncSession, actor_ids: Sequence[int]
) -> dict[int, list[int]]:
    """Coordinators whose territory contains each actor's, by actor id."""
    if not actor_ids:
        return {}
    place, area = aliased(Territory), aliased(Territory)
    statement = (
        select(Actor.id, User.id)
        .join(place, place.id == Actor.territory_id)
        .join(area, func.substr(place.path, 1, func.length(area.path)) == area.path)
        .join(User, User.territory_id == area.id)
        .where(
            Actor.id.in_(sorted(set(actor_ids))),
            User.active.is_(True),
            has_role(Role.COORDINATOR),
        )
        .distinct()
        .order_by(Actor.id, User.id)
    )
    return _grouped((await session.execute(statement)).all())


async def referrers(session: AsyncSession, referral_ids: Sequence[int]) -> dict[int, int]:
    """The referrer of each referral that has one, by referral id."""
    if not referral_ids:
        return {}
    statement = (
        select(Referral.id, func.coalesce(Youth.mediator_id, Referral.created_by_id))
        .join(Youth, Youth.id == Referral.youth_id)
        .where(Referral.id.in_(sorted(set(referral_ids))))
    )
    return {
        referral_id: user_id
        for referral_id, user_id in (await session.execute(statement)).all()
        if user_id is not None
    }


def _grouped(pairs: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = defaultdict(list)
    for key, user_id in pairs:
        grouped[key].append(user_id)
    return dict(grouped)
