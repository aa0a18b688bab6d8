"""Directory rows: written straight into a private test database, or looked up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors import rules as actor_rules
from network.actors.models import Actor
from network.enums import ActorKind, Role, ServiceAxis
from network.services import rules as service_rules
from network.services.models import Service
from network.territories.models import Territory
from network.users.service import create_user
from network.users.tokens import issue_session
from tests.api import Api


async def territory_id(session: AsyncSession, code: str) -> int:
    found = await session.scalar(select(Territory.id).where(Territory.code == code))
    assert found is not None, code
    return found


async def add_actor(
    session: AsyncSession, names: dict[str, str], *, territory: str = "MA-FES", **fields: Any
) -> Actor:
    actor = Actor(
        names=names,
        kind=fields.pop("kind", ActorKind.ASSOCIATION),
        territory_id=await territory_id(session, territory),
        **actor_rules.search_fields(names, fields.get("acronym"), fields.get("description")),
        **fields,
    )
    session.add(actor)
    await session.flush()
    return actor


async def add_service(
    session: AsyncSession, actor: Actor, names: dict[str, str], **fields: Any
) -> Service:
    service = Service(
        actor_id=actor.id,
        names=names,
        axis=fields.pop("axis", ServiceAxis.SOCIAL_ASSISTANCE),
        **service_rules.search_fields(names, fields.get("description")),
        **fields,
    )
    session.add(service)
    await session.flush()
    return service


async def token_for(
    session: AsyncSession, email: str, roles: list[Role], actor: Actor | None = None
) -> str:
    user = await create_user(
        session,
        email=email,
        password=None,
        display_name=email,
        roles=roles,
        actor_id=actor.id if actor else None,
    )
    return await issue_session(
        session, user=user, lifetime=timedelta(hours=1), idle=timedelta(hours=1)
    )


async def territory_global_id(api: Api, code: str) -> str:
    data = await api.data("query { territories { id code } }")
    return str(next(t["id"] for t in data["territories"] if t["code"] == code))
