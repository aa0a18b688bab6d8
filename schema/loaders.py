"""The DataLoaders of one request, created lazily by name from each domain's loaders module."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from strawberry.dataloader import DataLoader

if TYPE_CHECKING:
    from schema.context import Context

BatchFunction = Callable[["Context", list[Any]], Awaitable[list[Any]]]
LOADERS: dict[str, BatchFunction] = {}


def loader(name: str) -> Callable[[BatchFunction], BatchFunction]:
    """Register a batch function ``(context, keys) -> values in key order`` under ``name``."""

    def register(function: BatchFunction) -> BatchFunction:
        LOADERS[name] = function
        return function

    return register


class Loaders:
    def __init__(self, context: Context) -> None:
        self._context = context
        self._made: dict[str, DataLoader[Any, Any]] = {}

    def __getitem__(self, name: str) -> DataLoader[Any, Any]:
        made = self._made.get(name)
        if made is None:
            function = LOADERS[name]
            context = self._context

            async def batch(keys: list[Any]) -> list[Any]:
                return await function(context, keys)

            made = self._made[name] = DataLoader(load_fn=batch)
        return made
