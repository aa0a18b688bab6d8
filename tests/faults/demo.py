"""The demo network on a database of a test's or a bench's own cluster."""

from __future__ import annotations

from network.crypto import DataCipher
from network.database import standalone_unit_of_work
from network.migrate import upgrade
from network.seed.demo import seed_demo
from tests.api import TEST_DATA_KEY


async def migrated_demo(url: str) -> None:
    """Migrate the empty database at ``url`` and seed the demo network (test data key)."""
    await upgrade(url)
    async with standalone_unit_of_work(url) as uow:
        await seed_demo(uow.session, DataCipher(TEST_DATA_KEY))
