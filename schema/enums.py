"""The network's enums as GraphQL enums, under the contract's names."""

from __future__ import annotations

import strawberry

from network import enums
from network.errors import ErrorCode as DomainErrorCode

Language = strawberry.enum(enums.Language, name="Language")
ServiceAxis = strawberry.enum(enums.ServiceAxis, name="ServiceAxis")
ActorKind = strawberry.enum(enums.ActorKind, name="ActorKind")
TerritoryLevel = strawberry.enum(enums.TerritoryLevel, name="TerritoryLevel")
Gender = strawberry.enum(enums.Gender, name="Gender")
Role = strawberry.enum(enums.Role, name="Role")
ErrorCode = strawberry.enum(DomainErrorCode, name="ErrorCode")
NotificationKind = strawberry.enum(enums.NotificationKind, name="NotificationKind")
Channel = strawberry.enum(enums.Channel, name="Channel")
