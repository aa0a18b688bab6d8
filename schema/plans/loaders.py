"""Loaders of the parts of plans and assessments. Their keys are plans and assessments
the caller was already allowed to see whole (the types are built only from those)."""

from __future__ import annotations

from network.plans import repository
from schema.loaders import grouped_loader

plan_goals_loader = grouped_loader(repository.goals_of, "plan_id")
plan_actions_loader = grouped_loader(repository.actions_of, "plan_id")
plan_reviews_loader = grouped_loader(repository.reviews_of, "plan_id")
assessment_answers_loader = grouped_loader(repository.answers_of, "assessment_id")
assessment_axes_loader = grouped_loader(repository.axes_of, "assessment_id")
