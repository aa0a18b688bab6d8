"""Fixtures of the worker tests: each broker test runs on the embedded broker, then Redis."""

from __future__ import annotations

import pytest

from tests.services import broker_url


@pytest.fixture(params=["embedded", "redis"])
def broker(request: pytest.FixtureRequest) -> str:
    """The broker the test's worker runs on: ``embedded`` or ``redis``."""
    return str(request.param)


@pytest.fixture
def redis(broker: str) -> str:
    """On the Redis broker, its URL (for live events too); empty on the embedded one."""
    return broker_url(broker) if broker == "redis" else ""
