"""Inputs of the actor mutations, turned into the domain's changes (network.actors.changes
validates them).

An omitted field is unchanged and an explicit null clears it; for fields that cannot
be empty (territory, languages, flags) a null is read as omitted.
"""

from __future__ import annotations

from typing import Any, TypeGuard, TypeVar

import strawberry

from network.actors.fields import EDITABLE
from network.actors.models import Actor as ActorRow
from network.ids import pk_of
from schema.common import GeoPointInput, LocalizedTextInput
from schema.enums import ActorKind
from schema.fields import given_plain, plain_inputs

T = TypeVar("T")


def given(value: T | None) -> TypeGuard[T]:
    """Present in the input and not null."""
    return value is not strawberry.UNSET and value is not None


@strawberry.input
@plain_inputs(EDITABLE, model=ActorRow, columns={"location": "latitude"})
class ActorFieldsInput:
    """Fields shared by CreateActorInput and UpdateActorInput: the plain ones
    (network.actors.fields), then these."""

    description: LocalizedTextInput | None = strawberry.UNSET
    location: GeoPointInput | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        changes = given_plain(EDITABLE, self)
        if self.description is not strawberry.UNSET:
            changes["description"] = self.description.given() if self.description else None
        if self.location is not strawberry.UNSET:
            location = self.location
            changes["location"] = (location.latitude, location.longitude) if location else None
        return changes


@strawberry.input
class CreateActorInput(ActorFieldsInput):
    names: LocalizedTextInput
    kind: ActorKind
    territory_id: strawberry.ID
    parent_id: strawberry.ID | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        changes = super().changes()
        changes["names"] = self.names.given()
        changes["territory_id"] = pk_of(self.territory_id, "Territory", field="territoryId")
        if given(self.parent_id):
            changes["parent_id"] = pk_of(self.parent_id, "Actor", field="parentId")
        return changes


@strawberry.input
class UpdateActorInput(ActorFieldsInput):
    id: strawberry.ID
    names: LocalizedTextInput | None = strawberry.UNSET
    territory_id: strawberry.ID | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET
    parent_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="ADMIN only: move the actor under another one; null makes it top-level.",
    )

    def actor_pk(self) -> int:
        return pk_of(self.id, "Actor", field="id")

    def changes(self) -> dict[str, Any]:
        changes = super().changes()
        if self.names is not strawberry.UNSET:
            changes["names"] = self.names.given() if self.names else None
        if given(self.territory_id):
            changes["territory_id"] = pk_of(self.territory_id, "Territory", field="territoryId")
        if given(self.active):
            changes["active"] = self.active
        if self.parent_id is not strawberry.UNSET:
            parent_id = self.parent_id
            changes["parent_id"] = (
                pk_of(parent_id, "Actor", field="parentId") if parent_id else None
            )
        return changes
