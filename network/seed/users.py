"""Demo users of every role, with the passwords printed by ``jisr seed demo``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from network.enums import Language, Role
from network.users.service import create_user

DEMO_PASSWORD = "jisr-demo-2026"
CREATED_AT = datetime(2024, 1, 8, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class DemoUser:
    email: str
    display_name: str
    roles: tuple[Role, ...]
    actor: str | None = None
    territory: str | None = None
    language: Language = Language.FR


@dataclass(frozen=True)
class DemoLogin:
    """What a person needs to sign in as a demo user."""

    email: str
    password: str
    roles: tuple[Role, ...]
    actor: str | None  # the actor's French name
    territory: str | None  # ISO code


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin@jisr.example.ma", "Administration Jisr (démo)", (Role.ADMIN,)),
    DemoUser(
        "coordination.fes-meknes@jisr.example.ma",
        "Coordination Fès-Meknès (démo)",
        (Role.COORDINATOR,),
        territory="MA-03",
    ),
    DemoUser(
        "coordination.beni-mellal@jisr.example.ma",
        "تنسيق بني ملال خنيفرة (تجريبي)",
        (Role.COORDINATOR,),
        territory="MA-05",
        language=Language.AR,
    ),
    DemoUser(
        "mediation.dar-al-amal@jisr.example.ma",
        "Médiation Dar Al Amal (démo)",
        (Role.MEDIATOR,),
        actor="fes-eps-amal",
    ),
    DemoUser(
        "mediation.al-wifaq@jisr.example.ma",
        "وساطة المركب الاجتماعي الوفاق (تجريبي)",
        (Role.MEDIATOR,),
        actor="fes-complexe",
        language=Language.AR,
    ),
    DemoUser(
        "staff.al-wifaq@jisr.example.ma",
        "Équipe Complexe social Al Wifaq (démo)",
        (Role.AGENCY_STAFF,),
        actor="fes-complexe",
    ),
    DemoUser(
        "staff.ifmh-saiss@jisr.example.ma",
        "Équipe IFMH Saïss (démo)",
        (Role.AGENCY_STAFF,),
        actor="fes-cfp-saiss",
    ),
    DemoUser(
        "staff.aec-fes@jisr.example.ma",
        "Équipe AEC Fès Atlas (démo)",
        (Role.AGENCY_STAFF,),
        actor="fes-aec-atlas",
    ),
    DemoUser(
        "staff.sante-jeunes-fes@jisr.example.ma",
        "Équipe Espace Santé Jeunes (démo)",
        (Role.AGENCY_STAFF,),
        actor="fes-esj-saiss",
    ),
    DemoUser(
        "staff.youth-futures@jisr.example.ma",
        "Youth Futures team (demo)",
        (Role.AGENCY_STAFF,),
        actor="rab-youth-futures",
        language=Language.EN,
    ),
    DemoUser(
        "staff.tawassol@jisr.example.ma",
        "Équipe Tawassol Taza, acteur inactif (démo)",
        (Role.AGENCY_STAFF,),
        actor="taz-tawassol",
    ),
)


async def create_demo_users(
    session: AsyncSession,
    *,
    actor_ids: dict[str, int],
    actor_names: dict[str, str],
    territory_ids: dict[str, int],
) -> list[DemoLogin]:
    """Create ``DEMO_USERS`` (all with ``DEMO_PASSWORD``) and return their logins."""
    logins: list[DemoLogin] = []
    for demo in DEMO_USERS:
        user = await create_user(
            session,
            email=demo.email,
            password=DEMO_PASSWORD,
            display_name=demo.display_name,
            roles=demo.roles,
            actor_id=actor_ids[demo.actor] if demo.actor else None,
            territory_id=territory_ids[demo.territory] if demo.territory else None,
            language=demo.language,
        )
        user.created_at = CREATED_AT
        logins.append(
            DemoLogin(
                email=demo.email,
                password=DEMO_PASSWORD,
                roles=demo.roles,
                actor=actor_names[demo.actor] if demo.actor else None,
                territory=demo.territory,
            )
        )
    await session.flush()
    return logins
