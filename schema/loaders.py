"""Typed DataLoaders: ``@loader`` turns a batch function ``(context, keys) -> values in
key order`` into a ``Loader[K, V]``; ``that_loader(context)`` is its DataLoader for the
request, made on first use and kept on the context (``Context.reset_loaders`` forgets
them all)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from schema.context import Context

K = TypeVar("K")
V = TypeVar("V")


class Loader(Generic[K, V]):
    def __init__(self, batch: Callable[[Context, list[K]], Awaitable[list[V]]]) -> None:
        self.batch = batch
        self.__doc__ = batch.__doc__

    def __call__(self, context: Context) -> DataLoader[K, V]:
        made = context.dataloaders.get(self)
        if made is None:
            batch = self.batch

            async def load(keys: list[K]) -> list[V]:
                return await batch(context, keys)

            made = context.dataloaders[self] = DataLoader(load_fn=load)
        return made


def loader(batch: Callable[[Context, list[K]], Awaitable[list[V]]]) -> Loader[K, V]:
    return Loader(batch)


def grouped_loader(
    fetch: Callable[[AsyncSession, Sequence[int]], Awaitable[Sequence[Any]]], key: str
) -> Loader[int, list[Any]]:
    """A loader of the rows that ``fetch`` finds for some ids, grouped by their ``key``
    attribute: one list per id, empty where none."""

    async def load(context: Context, ids: list[int]) -> list[list[Any]]:
        async with context.sessions() as session:
            rows = await fetch(session, ids)
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[getattr(row, key)].append(row)
        return [grouped.get(i, []) for i in ids]

    return Loader(load)
