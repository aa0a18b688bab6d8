"""Inputs of the young people's mutations. Ids of the wrong type are invalid input naming
their field; an omitted field of an update is left as it is."""

from __future__ import annotations

from datetime import date

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
        """The fields given (an omitted field is UNSET and left out)."""
        given = YouthChanges()
        if self.first_name is not strawberry.UNSET:
            given["first_name"] = self.first_name
        if self.last_name is not strawberry.UNSET:
            given["last_name"] = self.last_name
        if self.status is not strawberry.UNSET:
            given["status"] = self.status
        if self.expected_leaving_date is not strawberry.UNSET:
            given["expected_leaving_date"] = self.expected_leaving_date
        if self.left_care_on is not strawberry.UNSET:
            given["left_care_on"] = self.left_care_on
        if self.education_level is not strawberry.UNSET:
            given["education_level"] = self.education_level
        if self.vocational_level is not strawberry.UNSET:
            given["vocational_level"] = self.vocational_level
        if self.mediator_id is not strawberry.UNSET:
            given["mediator_id"] = _pk(self.mediator_id, "User", "mediatorId")
        if self.residence_territory_id is not strawberry.UNSET:
            given["residence_territory_id"] = _pk(
                self.residence_territory_id, "Territory", "residenceTerritoryId"
            )
        return given


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
