"""Erasing the identity-level texts of assessments and plans (network.retention): the
structure (axes, levels, statuses, dates, owners, linked referrals) stays for figures."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from network.plans.models import (
    Action,
    Assessment,
    AssessmentAnswer,
    AssessmentAxis,
    Goal,
    Plan,
    Review,
)


async def erase_plans(session: AsyncSession, youth_ids: Sequence[int]) -> None:
    assessments = select(Assessment.id).where(Assessment.youth_id.in_(youth_ids))
    plans = select(Plan.id).where(Plan.youth_id.in_(youth_ids))
    await session.execute(
        update(Assessment).where(Assessment.youth_id.in_(youth_ids)).values(note_enc=None)
    )
    await session.execute(
        update(AssessmentAnswer)
        .where(AssessmentAnswer.assessment_id.in_(assessments))
        .values(answer_enc=None, note_enc=None)
    )
    await session.execute(
        update(AssessmentAxis)
        .where(AssessmentAxis.assessment_id.in_(assessments))
        .values(override_reason_enc=None)
    )
    await session.execute(
        update(Plan)
        .where(Plan.youth_id.in_(youth_ids))
        .values(agreement_evidence_enc=None, updated_at=Plan.updated_at)
    )
    await session.execute(
        update(Goal).where(Goal.plan_id.in_(plans)).values(text_enc=None, status_reason_enc=None)
    )
    await session.execute(update(Action).where(Action.plan_id.in_(plans)).values(note_enc=None))
    await session.execute(update(Review).where(Review.plan_id.in_(plans)).values(changes_enc=None))
