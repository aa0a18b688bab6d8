"""Users, tokens, actors and services made by a test on its own database (the ``api`` fixture).

Everything goes through the domain services, so rows carry their derived fields as the
API would write them; nothing depends on the demo network.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import Any, Concatenate, NamedTuple, ParamSpec, TypeVar

from sqlalchemy import func, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession

from network.actors.service import create_actor
from network.audit.models import AuditEntry
from network.database import Base, unit_of_work
from network.enums import ActorKind, Role, ServiceAxis
from network.ids import to_global_id
from network.services.service import create_service
from network.territories.models import Territory
from network.users.service import create_user, viewer_for_token
from network.viewer import Viewer
from tests.api import Api

PASSWORD = "a long enough password"
# The test itself acting as ADMIN when it sets the scene.
SCENE = Viewer(roles=frozenset({Role.ADMIN}))

P = ParamSpec("P")
R = TypeVar("R")


async def committed(
    api: Api,
    write: Callable[Concatenate[AsyncSession, P], Awaitable[R]],
    *args: P.args,
    **kwargs: P.kwargs,
) -> R:
    """``write(session, *args, **kwargs)`` in a unit of work of its own: committed when it
    returns, rolled back when it raises."""
    async with unit_of_work(api.state.sessions) as uow:
        return await write(uow.session, *args, **kwargs)


@dataclass(frozen=True)
class Person:
    id: int
    email: str
    token: str

    @property
    def global_id(self) -> str:
        return to_global_id("User", self.id)


async def territory_pk(api: Api, code: str) -> int:
    async with api.state.sessions() as session:
        pk = await session.scalar(select(Territory.id).where(Territory.code == code))
    assert pk is not None, code
    return int(pk)


async def person(
    api: Api, *roles: Role, actor_id: int | None = None, territory: str | None = None
) -> Person:
    """A new user with these roles, signed in through the API."""
    email = f"{uuid.uuid4().hex[:12]}@jisr.test"
    territory_id = await territory_pk(api, territory) if territory else None
    async with unit_of_work(api.state.sessions) as uow:
        user = await create_user(
            uow.session,
            email=email,
            password=PASSWORD,
            display_name="Test user",
            roles=list(roles),
            actor_id=actor_id,
            territory_id=territory_id,
        )
    return Person(id=user.id, email=email, token=await api.login(email, PASSWORD))


async def actor(
    api: Api,
    *,
    name: str = "Association Test",
    parent_id: int | None = None,
    territory: str = "MA-FES",
    active: bool = True,
    kind: ActorKind = ActorKind.ASSOCIATION,
    **changes: Any,
) -> int:
    """An actor named ``name`` in French (``changes``: more of its fields)."""
    territory_id = await territory_pk(api, territory)
    given = {"territory_id": territory_id, "parent_id": parent_id, "active": active}
    async with unit_of_work(api.state.sessions) as uow:
        row = await create_actor(
            uow.session,
            viewer=SCENE,
            kind=kind,
            changes={"names": {"fr": name}, **given, **changes},
        )
    return row.id


async def service(
    api: Api,
    *,
    actor_id: int,
    name: str = "Accompagnement Test",
    axis: ServiceAxis = ServiceAxis.SOCIAL_ASSISTANCE,
    active: bool = True,
) -> int:
    async with unit_of_work(api.state.sessions) as uow:
        row = await create_service(
            uow.session,
            viewer=SCENE,
            actor_id=actor_id,
            axis=axis,
            changes={"names": {"fr": name}, "active": active},
            default_response_days=5,
        )
    return row.id


@dataclass(frozen=True)
class Scene:
    """An organisation with a unit (and a service of the unit), and an unrelated actor."""

    parent: int
    unit: int
    other: int
    unit_service: int


async def scene(api: Api) -> Scene:
    parent = await actor(api, name="Complexe social Test")
    unit = await actor(api, name="Unité mobile Test", parent_id=parent)
    other = await actor(api, name="Autre association", territory="MA-RAB")
    return Scene(
        parent=parent,
        unit=unit,
        other=other,
        unit_service=await service(api, actor_id=unit),
    )


CALLERS = ("anonymous", "admin", "unit_staff", "parent_staff", "other_staff", "coordinator")


async def caller(api: Api, world: Scene, who: str) -> Person | None:
    """The caller named ``who`` in CALLERS; None for the anonymous caller."""
    if who == "anonymous":
        return None
    if who == "admin":
        return await person(api, Role.ADMIN)
    if who == "coordinator":
        return await person(api, Role.COORDINATOR, territory="MA-03")
    actor_id = {"unit_staff": world.unit, "parent_staff": world.parent, "other_staff": world.other}
    return await person(api, Role.AGENCY_STAFF, actor_id=actor_id[who])


async def viewer_of(api: Api, someone: Person) -> Viewer:
    """The Viewer the API builds for this person's token."""
    async with api.state.sessions() as session:
        return await viewer_for_token(session, someone.token)


async def values(api: Api, model: type[Base], pk: int) -> dict[str, Any]:
    """Every column of one row, to show that a refused change left it as it was."""
    async with api.state.sessions() as session:
        row = await session.get(model, pk)
        assert row is not None
        return {column.key: getattr(row, column.key) for column in inspect(model).columns}


async def add_row(api: Api, row: Any) -> int:
    """Insert ``row`` as it is (a model instance, no domain service); its id."""
    async with unit_of_work(api.state.sessions) as uow:
        uow.session.add(row)
        await uow.session.flush()
        return int(row.id)


async def count(api: Api, model: type[Base]) -> int:
    async with api.state.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def audit_entries(api: Api, operation: str) -> list[AuditEntry]:
    """The audit entries of one operation, oldest first."""
    async with api.state.sessions() as session:
        statement = select(AuditEntry).where(AuditEntry.operation == operation)
        return list((await session.scalars(statement.order_by(AuditEntry.id))).all())


EDITORS = frozenset({"admin", "unit_staff", "parent_staff"})
"""The CALLERS who edit the scene's unit and its services."""


class Attempt(NamedTuple):
    outcome: str  # what the caller was due: OK, UNAUTHENTICATED or PERMISSION_DENIED
    payload: dict[str, Any]
    entry: AuditEntry


@dataclass(frozen=True)
class Calling:
    """One of CALLERS (``who``) calling on the scene ``world``: ``someone``, None when
    anonymous."""

    api: Api
    world: Scene
    who: str
    someone: Person | None

    @classmethod
    async def on_a_scene(cls, api: Api, who: str) -> Calling:
        world = await scene(api)
        return cls(api, world, who, await caller(api, world, who))

    async def attempt(
        self,
        operation: str,
        query: str,
        variables: dict[str, Any],
        allowed: Collection[str] = EDITORS,
    ) -> Attempt:
        """The caller runs ``operation``, which ``allowed`` callers may run; its one audit
        entry names the caller and the outcome they were due."""
        someone = self.someone
        data = await self.api.data(query, variables, someone.token if someone else None)
        if self.who in allowed:
            outcome = "OK"
        else:
            outcome = "UNAUTHENTICATED" if self.who == "anonymous" else "PERMISSION_DENIED"
        [entry] = await audit_entries(self.api, operation)
        assert (entry.user_id, entry.outcome) == (someone.id if someone else None, outcome)
        return Attempt(outcome, data[operation], entry)
