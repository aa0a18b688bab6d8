"""Drafting and changing an individual integration plan, as docs/access.md allows.

One ACTIVE plan per young person: a new one supersedes the current one, which is kept.
Every change of an active plan moves its ``version``; a change that names another
version than the current one is STALE_VERSION, never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.crypto import DataCipher
from network.enums import ConsentGiver, ServiceAxis
from network.errors import (
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
)
from network.idempotency import add_once, earlier, request_fingerprint
from network.plans import repository, rules
from network.plans.access import may_edit_plan
from network.plans.enums import ActionKind, ActionOwner, GoalStatus, PlanStatus
from network.plans.errors import StaleVersion
from network.plans.models import Action, Goal, Plan, Review
from network.records.youths import Youth
from network.users import repository as users
from network.validation import clean_text
from network.viewer import Viewer
from network.youths import repository as youths
from network.youths.rules import check_not_future
from network.youths.service import managed_youth


@dataclass(frozen=True)
class NewAction:
    kind: ActionKind
    owner: ActionOwner
    owner_user_id: int | None = None
    due_on: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class NewGoal:
    axis: ServiceAxis
    text: str
    target_on: date | None = None
    actions: Sequence[NewAction] = field(default_factory=tuple)


@dataclass(frozen=True)
class NewPlan:
    youth_id: int
    goals: Sequence[NewGoal]
    idempotency_key: str | None = None


async def create_plan(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    request: NewPlan,
    review_months: int,
) -> Plan:
    """A new ACTIVE plan (the current one superseded), its first review due in
    ``review_months``. A repeat with the same key and request returns the first plan."""
    user_id = viewer.signed_in_id()
    key = clean_text(request.idempotency_key, field=["idempotencyKey"], max_length=128)
    fingerprint = request_fingerprint(cipher, asdict(request))
    first = await earlier(session, Plan, user_id=user_id, key=key, fingerprint=fingerprint)
    if first is not None:
        return first
    await youths.get_for_update(session, request.youth_id)  # one active plan at a time
    youth = await managed_youth(session, viewer=viewer, youth_id=request.youth_id)
    now = clock.now()
    await repository.supersede(session, youth.id, now)
    plan = Plan(
        youth_id=youth.id,
        version=1,
        next_review_on=rules.next_review(clock.local_date(now), months=review_months),
        created_by_id=user_id,
        idempotency_key=key,
        request_fingerprint=fingerprint,
        created_at=now,
        updated_at=now,
    )
    made = await add_once(session, plan, user_id=user_id, key=key, fingerprint=fingerprint)
    if made is not plan:
        return made
    for index, goal in enumerate(request.goals):
        await _add_goal(session, cipher, plan, youth, goal, field=["goals", str(index)])
    return plan


async def editable(
    session: AsyncSession, *, viewer: Viewer, plan_id: int, version: int
) -> tuple[Plan, Youth]:
    """The plan, if the caller sees it, may change it, it is ACTIVE and at ``version``;
    its version moves on."""
    viewer.signed_in_id()
    found = await repository.visible_plan(session, viewer, plan_id)
    if found is None:
        raise NotFound("no such plan", field=["planId"])
    plan, youth = found
    if not may_edit_plan(viewer, youth):
        raise PermissionDenied("only their mediator, a MEDIATOR of their institution or ADMIN")
    if plan.status != PlanStatus.ACTIVE:
        raise InvalidTransition("a superseded plan is kept as it was")
    if plan.version != version or not await repository.bump(
        session, plan, version=version, now=clock.now()
    ):
        raise StaleVersion(f"the plan is at version {plan.version}", field=["version"])
    return plan, youth


async def add_goal(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    plan_id: int,
    version: int,
    goal: NewGoal,
) -> Plan:
    plan, youth = await editable(session, viewer=viewer, plan_id=plan_id, version=version)
    await _add_goal(session, cipher, plan, youth, goal, field=["goal"])
    return plan


async def add_action(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    plan_id: int,
    version: int,
    goal_id: int,
    action: NewAction,
) -> Plan:
    plan, youth = await editable(session, viewer=viewer, plan_id=plan_id, version=version)
    goal = await _goal_of(session, plan, goal_id)
    await _add_action(session, cipher, plan, goal, youth, action, field=["action"])
    return plan


async def set_goal_status(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    plan_id: int,
    version: int,
    goal_id: int,
    status: GoalStatus,
    reason: str | None,
) -> Plan:
    """OPEN, ACHIEVED or DROPPED; dropping needs a reason."""
    plan, _ = await editable(session, viewer=viewer, plan_id=plan_id, version=version)
    goal = await _goal_of(session, plan, goal_id)
    text = rules.clean_note(reason, field=["reason"])
    if status == GoalStatus.DROPPED and text is None:
        raise InvalidInput("a dropped goal needs a reason", field=["reason"])
    goal.status = status
    goal.status_reason_enc = cipher.encrypt(text)
    goal.closed_on = None if status == GoalStatus.OPEN else clock.today()
    await session.flush()
    return plan


async def record_agreement(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    plan_id: int,
    version: int,
    agreed_by: ConsentGiver,
    agreed_on: date,
    evidence: str | None,
) -> Plan:
    """The young person's (or, while a minor, their legal representative's) agreement."""
    check_not_future(agreed_on, today=clock.today(), field="agreedOn")
    plan, _ = await editable(session, viewer=viewer, plan_id=plan_id, version=version)
    plan.agreed_by = agreed_by
    plan.agreed_on = agreed_on
    plan.agreement_evidence_enc = cipher.encrypt(rules.clean_note(evidence, field=["evidence"]))
    plan.agreement_recorded_by_id = viewer.user_id
    await session.flush()
    return plan


async def record_review(
    session: AsyncSession,
    *,
    viewer: Viewer,
    cipher: DataCipher,
    plan_id: int,
    version: int,
    reviewed_on: date,
    changes: str | None,
    next_review_on: date | None,
    review_months: int,
) -> Plan:
    """A review: what changed, and when the next one is due (``review_months`` later by
    default)."""
    check_not_future(reviewed_on, today=clock.today(), field="reviewedOn")
    due = next_review_on or rules.next_review(reviewed_on, months=review_months)
    if due <= reviewed_on:
        raise InvalidInput("after the review", field=["nextReviewOn"])
    plan, _ = await editable(session, viewer=viewer, plan_id=plan_id, version=version)
    session.add(
        Review(
            plan_id=plan.id,
            reviewed_on=reviewed_on,
            changes_enc=cipher.encrypt(rules.clean_note(changes, field=["changes"])),
            next_review_on=due,
            reviewed_by_id=viewer.user_id,
        )
    )
    plan.next_review_on = due
    await session.flush()
    return plan


async def _goal_of(session: AsyncSession, plan: Plan, goal_id: int) -> Goal:
    goal = await session.get(Goal, goal_id)
    if goal is None or goal.plan_id != plan.id:
        raise NotFound("no such goal in this plan", field=["goalId"])
    return goal


async def _add_goal(
    session: AsyncSession,
    cipher: DataCipher,
    plan: Plan,
    youth: Youth,
    new: NewGoal,
    *,
    field: list[str],
) -> Goal:
    goal = Goal(
        plan_id=plan.id,
        axis=new.axis,
        text_enc=cipher.encrypt(rules.required(new.text, field=[*field, "text"])),
        target_on=new.target_on,
        status=GoalStatus.OPEN,
    )
    session.add(goal)
    await session.flush()
    for index, action in enumerate(new.actions):
        await _add_action(
            session, cipher, plan, goal, youth, action, field=[*field, "actions", str(index)]
        )
    return goal


async def _add_action(
    session: AsyncSession,
    cipher: DataCipher,
    plan: Plan,
    goal: Goal,
    youth: Youth,
    new: NewAction,
    *,
    field: list[str],
) -> Action:
    """The owner decides who answers for it: the mediator (the young person's), a user
    of an actor (the action is then assigned to that actor), or the young person."""
    owner_user_id, actor_id = None, None
    if new.owner == ActionOwner.MEDIATOR:
        owner_user_id = youth.mediator_id
    elif new.owner == ActionOwner.ACTOR_USER:
        user_id = new.owner_user_id
        owner = (await users.get_many(session, [user_id])).get(user_id) if user_id else None
        if owner is None or owner.actor_id is None:
            raise NotFound("no such user of an actor", field=[*field, "ownerUserId"])
        owner_user_id, actor_id = owner.id, owner.actor_id
    elif new.owner_user_id is not None:
        raise InvalidInput("only for an owner of kind ACTOR_USER", field=[*field, "ownerUserId"])
    action = Action(
        plan_id=plan.id,
        goal_id=goal.id,
        kind=new.kind,
        owner=new.owner,
        owner_user_id=owner_user_id,
        actor_id=actor_id,
        due_on=new.due_on,
        note_enc=cipher.encrypt(rules.clean_note(new.note, field=[*field, "note"])),
    )
    session.add(action)
    await session.flush()
    return action
