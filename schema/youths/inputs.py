"""Inputs of the young people's mutations. Ids of the wrong type are invalid input naming
their field; an omitted field of an update is left as it is."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from network.ids import pk_of
from network.youths.service import NeedAssessment, Registration, YouthChanges
from schema.enums import Gender, ServiceAxis
from schema.youths.enums import (
    EducationLevel,
    MilestoneKind,
    NeedLevel,
    VocationalLevel,
    YouthStatus,
)


def _pk(global_id: strawberry.ID | None, type_name: str, field: str) -> int | None:
    return None if global_id is None else pk_of(global_id, type_name, field=field)


@strawberry.input
class RegisterYouthInput:
    first_name: str
    last_name: str
    birth_date: date
    institution_id: strawberry.ID
    code: str | None = None
    gender: Gender | None = None
    residence_territory_id: strawberry.ID | None = None
    mediator_id: strawberry.ID | None = None
    expected_leaving_date: date | None = None
    education_level: EducationLevel | None = None
    vocational_level: VocationalLevel | None = None
    idempotency_key: str | None = None

    def registration(self) -> Registration:
        return Registration(
            code=self.code,
            first_name=self.first_name,
            last_name=self.last_name,
            birth_date=self.birth_date,
            gender=self.gender,
            institution_id=pk_of(self.institution_id, "Actor", field="institutionId"),
            residence_territory_id=_pk(
                self.residence_territory_id, "Territory", "residenceTerritoryId"
            ),
            mediator_id=_pk(self.mediator_id, "User", "mediatorId"),
            expected_leaving_date=self.expected_leaving_date,
            education_level=self.education_level,
            vocational_level=self.vocational_level,
        )


@strawberry.input
class UpdateYouthInput:
    id: strawberry.ID
    first_name: str | None = strawberry.UNSET
    last_name: str | None = strawberry.UNSET
    status: YouthStatus | None = strawberry.UNSET
    mediator_id: strawberry.ID | None = strawberry.UNSET
    residence_territory_id: strawberry.ID | None = strawberry.UNSET
    expected_leaving_date: date | None = strawberry.UNSET
    left_care_on: date | None = strawberry.UNSET
    education_level: EducationLevel | None = strawberry.UNSET
    vocational_level: VocationalLevel | None = strawberry.UNSET

    def youth_pk(self) -> int:
        return pk_of(self.id, "Youth")

    def changes(self) -> YouthChanges:
        given: dict[str, Any] = {}
        for name in (
            "first_name",
            "last_name",
            "status",
            "expected_leaving_date",
            "left_care_on",
            "education_level",
            "vocational_level",
        ):
            value = getattr(self, name)
            if value is not strawberry.UNSET:
                given[name] = value
        if self.mediator_id is not strawberry.UNSET:
            given["mediator_id"] = _pk(self.mediator_id, "User", "mediatorId")
        if self.residence_territory_id is not strawberry.UNSET:
            given["residence_territory_id"] = _pk(
                self.residence_territory_id, "Territory", "residenceTerritoryId"
            )
        return YouthChanges(**given)  # type: ignore[typeddict-item]


@strawberry.input
class NeedInput:
    axis: ServiceAxis
    level: NeedLevel
    note: str | None = None


@strawberry.input
class AssessNeedsInput:
    youth_id: strawberry.ID
    needs: list[NeedInput]

    def assessments(self) -> list[NeedAssessment]:
        return [NeedAssessment(axis=n.axis, level=n.level, note=n.note) for n in self.needs]


@strawberry.input
class RecordMilestoneInput:
    youth_id: strawberry.ID
    kind: MilestoneKind
    achieved_on: date
    note: str | None = None
