"""Inputs of the plans' mutations. Every change of a plan names the ``version`` read."""

from __future__ import annotations

from datetime import date

import strawberry

from network.ids import pk_of
from network.plans.assessment import Answer, NewAssessment, Overrule
from network.plans.service import NewAction, NewGoal, NewPlan
from schema.enums import ServiceAxis
from schema.plans.enums import ActionKind, ActionOwner, ActionStatus, GoalStatus, IndicatorAnswer
from schema.referrals.inputs import CreateReferralInput
from schema.youths.enums import ConsentGiver, NeedLevel


@strawberry.input
class AssessmentAnswerInput:
    indicator: str = strawberry.field(description="An indicator's code (assessmentIndicators).")
    answer: IndicatorAnswer
    note: str | None = None


@strawberry.input
class AxisOverruleInput:
    axis: ServiceAxis
    level: NeedLevel
    reason: str


@strawberry.input
class AssessYouthInput:
    youth_id: strawberry.ID
    answers: list[AssessmentAnswerInput]
    overrules: list[AxisOverruleInput] | None = None
    note: str | None = None
    idempotency_key: str | None = None

    def request(self) -> NewAssessment:
        return NewAssessment(
            youth_id=pk_of(self.youth_id, "Youth", field="youthId"),
            answers=[Answer(a.indicator, a.answer, a.note) for a in self.answers],
            overrules=[Overrule(o.axis, o.level, o.reason) for o in self.overrules or []],
            note=self.note,
            idempotency_key=self.idempotency_key,
        )


@strawberry.input
class PlanActionInput:
    kind: ActionKind
    owner: ActionOwner
    owner_user_id: strawberry.ID | None = strawberry.field(
        default=None, description="For an owner ACTOR_USER: that user."
    )
    due_date: date | None = None
    note: str | None = None

    def action(self) -> NewAction:
        user = None
        if self.owner_user_id is not None:
            user = pk_of(self.owner_user_id, "User", field="ownerUserId")
        return NewAction(self.kind, self.owner, user, self.due_date, self.note)


@strawberry.input
class PlanGoalInput:
    axis: ServiceAxis
    text: str
    target_date: date | None = None
    actions: list[PlanActionInput] | None = None

    def goal(self) -> NewGoal:
        actions = tuple(a.action() for a in self.actions or [])
        return NewGoal(self.axis, self.text, self.target_date, actions)


@strawberry.input
class CreateIntegrationPlanInput:
    youth_id: strawberry.ID
    goals: list[PlanGoalInput]
    idempotency_key: str | None = strawberry.field(
        default=None, description="Per user: a repeat with the same input returns the first plan."
    )

    def request(self) -> NewPlan:
        return NewPlan(
            youth_id=pk_of(self.youth_id, "Youth", field="youthId"),
            goals=tuple(g.goal() for g in self.goals),
            idempotency_key=self.idempotency_key,
        )


@strawberry.input
class VersionedPlanInput:
    plan_id: strawberry.ID
    version: int

    def plan_pk(self) -> int:
        return pk_of(self.plan_id, "IntegrationPlan", field="planId")


@strawberry.input
class AddPlanGoalInput(VersionedPlanInput):
    goal: PlanGoalInput


@strawberry.input
class AddPlanActionInput(VersionedPlanInput):
    goal_id: strawberry.ID
    action: PlanActionInput


@strawberry.input
class SetPlanGoalStatusInput(VersionedPlanInput):
    goal_id: strawberry.ID
    status: GoalStatus
    reason: str | None = None


@strawberry.input
class RecordPlanAgreementInput(VersionedPlanInput):
    agreed_by: ConsentGiver
    agreed_on: date
    evidence: str | None = strawberry.field(
        default=None, description="Where the signed plan is kept."
    )


@strawberry.input
class RecordPlanReviewInput(VersionedPlanInput):
    reviewed_on: date
    changes: str | None = None
    next_review_on: date | None = strawberry.field(
        default=None, description="Default: the setting's interval (3 months) after the review."
    )


@strawberry.input
class SetPlanActionStatusInput:
    action_id: strawberry.ID
    status: ActionStatus
    note: str | None = None


@strawberry.input
class ReferFromPlanActionInput:
    action_id: strawberry.ID
    referral: CreateReferralInput
