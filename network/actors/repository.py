"""Every query on actors. Visibility: active actors are public; inactive ones are seen
by their own staff and ADMIN."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, literal, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.models import Actor
from network.by_id import rows_by_id
from network.viewer import Viewer


def visible(viewer: Viewer, entity: Any = Actor) -> ColumnElement[bool]:
    """Rows of ``entity`` (the table or an alias of it) that ``viewer`` may see."""
    if viewer.is_admin:
        return true()
    active: ColumnElement[bool] = entity.active == true()
    if viewer.is_actor_staff:
        return or_(active, entity.id.in_(sorted(viewer.actor_scope)))
    return active


async def get_many(session: AsyncSession, ids: Sequence[int]) -> dict[int, Actor]:
    return await rows_by_id(session, Actor, ids)


async def get_visible(
    session: AsyncSession, ids: Sequence[int], viewer: Viewer
) -> dict[int, Actor]:
    rows = await session.scalars(select(Actor).where(Actor.id.in_(ids), visible(viewer)))
    return {row.id: row for row in rows}


async def units_of(
    session: AsyncSession, parent_ids: Sequence[int], viewer: Viewer
) -> dict[int, list[Actor]]:
    statement = (
        select(Actor).where(Actor.parent_id.in_(parent_ids), visible(viewer)).order_by(Actor.id)
    )
    units: dict[int, list[Actor]] = defaultdict(list)
    for row in await session.scalars(statement):
        units[row.parent_id or 0].append(row)
    return units


def _subtree_statement() -> Select[Any]:
    tree = (
        select(Actor.id.label("id"), Actor.kind.label("kind"), literal(0).label("depth"))
        .where(Actor.id == bindparam("actor_id"))
        .cte("tree", recursive=True)
    )
    tree = tree.union_all(
        select(Actor.id, Actor.kind, tree.c.depth + 1)
        .join(tree, Actor.parent_id == tree.c.id)
        .where(tree.c.depth < 16)
    )
    return select(tree.c.id, tree.c.kind, tree.c.depth)


# built once: every signed-in request of staff asks it (building a CTE costs more than
# running it)
_SUBTREE = _subtree_statement()


async def actor_subtree(session: AsyncSession, actor_id: int) -> tuple[str | None, list[int]]:
    """The actor's kind, and the ids of it and every unit under it, in one recursive query."""
    rows = (await session.execute(_SUBTREE, {"actor_id": actor_id})).all()
    kind = next((str(row.kind) for row in rows if row.depth == 0), None)
    return kind, [row.id for row in rows]
