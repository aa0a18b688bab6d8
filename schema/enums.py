"""The network's enums as GraphQL enums, under the contract's names."""

from __future__ import annotations

import strawberry

from network import enums
from network.errors import ErrorCode as DomainErrorCode

Language = enums.Language
ServiceAxis = enums.ServiceAxis
ActorKind = enums.ActorKind
TerritoryLevel = enums.TerritoryLevel
Gender = enums.Gender
Role = enums.Role
ErrorCode = DomainErrorCode
NotificationKind = enums.NotificationKind
Channel = enums.Channel
# strawberry.enum marks each class itself as the GraphQL enum of that name.
strawberry.enum(Language, name="Language")
strawberry.enum(ServiceAxis, name="ServiceAxis")
strawberry.enum(ActorKind, name="ActorKind")
strawberry.enum(TerritoryLevel, name="TerritoryLevel")
strawberry.enum(Gender, name="Gender")
strawberry.enum(Role, name="Role")
strawberry.enum(ErrorCode, name="ErrorCode")
strawberry.enum(NotificationKind, name="NotificationKind")
strawberry.enum(Channel, name="Channel")
