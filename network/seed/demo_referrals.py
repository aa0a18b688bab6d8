"""Demo referrals in every status, with their events, on top of the demo young people.

Each referral is written as the lifecycle would have left it: the pure state machine
replays its steps, so statuses, versions and timestamps agree with the rules. Day
offsets count from the day the demo is seeded (``-12`` is twelve days ago), so the
overdue, follow-up and expiry rules have something to act on in a fresh demo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.crypto import DataCipher
from network.enums import (
    DeclineReason,
    Priority,
    ReferralEventKind,
    ReferralOutcome,
    ReferralStatus,
    ServiceAxis,
)
from network.records.referrals import Referral, ReferralEvent
from network.records.youths import Youth
from network.referrals import machine, rules, steps
from network.referrals.machine import Action
from network.seed.shorthand import E, H, J, P, S, Seeding, at
from network.services.models import Service
from network.users.models import User

DEFAULT_RESPONSE_DAYS = 5
# The staff who answer for the demo actors that have a demo login.
ANSWERED_BY = {
    "fes-complexe": "staff.al-wifaq@jisr.example.ma",
    "fes-complexe-urgence": "staff.al-wifaq@jisr.example.ma",
    "fes-cfp-saiss": "staff.ifmh-saiss@jisr.example.ma",
    "fes-aec-atlas": "staff.aec-fes@jisr.example.ma",
    "fes-esj-saiss": "staff.sante-jeunes-fes@jisr.example.ma",
}


@dataclass(frozen=True)
class Step:
    action: Action
    day: int
    note: str | None = None


@dataclass(frozen=True)
class DemoReferral:
    """``to`` is an actor key; the referral goes to its first service on ``axis`` that
    takes referrals, or to the actor and the axis when it has none. A REDIRECT step
    sends a new referral to ``onward``."""

    youth: str
    to: str
    axis: ServiceAxis
    created: int
    reason: str
    steps: tuple[Step, ...] = ()
    draft: bool = False
    priority: Priority = Priority.NORMAL
    follow_up: int | None = None
    outcome: ReferralOutcome | None = None
    decline_reason: DeclineReason | None = None
    onward: str | None = None


REFERRALS: tuple[DemoReferral, ...] = (
    DemoReferral(
        "JY-DEMO01",
        "fes-bidaya",
        P,
        -1,
        "Inscription aux activités sportives du quartier.",
        draft=True,
    ),
    DemoReferral(
        "JY-DEMO01",
        "fes-cfp-saiss",
        E,
        -2,
        "Souhaite une formation qualifiante en cuisine avant sa sortie.",
        priority=Priority.URGENT,
    ),
    DemoReferral(
        "JY-DEMO01",
        "fes-complexe",
        S,
        -12,
        "Besoin d'un hébergement transitoire à la sortie.",
        steps=(Step(Action.ACCEPT, -10, "Entretien fixé la semaine prochaine."),),
        follow_up=5,
    ),
    DemoReferral(
        "JY-DEMO12", "rab-aec-agdal", J, -9, "Recherche un premier emploi dans la logistique."
    ),
    DemoReferral(
        "JY-DEMO04",
        "fes-aec-atlas",
        J,
        -40,
        "Accompagnement vers un emploi en hôtellerie.",
        steps=(Step(Action.ACCEPT, -37), Step(Action.START, -30, "Atelier CV suivi.")),
        follow_up=-3,
    ),
    DemoReferral(
        "JY-DEMO04",
        "fes-esj-saiss",
        H,
        -80,
        "Bilan de santé et ouverture des droits AMO.",
        steps=(
            Step(Action.ACCEPT, -78),
            Step(Action.START, -75),
            Step(Action.COMPLETE, -60, "Bilan fait, dossier AMO déposé."),
        ),
        outcome=ReferralOutcome.SERVED,
    ),
    DemoReferral(
        "JY-DEMO05",
        "fes-cfp-ftouh",
        E,
        -150,
        "Formation en électricité du bâtiment.",
        steps=(Step(Action.DECLINE, -146, "Session complète jusqu'en septembre."),),
        decline_reason=DeclineReason.NO_CAPACITY,
    ),
    DemoReferral(
        "JY-DEMO09",
        "fes-complexe-urgence",
        S,
        -20,
        "Sans solution de logement depuis la sortie.",
        steps=(Step(Action.REDIRECT, -6, "Relève du centre d'assistance sociale."),),
        priority=Priority.URGENT,
        onward="fes-cas-zouagha",
    ),
    DemoReferral(
        "JY-DEMO06",
        "fes-cfp-saiss",
        E,
        -300,
        "Perfectionnement en pâtisserie.",
        steps=(Step(Action.CANCEL, -295, "A trouvé une place en apprentissage."),),
    ),
    DemoReferral(
        "JY-DEMO09", "fes-e2c-medina", E, -30, "Remise à niveau en français et en calcul."
    ),
    DemoReferral(
        "JY-DEMO08",
        "fes-esj-saiss",
        H,
        -240,
        "Suivi médical après une hospitalisation.",
        steps=(
            Step(Action.ACCEPT, -238),
            Step(Action.START, -235),
            Step(Action.COMPLETE, -200),
        ),
        outcome=ReferralOutcome.PARTIALLY_SERVED,
    ),
)


@dataclass
class _Scene(Seeding):
    """Replaying the demo referrals: young people by case code, users by email."""

    youths: dict[str, Youth]
    users: dict[str, int]

    def when(self, offset: int) -> datetime:
        return at(self.day(offset))

    def staff(self, key: str) -> int | None:
        """The user of actor ``key`` who answers its referrals, if the demo names one."""
        email = ANSWERED_BY.get(key)
        return self.users.get(email) if email else None

    async def target(self, key: str, axis: ServiceAxis) -> tuple[int, Service | None]:
        actor_id = self.actor_ids[key]
        service = await self.session.scalar(
            select(Service)
            .where(
                Service.actor_id == actor_id,
                Service.axis == axis,
                Service.active.is_(True),
                Service.accepts_referrals.is_(True),
            )
            .order_by(Service.id)
            .limit(1)
        )
        return actor_id, service

    async def add(self, demo: DemoReferral) -> int:
        """Insert ``demo`` and replay its steps; how many referrals that made."""
        youth = self.youths[demo.youth]
        created = self.when(demo.created)
        referral = await self.referral(
            demo.to,
            demo.axis,
            by=youth.mediator_id,
            at=created,
            sent=not demo.draft,
            youth_id=youth.id,
            from_actor_id=youth.institution_id,
            reason_enc=self.cipher.encrypt(demo.reason),
            priority=demo.priority,
            outcome=demo.outcome,
            decline_reason=demo.decline_reason,
        )
        if demo.follow_up is not None:
            referral.next_follow_up_at = self.when(demo.follow_up)
        self.session.add(referral)
        await self.session.flush()
        events = [_event(referral, ReferralEventKind.CREATED, created, youth.mediator_id, None)]
        added = 1
        for step in demo.steps:
            by = youth.mediator_id if step.action == Action.CANCEL else self.staff(demo.to)
            events.append(_move(self, referral, step, by))
            if step.action == Action.REDIRECT and demo.onward is not None:
                added += await self.redirect(referral, to=demo.onward, step=step, by=by)
        if _expired(referral, self.when(0)):
            events.append(_move(self, referral, Step(Action.EXPIRE, 0), None))
        referral.updated_at = events[-1].at
        self.session.add_all(events)
        await self.session.flush()
        return added

    async def redirect(self, referral: Referral, *, to: str, step: Step, by: int | None) -> int:
        """The onward referral a REDIRECT step created, SENT to actor ``to``."""
        at = self.when(step.day)
        onward = await self.referral(
            to, referral.axis, by=by, at=at, sent=True, **steps.carried_onward(referral)
        )
        self.session.add(onward)
        await self.session.flush()
        referral.redirected_to_id = onward.id
        note = self.cipher.encrypt(step.note)
        self.session.add(_event(onward, ReferralEventKind.CREATED, at, by, note))
        return 1

    async def referral(
        self,
        to: str,
        axis: ServiceAxis,
        *,
        by: int | None,
        at: datetime,
        sent: bool,
        **details: Any,
    ) -> Referral:
        """A referral (``details`` name the young person and the sender) created ``at``, to
        the first service on ``axis`` of actor ``to`` that takes referrals (or to the
        actor), DRAFT or SENT there and then."""
        to_actor_id, service = await self.target(to, axis)
        referral = Referral(
            to_actor_id=to_actor_id,
            service_id=service.id if service else None,
            axis=axis,
            status=ReferralStatus.SENT if sent else ReferralStatus.DRAFT,
            created_by_id=by,
            created_at=at,
            updated_at=at,
            version=1,
            **details,
        )
        if sent:
            days = service.response_days if service else DEFAULT_RESPONSE_DAYS
            referral.sent_at = at
            referral.respond_by = rules.respond_by(at, days)
        return referral


async def seed_demo_referrals(
    session: AsyncSession,
    cipher: DataCipher,
    *,
    actor_ids: dict[str, int],
    youth_ids: dict[str, int],
    today: date,
) -> int:
    """Insert ``REFERRALS`` (and the referrals their redirects created); how many."""
    youths = {code: await session.get(Youth, pk) for code, pk in youth_ids.items()}
    scene = _Scene(
        session=session,
        cipher=cipher,
        today=today,
        actor_ids=actor_ids,
        youths={code: youth for code, youth in youths.items() if youth is not None},
        users=dict((await session.execute(select(User.email, User.id))).all()),
    )
    count = 0
    for demo in REFERRALS:
        count += await scene.add(demo)
    await session.flush()
    return count


def _move(scene: _Scene, referral: Referral, step: Step, by: int | None) -> ReferralEvent:
    """Replay one step through the state machine, stamping what it stamps."""
    at = scene.when(step.day) if step.action != Action.EXPIRE else _expiry(referral)
    before = referral.status
    after = machine.next_status(before, step.action, machine.side_of(step.action))
    referral.status = after
    referral.version += 1
    stamped = machine.stamps(step.action, after, responded_at=referral.responded_at, at=at)
    for name, instant in stamped.items():
        setattr(referral, name, instant)
    note = scene.cipher.encrypt(step.note)
    return ReferralEvent(
        referral_id=referral.id,
        kind=machine.EVENT_KINDS[step.action],
        at=at,
        by_id=by,
        from_status=before,
        to_status=after,
        note_enc=note,
    )


def _event(
    referral: Referral, kind: ReferralEventKind, at: datetime, by: int | None, note: str | None
) -> ReferralEvent:
    return ReferralEvent(
        referral_id=referral.id,
        kind=kind,
        at=at,
        by_id=by,
        to_status=referral.status,
        note_enc=note,
    )


def _expiry(referral: Referral) -> datetime:
    assert referral.sent_at is not None and referral.respond_by is not None
    return rules.expires_at(referral.sent_at, referral.respond_by)


def _expired(referral: Referral, now: datetime) -> bool:
    """A SENT referral left unanswered long enough expires, as the worker would have it."""
    return referral.status == ReferralStatus.SENT and _expiry(referral) <= now
