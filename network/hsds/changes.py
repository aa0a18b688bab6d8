"""What an import would change in a record already in Jisr, and the order it goes in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from network.actors.fields import EDITABLE as ACTOR_FIELDS
from network.actors.models import Actor
from network.hsds.plan import OrganizationPlan
from network.services.models import Service
from network.services.service import PRACTICAL_TEXTS


def replacing(current: dict[str, str] | None, wanted: dict[str, str]) -> dict[str, str | None]:
    """A partial update that leaves exactly ``wanted``: languages it lacks are cleared."""
    return {**dict.fromkeys(current or {}), **wanted}


def actor_changes(actor: Actor, values: dict[str, Any]) -> list[str]:
    current = {
        "names": actor.names,
        "description": actor.description or None,
        **{f.attribute: getattr(actor, f.attribute) for f in ACTOR_FIELDS},
        "territory_id": actor.territory_id,
        "location": None
        if actor.latitude is None or actor.longitude is None
        else (actor.latitude, actor.longitude),
        "languages": sorted(actor.languages),
        "parent_id": actor.parent_id,
    }
    wanted = {**values, "languages": sorted(str(v) for v in values["languages"])}
    return [key for key in current if key in wanted and current[key] != wanted[key]]


def service_changes(
    service: Service, values: dict[str, Any], area: set[int], codes: dict[int, str]
) -> list[str]:
    current: dict[str, Any] = {
        "category_code": codes.get(service.category_id or 0),
        "names": service.names,
        "description": service.description or None,
        "requirements": service.requirements or None,
        "min_age": service.min_age,
        "max_age": service.max_age,
        "active": service.active,
        "capacity_available": service.capacity_available,
        "capacity_total": service.capacity_total,
        "area_ids": sorted(area),
    }
    current.update({key: getattr(service, key) or None for key in PRACTICAL_TEXTS})
    current.update(
        genders=list(service.genders),
        accepts_referrals=service.accepts_referrals,
        response_days=service.response_days,
    )
    return [key for key in current if key in values and current[key] != values[key]]


def parents_first(organizations: Sequence[OrganizationPlan]) -> list[OrganizationPlan]:
    """Organizations ordered so that a parent in the package comes before its units.

    A cycle is left in package order: the domain then refuses the move that closes it.
    """
    by_id = {o.hsds_id: o for o in organizations}
    ordered: dict[str, OrganizationPlan] = {}

    def visit(plan: OrganizationPlan, seen: frozenset[str]) -> None:
        if plan.hsds_id in ordered or plan.hsds_id in seen:
            return
        parent = by_id.get(plan.parent or "")
        if parent is not None:
            visit(parent, seen | {plan.hsds_id})
        ordered[plan.hsds_id] = plan

    for plan in organizations:
        visit(plan, frozenset())
    return list(ordered.values())
