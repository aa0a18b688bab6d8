"""Fixtures of the security tests: a loopback server, a clock the test moves, a counting hasher."""

from tests.security.identity_server import moving_clock, served, throttled  # noqa: F401
from tests.security.signin_helpers import hasher  # noqa: F401
