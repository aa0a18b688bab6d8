"""The per-request context: settings, sessions, the caller, loaders, request id."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from strawberry.types import Info as StrawberryInfo

from network.crypto import DataCipher
from network.settings import Settings
from network.viewer import Viewer
from schema.limits.rate import RateLimiter
from schema.limits.signin import SignInThrottle
from schema.pubsub import Broadcaster
from schema.reference import Reference

if TYPE_CHECKING:
    from schema.loaders import Loaders


@lru_cache(maxsize=4)
def _cipher(keys: str) -> DataCipher:
    return DataCipher(keys)


@dataclass
class Context:
    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    viewer: Viewer
    reference: Reference
    request_id: str
    request: Any = None
    response: Any = None
    broadcaster: Broadcaster | None = None
    connection_params: dict[str, Any] | None = None
    signin: SignInThrottle | None = None  # sign-in attempts per account and address
    searches: RateLimiter | None = None  # name searches per user
    _loaders: Loaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> Loaders:
        """DataLoaders made for this request only; each batch opens its own session."""
        if self._loaders is None:
            from schema.loaders import Loaders

            self._loaders = Loaders(self)
        return self._loaders

    @property
    def cipher(self) -> DataCipher:
        """The identity cipher of ``JISR_DATA_KEY``, made once per process and key."""
        return _cipher(self.settings.data_key)

    def reset_loaders(self) -> None:
        """Forget what the loaders fetched: a subscription lives on one context, and
        each event it pushes must be read afresh."""
        self._loaders = None


Info = StrawberryInfo[Context, None]
