from __future__ import annotations

from datetime import datetime

import strawberry

from network.enums import Role as RoleValue
from network.users.models import ApiToken as ApiTokenRow
from network.users.models import User as UserRow
from schema.actors.loaders import actor_loader
from schema.actors.types import Actor
from schema.connections import Connection
from schema.context import Info
from schema.enums import Channel, Language, NotificationKind, Role
from schema.relay import Node, from_row
from schema.territories.types import Territory
from schema.users.loaders import user_loader, user_preferences_loader


@strawberry.type
class NotificationPreference:
    kind: NotificationKind
    channels: list[Channel]


def _sees_contact(info: Info, row: UserRow) -> bool:
    """The user, staff of the same actor, and ADMIN see a user's email and phone."""
    viewer = info.context.viewer
    return (
        viewer.user_id == row.id
        or viewer.is_admin
        or (viewer.actor_id is not None and viewer.actor_id == row.actor_id)
    )


@strawberry.type(name="User")
class User(Node):
    row: strawberry.Private[UserRow]
    display_name: str
    roles: list[Role]
    language: Language

    @classmethod
    def of(cls, row: UserRow) -> User:
        return from_row(cls, row, roles=[RoleValue(r) for r in row.roles])

    @strawberry.field
    def email(self, info: Info) -> str | None:
        return self.row.email if _sees_contact(info, self.row) else None

    @strawberry.field
    def phone(self, info: Info) -> str | None:
        return self.row.phone if _sees_contact(info, self.row) else None

    @strawberry.field(
        description="ADMIN only: whether the user may sign in (not deactivated); null "
        "for anyone else."
    )
    def active(self, info: Info) -> bool | None:
        return self.row.active if info.context.viewer.is_admin else None

    @strawberry.field
    async def actor(self, info: Info) -> Actor | None:
        if self.row.actor_id is None:
            return None
        return Actor.of(await actor_loader(info.context).load(self.row.actor_id))

    @strawberry.field
    def territory(self, info: Info) -> Territory | None:
        if self.row.territory_id is None:
            return None
        return Territory.of_pk(info, self.row.territory_id)

    @strawberry.field
    async def preferences(self, info: Info) -> list[NotificationPreference]:
        """The user and ADMIN only; empty for anybody else."""
        viewer = info.context.viewer
        if viewer.user_id != self.row.id and not viewer.is_admin:
            return []
        rows = await user_preferences_loader(info.context).load(self.row.id)
        return [NotificationPreference(kind=r.kind, channels=list(r.channels)) for r in rows]


@strawberry.type(description="An integration token; its secret is shown only by createApiToken.")
class ApiToken:
    row: strawberry.Private[ApiTokenRow]
    id: strawberry.ID
    name: str
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None = strawberry.field(description="To the minute.")
    revoked_at: datetime | None

    @classmethod
    def of(cls, row: ApiTokenRow) -> ApiToken:
        return from_row(cls, row, name=row.name or "")

    @strawberry.field(description="Whose token it is.")
    async def user(self, info: Info) -> User | None:
        row = await user_loader(info.context).load(self.row.user_id)
        return User.of(row) if row is not None else None


UserConnection = Connection[User]
