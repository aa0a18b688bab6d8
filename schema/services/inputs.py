"""Inputs of the service mutations, turned into the domain's changes (network.services.changes
validates them).

An omitted field is unchanged and an explicit null clears it (a null eligibility or
capacity clears all of it); for fields that cannot be empty a null is read as omitted.
"""

from __future__ import annotations

from typing import Any

import strawberry

from network.ids import pk_of
from network.services.fields import EDITABLE
from schema.actors.inputs import given
from schema.common import LocalizedTextInput
from schema.enums import Gender, ServiceAxis
from schema.fields import given_plain


@strawberry.input
class EligibilityInput:
    min_age: int | None = strawberry.UNSET
    max_age: int | None = strawberry.UNSET
    genders: list[Gender] | None = strawberry.UNSET
    requirements: LocalizedTextInput | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        if self.min_age is not strawberry.UNSET:
            changes["min_age"] = self.min_age
        if self.max_age is not strawberry.UNSET:
            changes["max_age"] = self.max_age
        if self.genders is not strawberry.UNSET:
            changes["genders"] = list(self.genders or [])
        if self.requirements is not strawberry.UNSET:
            changes["requirements"] = self.requirements.given() if self.requirements else None
        return changes


CLEARED_ELIGIBILITY = EligibilityInput(min_age=None, max_age=None, genders=None, requirements=None)


@strawberry.input
class CapacityInput:
    available: int | None = strawberry.UNSET
    total: int | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        if self.available is not strawberry.UNSET:
            changes["capacity_available"] = self.available
        if self.total is not strawberry.UNSET:
            changes["capacity_total"] = self.total
        return changes


CLEARED_CAPACITY = CapacityInput(available=None, total=None)


@strawberry.input
class ServiceFieldsInput:
    """Fields shared by CreateServiceInput and UpdateServiceInput; responseDays and
    acceptsReferrals are plain (network.services.fields)."""

    description: LocalizedTextInput | None = strawberry.UNSET
    category_code: str | None = strawberry.UNSET
    eligibility: EligibilityInput | None = strawberry.UNSET
    capacity: CapacityInput | None = strawberry.UNSET
    response_days: int | None = strawberry.UNSET
    service_area_ids: list[strawberry.ID] | None = strawberry.UNSET
    accepts_referrals: bool | None = strawberry.UNSET

    def changes(self) -> dict[str, Any]:
        changes = given_plain(EDITABLE, self)
        if self.description is not strawberry.UNSET:
            changes["description"] = self.description.given() if self.description else None
        if self.category_code is not strawberry.UNSET:
            changes["category_code"] = self.category_code
        if self.eligibility is not strawberry.UNSET:
            changes.update((self.eligibility or CLEARED_ELIGIBILITY).changes())
        if self.capacity is not strawberry.UNSET:
            changes.update((self.capacity or CLEARED_CAPACITY).changes())
        if self.service_area_ids is not strawberry.UNSET:
            changes["area_ids"] = [
                pk_of(area_id, "Territory", field="serviceAreaIds")
                for area_id in self.service_area_ids or []
            ]
        return changes


@strawberry.input
class CreateServiceInput(ServiceFieldsInput):
    actor_id: strawberry.ID
    names: LocalizedTextInput
    axis: ServiceAxis

    def actor_pk(self) -> int:
        return pk_of(self.actor_id, "Actor", field="actorId")

    def changes(self) -> dict[str, Any]:
        changes = super().changes()
        changes["names"] = self.names.given()
        return changes


@strawberry.input
class UpdateServiceInput(ServiceFieldsInput):
    id: strawberry.ID
    names: LocalizedTextInput | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET

    def service_pk(self) -> int:
        return pk_of(self.id, "Service", field="id")

    def changes(self) -> dict[str, Any]:
        changes = super().changes()
        if self.names is not strawberry.UNSET:
            changes["names"] = self.names.given() if self.names else None
        if given(self.active):
            changes["active"] = self.active
        return changes
