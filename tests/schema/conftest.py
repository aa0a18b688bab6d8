"""Fixtures of the API tests."""

from __future__ import annotations

import pytest

from tests.api import Api
from tests.factories import CALLERS, Calling


@pytest.fixture(params=CALLERS)
async def calling(api: Api, request: pytest.FixtureRequest) -> Calling:
    """A new scene on the test's API, and each of CALLERS in turn calling on it."""
    return await Calling.on_a_scene(api, request.param)
