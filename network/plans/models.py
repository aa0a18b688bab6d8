"""Assessments and individual integration plans. Answers, notes, goal texts, reasons
and evidence are identity-level: ``*_enc`` columns hold Fernet tokens (network.crypto)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from network.database import Base, JsonType, UtcDateTime, name_enum, utcnow
from network.enums import ConsentGiver, NeedLevel, ServiceAxis
from network.plans.enums import ActionKind, ActionOwner, ActionStatus, GoalStatus, PlanStatus


class Indicator(Base):
    """One question of the diagnosis on one axis (reference data, network/plans/indicators.csv)."""

    __tablename__ = "assessment_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    axis: Mapped[ServiceAxis] = mapped_column(name_enum(ServiceAxis, 32))
    position: Mapped[int] = mapped_column(Integer)
    names: Mapped[dict[str, str]] = mapped_column(JsonType)


class Assessment(Base):
    """One diagnosis of a young person; ``number`` counts theirs from 1, the highest is current."""

    __tablename__ = "assessments"
    __table_args__ = (
        UniqueConstraint("youth_id", "number"),
        UniqueConstraint("created_by_id", "idempotency_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youths.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    note_enc: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    request_fingerprint: Mapped[str | None] = mapped_column(String(64))
    assessed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AssessmentAnswer(Base):
    __tablename__ = "assessment_answers"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    indicator_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    answer_enc: Mapped[str | None] = mapped_column(Text)
    note_enc: Mapped[str | None] = mapped_column(Text)


class AssessmentAxis(Base):
    """The need level an assessment derived on an axis, and the level kept (overruled
    by the mediator with a reason, or the derived one)."""

    __tablename__ = "assessment_axes"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    axis: Mapped[ServiceAxis] = mapped_column(name_enum(ServiceAxis, 32), primary_key=True)
    derived_level: Mapped[NeedLevel] = mapped_column(name_enum(NeedLevel, 8))
    level: Mapped[NeedLevel] = mapped_column(name_enum(NeedLevel, 8))
    override_reason_enc: Mapped[str | None] = mapped_column(Text)


class Plan(Base):
    """An individual integration plan; one ACTIVE per young person, older ones SUPERSEDED."""

    __tablename__ = "plans"
    __table_args__ = (
        UniqueConstraint("created_by_id", "idempotency_key"),
        Index("ix_plans_youth_status", "youth_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    youth_id: Mapped[int] = mapped_column(ForeignKey("youths.id", ondelete="CASCADE"))
    status: Mapped[PlanStatus] = mapped_column(name_enum(PlanStatus, 16), default=PlanStatus.ACTIVE)
    version: Mapped[int] = mapped_column(Integer, default=1)
    agreed_by: Mapped[ConsentGiver | None] = mapped_column(name_enum(ConsentGiver, 24))
    agreed_on: Mapped[date | None] = mapped_column(Date)
    agreement_evidence_enc: Mapped[str | None] = mapped_column(Text)
    agreement_recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    next_review_on: Mapped[date | None] = mapped_column(Date, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    idempotency_key: Mapped[str | None] = mapped_column(String(128))
    request_fingerprint: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Goal(Base):
    __tablename__ = "plan_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    axis: Mapped[ServiceAxis] = mapped_column(name_enum(ServiceAxis, 32))
    text_enc: Mapped[str | None] = mapped_column(Text)
    target_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[GoalStatus] = mapped_column(name_enum(GoalStatus, 16), default=GoalStatus.OPEN)
    status_reason_enc: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None] = mapped_column(Date)


class Action(Base):
    """Something to do for a goal, owned by the mediator, a user of an actor, or the young
    person; a REFERRAL action links the referral it created, whose outcome moves it."""

    __tablename__ = "plan_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("plan_goals.id", ondelete="CASCADE"))
    kind: Mapped[ActionKind] = mapped_column(name_enum(ActionKind, 24))
    owner: Mapped[ActionOwner] = mapped_column(name_enum(ActionOwner, 16))
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id"), index=True)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(
        name_enum(ActionStatus, 16), default=ActionStatus.PLANNED
    )
    done_on: Mapped[date | None] = mapped_column(Date)
    note_enc: Mapped[str | None] = mapped_column(Text)
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id"), unique=True)


class Review(Base):
    __tablename__ = "plan_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    changes_enc: Mapped[str | None] = mapped_column(Text)
    next_review_on: Mapped[date] = mapped_column(Date)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
