"""Demo assessments and integration plans at different stages, all dated from ``today``:

- JY-DEMO01 (leaving in 25 days): assessed twice, an agreed plan of three goals, one
  action done, one in progress, one overdue, and a review;
- JY-DEMO02 (leaving in 85 days): assessed, a plan drafted but not yet agreed;
- JY-DEMO03 (16, in care): assessed, no plan yet (the proactive reminder's case);
- JY-DEMO05 (left 190 days ago): a first plan superseded by one agreed before leaving;
- JY-DEMO06 (autonomous): a plan agreed before leaving, its goals achieved.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from network.crypto import DataCipher
from network.enums import ConsentGiver, NeedLevel, ServiceAxis
from network.plans import rules
from network.plans.enums import (
    ActionKind,
    ActionOwner,
    ActionStatus,
    GoalStatus,
    IndicatorAnswer,
    PlanStatus,
)
from network.plans.models import (
    Action,
    Assessment,
    AssessmentAnswer,
    AssessmentAxis,
    Goal,
    Plan,
    Review,
)
from network.records.youths import Youth
from network.seed.shorthand import at

A, P, N = IndicatorAnswer.YES, IndicatorAnswer.PARTLY, IndicatorAnswer.NO
ANSWERS = {
    "JY-DEMO01": {
        "social.identity-card": N,
        "social.birth-certificate": A,
        "social.housing-plan": P,
        "employment.experience": N,
        "employment.job-search": P,
        "health.coverage": A,
    },
    "JY-DEMO02": {"employment.experience": P, "participation.budget": N, "social.housing-plan": N},
    "JY-DEMO03": {"education.schooling": P, "health.coverage": N, "health.follow-up": P},
}
INDICATOR_AXES = {
    "social": ServiceAxis.SOCIAL_ASSISTANCE,
    "employment": ServiceAxis.EMPLOYMENT,
    "health": ServiceAxis.HEALTH,
    "education": ServiceAxis.EDUCATION_TRAINING,
    "participation": ServiceAxis.SOCIAL_PARTICIPATION,
}


async def _assess(
    session: AsyncSession, cipher: DataCipher, youth: Youth, number: int, day: date
) -> None:
    answers = ANSWERS[youth.code]
    row = Assessment(
        youth_id=youth.id,
        number=number,
        note_enc=cipher.encrypt("Entretien avec le médiateur"),
        created_by_id=youth.mediator_id,
        assessed_at=at(day),
    )
    session.add(row)
    await session.flush()
    by_axis: dict[ServiceAxis, list[IndicatorAnswer]] = {}
    for code, answer in answers.items():
        session.add(
            AssessmentAnswer(
                assessment_id=row.id, indicator_code=code, answer_enc=cipher.encrypt(answer.value)
            )
        )
        by_axis.setdefault(INDICATOR_AXES[code.split(".")[0]], []).append(answer)
    for axis, given in by_axis.items():
        level = rules.derived_level(given) or NeedLevel.NONE
        session.add(
            AssessmentAxis(assessment_id=row.id, axis=axis, derived_level=level, level=level)
        )


async def _plan(
    session: AsyncSession,
    cipher: DataCipher,
    youth: Youth,
    *,
    created: date,
    goals: list[tuple[ServiceAxis, str, GoalStatus, list[tuple[ActionKind, int, ActionStatus]]]],
    agreed: date | None = None,
    status: PlanStatus = PlanStatus.ACTIVE,
    version: int = 1,
) -> Plan:
    plan = Plan(
        youth_id=youth.id,
        status=status,
        version=version,
        agreed_by=ConsentGiver.YOUTH if agreed else None,
        agreed_on=agreed,
        agreement_evidence_enc=cipher.encrypt("Plan signé, dossier papier") if agreed else None,
        agreement_recorded_by_id=youth.mediator_id if agreed else None,
        next_review_on=rules.next_review(created, months=3),
        created_by_id=youth.mediator_id,
        created_at=at(created),
        updated_at=at(created),
    )
    session.add(plan)
    await session.flush()
    for axis, text, goal_status, actions in goals:
        goal = Goal(
            plan_id=plan.id,
            axis=axis,
            text_enc=cipher.encrypt(text),
            target_on=created + timedelta(days=120),
            status=goal_status,
            closed_on=None if goal_status == GoalStatus.OPEN else created + timedelta(days=90),
        )
        session.add(goal)
        await session.flush()
        for kind, due, action_status in actions:
            due_on = created + timedelta(days=due)
            session.add(
                Action(
                    plan_id=plan.id,
                    goal_id=goal.id,
                    kind=kind,
                    owner=ActionOwner.MEDIATOR,
                    owner_user_id=youth.mediator_id,
                    due_on=due_on,
                    status=action_status,
                    done_on=due_on - timedelta(days=2)
                    if action_status == ActionStatus.DONE
                    else None,
                )
            )
    await session.flush()
    return plan


async def seed_demo_plans(
    session: AsyncSession, cipher: DataCipher, *, youth_ids: dict[str, int], today: date
) -> int:
    """Insert the demo's assessments and plans; how many plans."""
    youths = {code: await session.get(Youth, pk) for code, pk in youth_ids.items()}

    def youth(code: str) -> Youth:
        found = youths[code]
        assert found is not None
        return found

    E, J, S = (
        ServiceAxis.EMPLOYMENT,
        ServiceAxis.SOCIAL_ASSISTANCE,
        ServiceAxis.SOCIAL_PARTICIPATION,
    )
    H = ServiceAxis.HEALTH
    K, St, G = ActionKind, ActionStatus, GoalStatus
    await _assess(session, cipher, youth("JY-DEMO01"), 1, today - timedelta(days=120))
    await _assess(session, cipher, youth("JY-DEMO01"), 2, today - timedelta(days=30))
    first = await _plan(
        session,
        cipher,
        youth("JY-DEMO01"),
        created=today - timedelta(days=100),
        agreed=today - timedelta(days=95),
        version=4,
        goals=[
            (J, "Obtenir la carte nationale d'identité", G.ACHIEVED, [(K.DOCUMENT, 30, St.DONE)]),
            (E, "Premier emploi en hôtellerie", G.OPEN, [(K.REFERRAL, 60, St.IN_PROGRESS)]),
            (S, "Préparer un budget mensuel", G.OPEN, [(K.LIFE_SKILLS, 90, St.PLANNED)]),
        ],
    )
    session.add(
        Review(
            plan_id=first.id,
            reviewed_on=today - timedelta(days=10),
            changes_enc=cipher.encrypt("CNI obtenue ; recherche d'emploi en cours"),
            next_review_on=rules.next_review(today - timedelta(days=10), months=3),
            reviewed_by_id=youth("JY-DEMO01").mediator_id,
        )
    )
    await _assess(session, cipher, youth("JY-DEMO02"), 1, today - timedelta(days=20))
    await _plan(
        session,
        cipher,
        youth("JY-DEMO02"),
        created=today - timedelta(days=15),
        goals=[
            (S, "Trouver un logement partagé", G.OPEN, [(K.HOUSING_MEDIATION, 45, St.PLANNED)]),
            (E, "Stage en entreprise", G.OPEN, [(K.EMPLOYMENT_MEDIATION, 60, St.PLANNED)]),
        ],
    )
    await _assess(session, cipher, youth("JY-DEMO03"), 1, today - timedelta(days=40))
    left = today - timedelta(days=190)
    await _plan(
        session,
        cipher,
        youth("JY-DEMO05"),
        created=left - timedelta(days=200),
        status=PlanStatus.SUPERSEDED,
        version=2,
        goals=[(E, "Formation en cuisine", G.DROPPED, [(K.TRAINING, 30, St.CANCELLED)])],
    )
    await _plan(
        session,
        cipher,
        youth("JY-DEMO05"),
        created=left - timedelta(days=120),
        agreed=left - timedelta(days=110),
        version=3,
        goals=[
            (E, "Emploi de commis de cuisine", G.ACHIEVED, [(K.REFERRAL, 60, St.DONE)]),
            (J, "Logement stable", G.OPEN, [(K.HOUSING_MEDIATION, 90, St.NOT_DONE)]),
        ],
    )
    out = today - timedelta(days=400)
    await _plan(
        session,
        cipher,
        youth("JY-DEMO06"),
        created=out - timedelta(days=150),
        agreed=out - timedelta(days=140),
        version=5,
        goals=[
            (E, "Contrat de technicienne", G.ACHIEVED, [(K.REFERRAL, 40, St.DONE)]),
            (H, "Couverture AMO", G.ACHIEVED, [(K.DOCUMENT, 20, St.DONE)]),
        ],
    )
    return 5
