"""Inputs of the actor mutations, turned into the domain's ActorChanges.

An omitted field is unchanged and an explicit null clears it; for fields that cannot
be empty (territory, languages, flags) a null is read as omitted.
"""

from __future__ import annotations

from typing import TypeGuard, TypeVar

import strawberry

from network.actors.service import ActorChanges
from network.enums import Language
from network.ids import pk_of
from schema.common import GeoPointInput, LocalizedTextInput
from schema.enums import ActorKind

T = TypeVar("T")


def given(value: T | None) -> TypeGuard[T]:
    """Present in the input and not null."""
    return value is not strawberry.UNSET and value is not None


@strawberry.input
class ActorFieldsInput:
    """Fields shared by CreateActorInput and UpdateActorInput."""

    acronym: str | None = strawberry.UNSET
    description: LocalizedTextInput | None = strawberry.UNSET
    address: str | None = strawberry.UNSET
    postal_code: str | None = strawberry.field(
        default=strawberry.UNSET, description="The Moroccan postal code: five digits."
    )
    location: GeoPointInput | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    website: str | None = strawberry.UNSET
    languages: list[Language] | None = strawberry.UNSET
    accepts_referrals: bool | None = strawberry.UNSET

    def changes(self) -> ActorChanges:
        changes = ActorChanges()
        if self.acronym is not strawberry.UNSET:
            changes["acronym"] = self.acronym
        if self.description is not strawberry.UNSET:
            changes["description"] = self.description.given() if self.description else None
        if self.address is not strawberry.UNSET:
            changes["address"] = self.address
        if self.postal_code is not strawberry.UNSET:
            changes["postal_code"] = self.postal_code
        if self.location is not strawberry.UNSET:
            location = self.location
            changes["location"] = (location.latitude, location.longitude) if location else None
        if self.phone is not strawberry.UNSET:
            changes["phone"] = self.phone
        if self.email is not strawberry.UNSET:
            changes["email"] = self.email
        if self.website is not strawberry.UNSET:
            changes["website"] = self.website
        if given(self.languages):
            changes["languages"] = list(self.languages)
        if given(self.accepts_referrals):
            changes["accepts_referrals"] = self.accepts_referrals
        return changes


@strawberry.input
class CreateActorInput(ActorFieldsInput):
    names: LocalizedTextInput
    kind: ActorKind
    territory_id: strawberry.ID
    parent_id: strawberry.ID | None = strawberry.UNSET

    def changes(self) -> ActorChanges:
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

    def changes(self) -> ActorChanges:
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
