"""Inputs of the identity mutations."""

from __future__ import annotations

from datetime import datetime

import strawberry

from network.users.service import ProfileChanges
from schema.actors.inputs import given
from schema.enums import Channel, Language, NotificationKind, Role


@strawberry.input
class NotificationPreferenceInput:
    kind: NotificationKind
    channels: list[Channel]


@strawberry.input
class UpdateMyProfileInput:
    """An omitted field is unchanged; a null phone clears it. ``preferences`` replaces the
    channels of the kinds it names and keeps the others."""

    display_name: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    language: Language | None = strawberry.UNSET
    preferences: list[NotificationPreferenceInput] | None = strawberry.UNSET

    def changes(self) -> ProfileChanges:
        changes = ProfileChanges()
        if given(self.display_name):
            changes["display_name"] = self.display_name
        if self.phone is not strawberry.UNSET:
            changes["phone"] = self.phone
        if given(self.language):
            changes["language"] = self.language
        if given(self.preferences):
            changes["preferences"] = [(p.kind, p.channels) for p in self.preferences]
        return changes


@strawberry.input
class ChangePasswordInput:
    current_password: str
    new_password: str


@strawberry.input
class CreateApiTokenInput:
    name: str = strawberry.field(description="What the token is for, e.g. the system using it.")
    expires_at: datetime = strawberry.field(
        description="When it stops working: in the future, at most JISR_API_TOKEN_MAX_DAYS ahead."
    )


@strawberry.input
class CreateUserInput:
    email: str
    display_name: str
    roles: list[Role]
    actor_id: strawberry.ID | None = strawberry.field(
        default=None, description="The actor of an AGENCY_STAFF or MEDIATOR user."
    )
    territory_id: strawberry.ID | None = strawberry.field(
        default=None, description="The territory of a COORDINATOR."
    )
    language: Language | None = strawberry.field(
        default=None, description="The language of their messages; default French."
    )


@strawberry.input
class SetUserRolesInput:
    id: strawberry.ID
    roles: list[Role]
    actor_id: strawberry.ID | None = strawberry.field(
        default=None, description="The actor of an AGENCY_STAFF or MEDIATOR user."
    )
    territory_id: strawberry.ID | None = strawberry.field(
        default=None, description="The territory of a COORDINATOR."
    )
