"""Build a hand-made network into a database and commit it, for tests through the API
or a worker (the ``world`` fixture keeps its transaction open instead)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from network.database import standalone_unit_of_work
from tests.network.metrics.world import World

T = TypeVar("T")


async def built(url: str, build: Callable[[World], Awaitable[T]]) -> T:
    async with standalone_unit_of_work(url) as uow:
        return await build(World(uow.session))
