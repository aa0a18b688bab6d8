"""Assessments and integration plans as their readers see them. Everything here is
identity-level: only callers who see the whole plan get a plan or an assessment; the
receiver that sees the young person gets only the actions assigned to its actor."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from network.crypto import DataCipher
from network.plans.models import Action as ActionRow
from network.plans.models import Assessment as AssessmentRow
from network.plans.models import AssessmentAnswer as AnswerRow
from network.plans.models import AssessmentAxis as AxisRow
from network.plans.models import Goal as GoalRow
from network.plans.models import Indicator as IndicatorRow
from network.plans.models import Plan as PlanRow
from network.plans.models import Review as ReviewRow
from schema.actors.loaders import actor_loader
from schema.actors.types import Actor
from schema.common import name_or_code
from schema.context import Info
from schema.enums import ServiceAxis
from schema.plans.enums import (
    ActionKind,
    ActionOwner,
    ActionStatus,
    GoalStatus,
    IndicatorAnswer,
    PlanStatus,
)
from schema.plans.loaders import (
    assessment_answers_loader,
    assessment_axes_loader,
    plan_actions_loader,
    plan_goals_loader,
    plan_reviews_loader,
    plan_row_loader,
)
from schema.referrals.types import referral_by_id
from schema.relay import FromRow, Node, from_row
from schema.users.loaders import user_loader
from schema.users.types import User
from schema.youths.enums import ConsentGiver, NeedLevel
from schema.youths.types import Youth, youth_by_id

if TYPE_CHECKING:
    from schema.referrals.types import Referral


@strawberry.type(name="AssessmentIndicator")
class Indicator(FromRow):
    row: strawberry.Private[IndicatorRow]
    code: str
    axis: ServiceAxis
    position: int

    name = strawberry.field(resolver=name_or_code)


@strawberry.type
class AssessmentAnswer:
    indicator: str
    answer: IndicatorAnswer | None
    note: str | None

    @classmethod
    def of(cls, row: AnswerRow, cipher: DataCipher) -> AssessmentAnswer:
        answer = cipher.decrypt(row.answer_enc)
        return cls(
            indicator=row.indicator_code,
            answer=IndicatorAnswer(answer) if answer else None,
            note=cipher.decrypt(row.note_enc),
        )


@strawberry.type
class AssessedAxis:
    axis: ServiceAxis
    derived_level: NeedLevel
    level: NeedLevel = strawberry.field(description="The derived level, or the overruling one.")
    override_reason: str | None

    @classmethod
    def of(cls, row: AxisRow, cipher: DataCipher) -> AssessedAxis:
        return from_row(cls, row, override_reason=cipher.decrypt(row.override_reason_enc))


async def _user(info: Info, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    row: Any = await user_loader(info.context).load(user_id)
    return User.of(row) if row else None


@strawberry.type(name="Assessment", description="One diagnosis; the highest number is current.")
class Assessment(Node):
    row: strawberry.Private[AssessmentRow]
    number: int
    assessed_at: datetime
    note: str | None

    @classmethod
    def of(cls, row: AssessmentRow, cipher: DataCipher) -> Assessment:
        return from_row(cls, row, note=cipher.decrypt(row.note_enc))

    @strawberry.field
    async def youth(self, info: Info) -> Youth | None:
        return await youth_by_id(info, self.row.youth_id)

    @strawberry.field
    async def assessed_by(self, info: Info) -> User | None:
        return await _user(info, self.row.created_by_id)

    @strawberry.field
    async def answers(self, info: Info) -> list[AssessmentAnswer]:
        rows = await assessment_answers_loader(info.context).load(self.row.id)
        return [AssessmentAnswer.of(r, info.context.cipher) for r in rows]

    @strawberry.field
    async def axes(self, info: Info) -> list[AssessedAxis]:
        rows = await assessment_axes_loader(info.context).load(self.row.id)
        return [AssessedAxis.of(r, info.context.cipher) for r in rows]


@strawberry.type(name="PlanAction")
class PlanAction(Node):
    row: strawberry.Private[ActionRow]
    kind: ActionKind
    owner: ActionOwner
    due_date: date | None
    status: ActionStatus
    done_on: date | None
    note: str | None

    @classmethod
    def of(cls, row: ActionRow, cipher: DataCipher) -> PlanAction:
        return from_row(cls, row, due_date=row.due_on, note=cipher.decrypt(row.note_enc))

    @strawberry.field(
        description="The user answering for it (the mediator, or a user of an actor)."
    )
    async def owner_user(self, info: Info) -> User | None:
        return await _user(info, self.row.owner_user_id)

    @strawberry.field(
        description="The actor it is assigned to: its owner's, or its referral's receiver."
    )
    async def actor(self, info: Info) -> Actor | None:
        if self.row.actor_id is None:
            return None
        return Actor.of(await actor_loader(info.context).load(self.row.actor_id))

    @strawberry.field(description="The referral it created, if the caller may see it.")
    async def referral(
        self, info: Info
    ) -> Annotated[Referral, strawberry.lazy("schema.referrals.types")] | None:
        return await referral_by_id(info, self.row.referral_id)

    @strawberry.field(description="The young person of its plan, if the caller may see them.")
    async def youth(self, info: Info) -> Youth | None:
        plan = await plan_row_loader(info.context).load(self.row.plan_id)
        return await youth_by_id(info, plan.youth_id if plan else None)


@strawberry.type(name="PlanGoal")
class PlanGoal(Node):
    row: strawberry.Private[GoalRow]
    axis: ServiceAxis
    text: str | None
    target_date: date | None
    status: GoalStatus
    status_reason: str | None
    closed_on: date | None

    @classmethod
    def of(cls, row: GoalRow, cipher: DataCipher) -> PlanGoal:
        return from_row(
            cls,
            row,
            row=row,
            text=cipher.decrypt(row.text_enc),
            target_date=row.target_on,
            status_reason=cipher.decrypt(row.status_reason_enc),
        )

    @strawberry.field
    async def actions(self, info: Info) -> list[PlanAction]:
        rows = await plan_actions_loader(info.context).load(self.row.plan_id)
        cipher = info.context.cipher
        return [PlanAction.of(r, cipher) for r in rows if r.goal_id == self.row.id]


@strawberry.type(name="PlanReview")
class PlanReview:
    reviewed_on: date
    changes: str | None
    next_review_on: date
    reviewed_by_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, row: ReviewRow, cipher: DataCipher) -> PlanReview:
        return from_row(cls, row, changes=cipher.decrypt(row.changes_enc))

    @strawberry.field
    async def reviewed_by(self, info: Info) -> User | None:
        return await _user(info, self.reviewed_by_id)


@strawberry.type(name="PlanAgreement", description="The young person's agreement, like a consent.")
class PlanAgreement:
    agreed_by: ConsentGiver
    agreed_on: date
    evidence: str | None


@strawberry.type(
    name="IntegrationPlan",
    description="An individual integration plan. `version` moves with every change.",
)
class IntegrationPlan(Node):
    row: strawberry.Private[PlanRow]
    status: PlanStatus
    version: int
    agreement: PlanAgreement | None
    next_review_on: date | None
    created_at: datetime

    @classmethod
    def of(cls, row: PlanRow, cipher: DataCipher) -> IntegrationPlan:
        agreement = None
        if row.agreed_by is not None and row.agreed_on is not None:
            agreement = PlanAgreement(
                agreed_by=row.agreed_by,
                agreed_on=row.agreed_on,
                evidence=cipher.decrypt(row.agreement_evidence_enc),
            )
        return from_row(cls, row, agreement=agreement)

    @strawberry.field
    async def youth(self, info: Info) -> Youth | None:
        return await youth_by_id(info, self.row.youth_id)

    @strawberry.field
    async def goals(self, info: Info) -> list[PlanGoal]:
        rows = await plan_goals_loader(info.context).load(self.row.id)
        return [PlanGoal.of(r, info.context.cipher) for r in rows]

    @strawberry.field
    async def actions(self, info: Info) -> list[PlanAction]:
        rows = await plan_actions_loader(info.context).load(self.row.id)
        return [PlanAction.of(r, info.context.cipher) for r in rows]

    @strawberry.field
    async def reviews(self, info: Info) -> list[PlanReview]:
        rows = await plan_reviews_loader(info.context).load(self.row.id)
        return [PlanReview.of(r, info.context.cipher) for r in rows]
