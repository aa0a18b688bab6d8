"""Turning a page of rows into Relay edges, page info and cursors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from schema.common import PageInfo
from schema.relay import encode_cursor

R = TypeVar("R")


def page_info(cursors: Sequence[str], *, has_next: bool, has_previous: bool) -> PageInfo:
    return PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )


def cursors_of(rows: Sequence[R], key: Callable[[R], Sequence[Any]]) -> list[str]:
    return [encode_cursor(key(row)) for row in rows]
