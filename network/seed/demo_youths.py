"""Demo young people: fictional names, every status, needs, milestones and consents.

Dates are counted from the day the demo is seeded, so that reminders and metrics
have something to say on a fresh ``jisr run``: an offset of ``-30`` is thirty days ago.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.consents import repository as consents
from network.crypto import DataCipher
from network.enums import (
    ActorKind,
    ConsentGiver,
    EducationLevel,
    Gender,
    MilestoneKind,
    NeedLevel,
    ServiceAxis,
    VocationalLevel,
    YouthStatus,
)
from network.records.consents import Consent
from network.records.youths import Milestone, Need, Youth
from network.seed.shorthand import E, H, J, P, S, Seeding, at
from network.territories.models import Territory
from network.users.models import User
from network.youths.identity import set_identity

MEDIUM, HIGH, LOW = NeedLevel.MEDIUM, NeedLevel.HIGH, NeedLevel.LOW
AMAL, WIFAQ = "mediation.dar-al-amal@jisr.example.ma", "mediation.al-wifaq@jisr.example.ma"


@dataclass(frozen=True)
class DemoConsent:
    """``actors`` are actor keys; ``expires``/``withdrawn`` are day offsets."""

    given: int
    all_actors: bool = False
    kinds: tuple[ActorKind, ...] = ()
    actors: tuple[str, ...] = ()
    expires: int | None = None
    withdrawn: int | None = None
    by_representative: bool = False


@dataclass(frozen=True)
class DemoYouth:
    code: str
    first: str
    last: str
    age: int
    gender: Gender
    institution: str
    residence: str | None
    mediator: str | None
    status: YouthStatus
    leaving: int | None = None
    left: int | None = None
    education: EducationLevel = EducationLevel.LOWER_SECONDARY
    vocational: VocationalLevel = VocationalLevel.NONE
    needs: dict[ServiceAxis, NeedLevel] = field(default_factory=dict)
    milestones: tuple[tuple[MilestoneKind, int], ...] = ()
    consents: tuple[DemoConsent, ...] = ()


EVERYONE = DemoConsent(given=-200, all_actors=True)
TRAINING_AND_JOBS = DemoConsent(
    given=-120, kinds=(ActorKind.TRAINING_CENTER, ActorKind.EMPLOYMENT_AGENCY)
)
COMPLEX = DemoConsent(given=-90, actors=("fes-complexe", "fes-esj-saiss"))
EXPIRED = DemoConsent(given=-400, all_actors=True, expires=-35)
WITHDRAWN = DemoConsent(given=-150, all_actors=True, withdrawn=-10)


# fmt: off
def birth_date(demo: DemoYouth, index: int, today: date) -> date:
    """The birth date of the ``index``-th demo young person seeded ``today``: their age."""
    birth = date(today.year - demo.age, 1 + index % 12, 1 + (index * 7) % 28)
    if birth > today.replace(year=today.year - demo.age):
        birth = birth.replace(year=birth.year - 1)
    return birth


YOUTHS: tuple[DemoYouth, ...] = (
    DemoYouth("JY-DEMO01", "Yassine", "Benali", 17, Gender.MALE, "fes-eps-amal", None, AMAL,
              YouthStatus.PREPARING_TO_LEAVE, leaving=25,
              needs={E: HIGH, J: MEDIUM, S: HIGH, H: LOW},
              consents=(DemoConsent(given=-60, all_actors=True, by_representative=True),)),
    DemoYouth("JY-DEMO02", "Salma", "El Idrissi", 17, Gender.FEMALE, "fes-eps-fatat", None,
              WIFAQ, YouthStatus.PREPARING_TO_LEAVE, leaving=85,
              education=EducationLevel.UPPER_SECONDARY,
              needs={E: MEDIUM, S: HIGH, P: MEDIUM},
              consents=(DemoConsent(given=-30, actors=("fes-complexe",), by_representative=True),)),
    DemoYouth("JY-DEMO03", "Hamza", "Ouazzani", 16, Gender.MALE, "fes-eps-amal", None, AMAL,
              YouthStatus.IN_CARE, leaving=400, needs={E: MEDIUM, H: MEDIUM}),
    DemoYouth("JY-DEMO04", "Imane", "Chraibi", 18, Gender.FEMALE, "fes-eps-fatat", "MA-FES",
              WIFAQ, YouthStatus.LEFT_CARE, left=-95,
              education=EducationLevel.UPPER_SECONDARY,
              vocational=VocationalLevel.QUALIFICATION,
              needs={J: HIGH, S: MEDIUM, H: MEDIUM},
              milestones=((MilestoneKind.ID_DOCUMENTS, -80),),
              consents=(EVERYONE,)),
    DemoYouth("JY-DEMO05", "Mehdi", "Alaoui", 19, Gender.MALE, "fes-eps-amal", "MA-FES", AMAL,
              YouthStatus.LEFT_CARE, left=-190,
              vocational=VocationalLevel.SPECIALIZATION,
              needs={J: HIGH, S: MEDIUM},
              milestones=((MilestoneKind.TRAINING_ENROLLED, -170),
                          (MilestoneKind.HEALTH_COVERAGE, -150)),
              consents=(TRAINING_AND_JOBS, COMPLEX)),
    DemoYouth("JY-DEMO06", "Nora", "Tazi", 20, Gender.FEMALE, "fes-eps-fatat", "MA-MEK", WIFAQ,
              YouthStatus.AUTONOMOUS, left=-400,
              education=EducationLevel.UPPER_SECONDARY,
              vocational=VocationalLevel.TECHNICIAN,
              needs={J: LOW, S: LOW},
              milestones=((MilestoneKind.TRAINING_COMPLETED, -300),
                          (MilestoneKind.EMPLOYED, -240),
                          (MilestoneKind.HOUSING_SECURED, -220),
                          (MilestoneKind.BANK_ACCOUNT, -200)),
              consents=(EVERYONE,)),
    DemoYouth("JY-DEMO07", "Anas", "Berrada", 20, Gender.MALE, "fes-eps-amal", "MA-SEF", AMAL,
              YouthStatus.AUTONOMOUS, left=-380,
              vocational=VocationalLevel.QUALIFICATION,
              milestones=((MilestoneKind.EMPLOYED, -330), (MilestoneKind.HOUSING_SECURED, -200)),
              consents=(EXPIRED,)),
    DemoYouth("JY-DEMO08", "Karim", "Lahlou", 19, Gender.MALE, "fes-eps-amal", None, AMAL,
              YouthStatus.LOST_CONTACT, left=-260, needs={S: HIGH, H: HIGH},
              consents=(WITHDRAWN,)),
    DemoYouth("JY-DEMO09", "Zineb", "Fassi", 18, Gender.FEMALE, "fes-eps-fatat", "MA-FES", WIFAQ,
              YouthStatus.LEFT_CARE, left=-20, needs={E: HIGH, S: HIGH, P: MEDIUM},
              consents=(EVERYONE,)),
    DemoYouth("JY-DEMO10", "Othmane", "Sefrioui", 17, Gender.MALE, "sef-eps", None, None,
              YouthStatus.PREPARING_TO_LEAVE, leaving=170, needs={E: HIGH, J: MEDIUM}),
    DemoYouth("JY-DEMO11", "Aya", "Bennani", 17, Gender.FEMALE, "rab-eps-fath", None, None,
              YouthStatus.PREPARING_TO_LEAVE, leaving=60, needs={E: MEDIUM, S: HIGH},
              consents=(DemoConsent(given=-15, all_actors=True, by_representative=True),)),
    DemoYouth("JY-DEMO12", "Soufiane", "Kettani", 19, Gender.MALE, "rab-eps-fath", "MA-SAL", None,
              YouthStatus.LEFT_CARE, left=-130, needs={J: HIGH, S: HIGH},
              milestones=((MilestoneKind.ID_DOCUMENTS, -120),),
              consents=(EVERYONE,)),
    DemoYouth("JY-DEMO13", "Hajar", "Amrani", 21, Gender.FEMALE, "sal-eps-lamrissa", "MA-RAB",
              None, YouthStatus.AUTONOMOUS, left=-560,
              vocational=VocationalLevel.SPECIALIZED_TECHNICIAN,
              milestones=((MilestoneKind.TRAINING_ENROLLED, -500),
                          (MilestoneKind.HOUSING_SECURED, -470)),
              consents=(EVERYONE,)),
    DemoYouth("JY-DEMO14", "Ilyas", "Naciri", 16, Gender.MALE, "ken-eps", None, None,
              YouthStatus.IN_CARE, leaving=700, needs={E: MEDIUM}),
    DemoYouth("JY-DEMO15", "Rim", "Ait Said", 18, Gender.FEMALE, "bem-eps-asserdoun", "MA-BEM",
              None, YouthStatus.LEFT_CARE, left=-200, needs={J: MEDIUM, H: HIGH, S: MEDIUM},
              milestones=((MilestoneKind.HEALTH_COVERAGE, -150),),
              consents=(EVERYONE,)),
    DemoYouth("JY-DEMO16", "Youssef", "Amzil", 17, Gender.MALE, "khn-eps", None, None,
              YouthStatus.PREPARING_TO_LEAVE, leaving=28, needs={E: HIGH, J: HIGH, S: HIGH}),
)
# fmt: on


@dataclass
class _Intake(Seeding):
    """Inserting the demo young people: mediators by email, territories by code."""

    mediators: dict[str, int]
    territories: dict[str, int]

    async def add(self, index: int, demo: DemoYouth) -> Youth:
        """The ``index``-th young person of ``YOUTHS``, with needs, milestones and consents."""
        created = at(self.day(index - 420), hour=9)
        youth = Youth(
            code=demo.code,
            gender=demo.gender,
            institution_id=self.actor_ids[demo.institution],
            residence_territory_id=self.territories[demo.residence] if demo.residence else None,
            mediator_id=self.mediators[demo.mediator] if demo.mediator else None,
            status=demo.status,
            expected_leaving_date=self.day(demo.leaving) if demo.leaving else None,
            left_care_on=self.day(demo.left) if demo.left else None,
            education_level=demo.education,
            vocational_level=demo.vocational,
            created_at=created,
            updated_at=created,
        )
        birth = birth_date(demo, index, self.today)
        set_identity(
            youth, self.cipher, first_name=demo.first, last_name=demo.last, birth_date=birth
        )
        self.session.add(youth)
        await self.session.flush()
        for axis, level in demo.needs.items():
            self.session.add(Need(youth_id=youth.id, axis=axis, level=level, assessed_at=created))
        for kind, offset in demo.milestones:
            self.session.add(Milestone(youth_id=youth.id, kind=kind, achieved_on=self.day(offset)))
        for consent in demo.consents:
            await self.consent(youth, consent)
        return youth

    async def consent(self, youth: Youth, demo: DemoConsent) -> None:
        given = self.day(demo.given)
        row = Consent(
            youth_id=youth.id,
            given_by=ConsentGiver.LEGAL_REPRESENTATIVE
            if demo.by_representative
            else ConsentGiver.YOUTH,
            all_actors=demo.all_actors,
            actor_kinds=[str(kind) for kind in demo.kinds],
            given_on=given,
            expires_on=self.day(demo.expires) if demo.expires is not None else None,
            withdrawn_at=at(self.day(demo.withdrawn), hour=9)
            if demo.withdrawn is not None
            else None,
            created_at=at(given, hour=9),
        )
        self.session.add(row)
        await self.session.flush()
        await consents.link_actors(self.session, row.id, [self.actor_ids[k] for k in demo.actors])


async def seed_demo_youths(
    session: AsyncSession, cipher: DataCipher, *, actor_ids: dict[str, int], today: date
) -> dict[str, int]:
    """Insert ``YOUTHS``; the ids of the young people by case code."""
    intake = _Intake(
        session=session,
        cipher=cipher,
        today=today,
        actor_ids=actor_ids,
        mediators=dict((await session.execute(select(User.email, User.id))).all()),
        territories=dict((await session.execute(select(Territory.code, Territory.id))).all()),
    )
    ids: dict[str, int] = {}
    for index, demo in enumerate(YOUTHS):
        ids[demo.code] = (await intake.add(index, demo)).id
    await session.flush()
    return ids
