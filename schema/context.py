"""The per-request context: settings, sessions, the caller, loaders, request id."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from network.crypto import DataCipher
from network.database import Sessions
from network.settings import Settings
from network.viewer import Viewer
from schema.limits.rate import RateLimiter
from schema.limits.signin import SignInThrottle
from schema.pubsub import Broadcaster
from schema.reference import Reference


@lru_cache(maxsize=4)
def _cipher(keys: str) -> DataCipher:
    return DataCipher(keys)


@dataclass
class Context:
    settings: Settings
    sessions: Sessions
    viewer: Viewer
    reference: Reference
    request_id: str
    request: Any = None
    response: Any = None
    broadcaster: Broadcaster | None = None
    connection_params: dict[str, Any] | None = None
    signin: SignInThrottle | None = None  # sign-in attempts per account and address
    searches: RateLimiter | None = None  # name searches per user
    # DataLoaders made for this request only (schema/loaders.py); each batch opens its
    # own session.
    dataloaders: dict[object, DataLoader[Any, Any]] = field(default_factory=dict, repr=False)
    # Told by each subscription of this context once it listens: what is published from
    # then on reaches it (the console's live stream tells its page so).
    listening: Callable[[], None] | None = field(default=None, repr=False)

    def listens(self) -> None:
        """A subscription of this context now receives what is published."""
        if self.listening is not None:
            self.listening()

    @property
    def cipher(self) -> DataCipher:
        """The identity cipher of ``JISR_DATA_KEY``, made once per process and key."""
        return _cipher(self.settings.data_key)

    def reset_loaders(self) -> None:
        """Forget what the loaders fetched: a subscription lives on one context, and
        each event it pushes must be read afresh."""
        self.dataloaders.clear()


Info = StrawberryInfo[Context, None]
