"""Territory predicates: a territory's subtree is every territory whose ``path`` starts
with its own (itself included), so each test below is one LIKE on an indexed column."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, or_, select

from network.territories.models import Territory
from network.text import like_escape


def path_under(path: str) -> ColumnElement[bool]:
    """``Territory`` is the one at ``path`` or lies under it."""
    return Territory.path.like(f"{like_escape(path)}%", escape="\\")


def territories_under(path: str) -> Select[int]:
    """Ids of the territory with ``path`` and of every territory under it."""
    return select(Territory.id).where(path_under(path))


def in_subtree(territory_id: SQLColumnExpression[int], path: str) -> ColumnElement[bool]:
    """The territory ``territory_id`` is the one at ``path`` or lies under it."""
    return territory_id.in_(territories_under(path))


def ancestor_paths(path: str) -> list[str]:
    """The paths of the territories above the one at ``path``, and its own."""
    codes = [code for code in path.split("/") if code]
    return ["/" + "/".join(codes[: i + 1]) + "/" for i in range(len(codes))]


def related_to(territory_id: SQLColumnExpression[int], path: str) -> ColumnElement[bool]:
    """The territory ``territory_id`` covers the one at ``path`` (is it or an ancestor)
    or lies under it."""
    return territory_id.in_(
        select(Territory.id).where(or_(path_under(path), Territory.path.in_(ancestor_paths(path))))
    )
