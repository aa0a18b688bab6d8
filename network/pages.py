"""Pages of rows read ``first + 1`` at a time: the extra row only says that more follow."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page: the rows and whether more follow."""

    rows: list[T]
    has_next: bool

    @classmethod
    def cut(cls, rows: Sequence[T], first: int) -> Page[T]:
        """The page of ``rows`` read with one row more than ``first``."""
        return cls(rows=list(rows[:first]), has_next=len(rows) > first)


def pages_by(rows: Iterable[T], parent: Callable[[T], int], first: int) -> dict[int, Page[T]]:
    """A page per parent of ``rows``, read in page order with up to ``first + 1`` a parent."""
    grouped: dict[int, list[T]] = defaultdict(list)
    for row in rows:
        grouped[parent(row)].append(row)
    return {key: Page.cut(group, first) for key, group in grouped.items()}
