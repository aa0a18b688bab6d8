"""Creating, updating and verifying actors, as docs/access.md allows.

ADMIN creates actors; ADMIN and the actor's staff (staff of a parent act for its units)
update and verify them. An actor the caller may not see is not found; one they see
but may not change is a permission error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.actors import repository
from network.actors.changes import ActorChanges
from network.actors.models import Actor
from network.actors.rules import search_fields
from network.directory_version import bump
from network.enums import ActorKind
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.territories import repository as territories
from network.territories.placement import commune_for
from network.validation import check_range, localized_text, optional_text
from network.viewer import Viewer

Changes = Mapping[str, Any] | ActorChanges


async def create_actor(
    session: AsyncSession, *, viewer: Viewer, kind: ActorKind, changes: Changes
) -> Actor:
    """A new actor; ``changes`` must hold its names and territory."""
    if not viewer.is_admin:
        raise PermissionDenied("only ADMIN creates actors")
    for key, field in (("names", "names"), ("territory_id", "territoryId")):
        if key not in changes:
            raise InvalidInput("required", field=[field])
    actor = Actor(kind=kind, names={}, languages=[], accepts_referrals=True, active=True)
    await _apply(session, actor, ActorChanges.of(changes))
    session.add(actor)
    await session.flush()
    await bump(session)
    return actor


async def update_actor(
    session: AsyncSession, *, viewer: Viewer, actor_id: int, changes: Changes
) -> Actor:
    """Apply a partial update; moving an actor under another one is for ADMIN only."""
    actor = await editable_actor(session, viewer=viewer, actor_id=actor_id)
    if "parent_id" in changes and not viewer.is_admin:
        raise PermissionDenied("only ADMIN moves an actor", field=["parentId"])
    await _apply(session, actor, ActorChanges.of(changes))
    await session.flush()
    await bump(session)
    return actor


async def verify_actor(session: AsyncSession, *, viewer: Viewer, actor_id: int) -> Actor:
    """Record that the actor confirmed its data now."""
    actor = await editable_actor(session, viewer=viewer, actor_id=actor_id)
    actor.verified_at = clock.now()
    await session.flush()
    await bump(session)
    return actor


async def editable_actor(session: AsyncSession, *, viewer: Viewer, actor_id: int) -> Actor:
    """The actor, when ``viewer`` may change it and what belongs to it."""
    actor = (await repository.get_visible(session, [actor_id], viewer)).get(actor_id)
    if actor is None:
        raise NotFound("no such actor")
    if not (viewer.is_admin or viewer.is_staff_of(actor.id)):
        raise PermissionDenied("only ADMIN and the actor's staff may change it")
    return actor


async def _apply(session: AsyncSession, actor: Actor, changes: ActorChanges) -> None:
    given = changes.given()
    if "names" in given:
        actor.names = localized_text(actor.names, changes.names, field=["names"], require_name=True)
    if "description" in given:
        actor.description = optional_text(
            actor.description, changes.description, field=["description"]
        )
    for attribute, value in changes.plain().items():
        setattr(actor, attribute, value)
    if "location" in given:
        actor.latitude, actor.longitude = _location(changes.location)
    if "active" in given and changes.active is not None:
        actor.active = changes.active
    if "territory_id" in given and changes.territory_id is not None:
        actor.territory_id = await _territory(session, changes.territory_id)
    if ("location" in given or "territory_id" in given) and actor.latitude is not None:
        assert actor.longitude is not None
        actor.territory_id = await commune_for(
            session, actor.territory_id, actor.latitude, actor.longitude
        )
    if "parent_id" in given:
        actor.parent_id = await _parent(session, actor, changes.parent_id)
    derived = search_fields(actor.names, actor.acronym, actor.description)
    actor.search_text = derived["search_text"]
    actor.sort_fr = derived["sort_fr"]
    actor.sort_ar = derived["sort_ar"]


def _location(location: tuple[float, float] | None) -> tuple[float | None, float | None]:
    if location is None:
        return None, None
    latitude, longitude = location
    check_range(latitude, field=["location", "latitude"], low=-90, high=90)
    check_range(longitude, field=["location", "longitude"], low=-180, high=180)
    return latitude, longitude


async def _territory(session: AsyncSession, territory_id: int) -> int:
    if not await territories.existing_ids(session, [territory_id]):
        raise InvalidInput("no such territory", field=["territoryId"])
    return territory_id


async def _parent(session: AsyncSession, actor: Actor, parent_id: int | None) -> int | None:
    """A parent that exists and is neither the actor nor one of its units."""
    if parent_id is None:
        return None
    if parent_id not in await repository.get_many(session, [parent_id]):
        raise InvalidInput("no such actor", field=["parentId"])
    if actor.id is not None:
        _, subtree = await repository.actor_subtree(session, actor.id)
        if parent_id in subtree:
            raise InvalidInput(
                "an actor cannot be placed under one of its units", field=["parentId"]
            )
    return parent_id
