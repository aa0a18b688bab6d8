"""The network's enums as GraphQL enums, under the contract's names."""

from __future__ import annotations

from enum import Enum

import strawberry

from network.enums import ActorKind as ActorKind
from network.enums import Channel as Channel
from network.enums import Gender as Gender
from network.enums import Language as Language
from network.enums import NotificationKind as NotificationKind
from network.enums import Role as Role
from network.enums import ServiceAxis as ServiceAxis
from network.enums import TerritoryLevel as TerritoryLevel
from network.errors import ErrorCode as ErrorCode


def serve(*classes: type[Enum], prefix: str = "") -> None:
    """Serve each network enum as the GraphQL enum of its own name, after ``prefix``:
    strawberry.enum marks the class itself, so the schema uses the network's class."""
    for cls in classes:
        strawberry.enum(cls, name=prefix + cls.__name__)


serve(Language, ServiceAxis, ActorKind, TerritoryLevel, Gender, Role, ErrorCode)
serve(NotificationKind, Channel)
