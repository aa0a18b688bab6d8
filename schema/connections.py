"""Relay connections: one generic ``Connection[T]``/``Edge[T]`` pair (served as
``TConnection``/``TEdge``) and the step from a page of rows to one."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types.nodes import SelectedField

from network.database import Sessions
from schema.common import PageInfo
from schema.relay import Paging, encode_cursor

R = TypeVar("R")
T = TypeVar("T")
R_co = TypeVar("R_co", covariant=True)
Count = Callable[[], Awaitable[int]]


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count: strawberry.Private[Count]

    @strawberry.field
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()


def page_info(cursors: Sequence[str], *, has_next: bool, has_previous: bool) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )


def cursors_of(rows: Sequence[R], key: Callable[[R], Sequence[Any]]) -> list[str]:
    return [encode_cursor(key(row)) for row in rows]


def _id(row: Any) -> list[Any]:
    return [row.id]


def connection(
    rows: Sequence[R],
    node: Callable[[R], T],
    *,
    after_id: int | None,
    has_next: bool,
    count: Count,
    key: Callable[[R], Sequence[Any]] = _id,
) -> Connection[T]:
    """A page of rows (after the row ``after_id``, if any) as a connection: one edge per
    row, its cursor from ``key(row)``, the row's id by default."""
    cursors = cursors_of(rows, key)
    return Connection(
        edges=[Edge(cursor=c, node=node(row)) for c, row in zip(cursors, rows, strict=True)],
        page_info=page_info(cursors, has_next=has_next, has_previous=after_id is not None),
        count=count,
    )


class Page(Protocol[R_co]):
    @property
    def rows(self) -> Sequence[R_co]: ...

    @property
    def has_next(self) -> bool: ...


def page_connection(
    page: Page[R] | None,
    node: Callable[[R], T],
    *,
    after_id: int | None,
    count: Count,
    key: Callable[[R], Sequence[Any]] = _id,
) -> Connection[T]:
    """``connection`` of a repository's page; None (nothing loaded) is an empty one."""
    rows: Sequence[R] = page.rows if page else []
    has_next = bool(page and page.has_next)
    return connection(rows, node, after_id=after_id, has_next=has_next, count=count, key=key)


def asks_total_only(info: Any) -> bool:
    """The connection being resolved is asked ``totalCount`` alone (a badge's count): no
    edge, node or page info of it is served, so no page needs loading."""
    return all(
        isinstance(selection, SelectedField) and selection.name in _TOTAL_ONLY
        for field in info.selected_fields
        for selection in field.selections
    )


_TOTAL_ONLY = {"totalCount", "__typename"}


async def session_connection(
    sessions: Sessions,
    node: Callable[[R], T],
    paging: Paging,
    *,
    fetch: Callable[[AsyncSession, int, int | None], Awaitable[Page[R]]],
    count: Callable[[AsyncSession], Awaitable[int]],
    key: Callable[[R], Sequence[Any]] = _id,
    rows: bool = True,
) -> Connection[T]:
    """A root connection in creation order: ``paging`` checked and decoded,
    ``fetch(session, size, after_id)`` loads the page (unless ``rows`` is false: nothing
    of it is asked, ``asks_total_only``), and ``count(session)``, in a session of its own,
    runs only when ``totalCount`` is selected and the page does not tell it already: a
    first page without a next one holds every row ``count`` would count (both read the
    same rows)."""
    size, after_id = paging.size(), paging.after_id()
    page: Page[R] | None = None
    if rows:
        async with sessions() as session:
            page = await fetch(session, size, after_id)
    whole = page if page is not None and after_id is None and not page.has_next else None

    async def total() -> int:
        if whole is not None:
            return len(whole.rows)
        async with sessions() as session:
            return await count(session)

    return page_connection(page, node, after_id=after_id, count=total, key=key)


async def loaded_connection(
    load: Callable[[int, int | None], Awaitable[Page[R] | None]],
    node: Callable[[R], T],
    paging: Paging,
    *,
    count: Count,
    key: Callable[[R], Sequence[Any]] = _id,
) -> Connection[T]:
    """A connection in creation order: ``paging`` checked and decoded, ``load(size,
    after_id)`` gives the page (None: nothing), ``count()`` runs only when ``totalCount``
    is selected."""
    size, after_id = paging.size(), paging.after_id()
    page = await load(size, after_id)
    return page_connection(page, node, after_id=after_id, count=count, key=key)
