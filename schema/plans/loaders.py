"""Loaders of the parts of plans and assessments. Their keys are plans and assessments
the caller was already allowed to see whole (the types are built only from those)."""

from __future__ import annotations

from typing import Any

from network.batches import by_id
from network.plans import repository
from network.plans.models import Plan
from schema.context import Context
from schema.loaders import grouped_loader, loader

plan_goals_loader = grouped_loader(repository.goals_of, "plan_id")
plan_actions_loader = grouped_loader(repository.actions_of, "plan_id")
plan_reviews_loader = grouped_loader(repository.reviews_of, "plan_id")
assessment_answers_loader = grouped_loader(repository.answers_of, "assessment_id")
assessment_axes_loader = grouped_loader(repository.axes_of, "assessment_id")


@loader
async def plan_row_loader(context: Context, ids: list[int]) -> list[Any]:
    """Plans by id, for the parts of a plan the caller already sees (an action's own plan)."""
    async with context.sessions() as session:
        found = await by_id(session, Plan, ids)
    return [found.get(i) for i in ids]
