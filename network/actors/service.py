"""Creating, updating and verifying actors, as docs/access.md allows.

ADMIN creates actors; ADMIN and the actor's staff (staff of a parent act for its units)
update and verify them. An actor the caller may not see is not found; one they see
but may not change is a permission error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.actors import repository
from network.actors.models import Actor
from network.actors.rules import search_fields
from network.directory_version import bump
from network.enums import ActorKind, Language
from network.errors import InvalidInput, NotFound, PermissionDenied
from network.territories import repository as territories
from network.territories.placement import commune_for
from network.validation import (
    check_range,
    clean_email,
    clean_postal_code,
    clean_text,
    clean_website,
    localized_text,
    optional_text,
)
from network.viewer import Viewer


class ActorChanges(TypedDict, total=False):
    """Fields to set: an absent key leaves the field as it is, None clears it."""

    names: Mapping[str, str | None] | None
    acronym: str | None
    description: Mapping[str, str | None] | None
    territory_id: int
    address: str | None
    postal_code: str | None
    location: tuple[float, float] | None
    phone: str | None
    email: str | None
    website: str | None
    languages: Sequence[Language]
    accepts_referrals: bool
    active: bool
    parent_id: int | None


async def create_actor(
    session: AsyncSession, *, viewer: Viewer, kind: ActorKind, changes: ActorChanges
) -> Actor:
    """A new actor; ``changes`` must hold its names and territory."""
    if not viewer.is_admin:
        raise PermissionDenied("only ADMIN creates actors")
    for key, field in (("names", "names"), ("territory_id", "territoryId")):
        if key not in changes:
            raise InvalidInput("required", field=[field])
    actor = Actor(kind=kind, names={}, languages=[], accepts_referrals=True, active=True)
    await _apply(session, actor, changes)
    session.add(actor)
    await session.flush()
    await bump(session)
    return actor


async def update_actor(
    session: AsyncSession, *, viewer: Viewer, actor_id: int, changes: ActorChanges
) -> Actor:
    """Apply a partial update; moving an actor under another one is for ADMIN only."""
    actor = await editable_actor(session, viewer=viewer, actor_id=actor_id)
    if "parent_id" in changes and not viewer.is_admin:
        raise PermissionDenied("only ADMIN moves an actor", field=["parentId"])
    await _apply(session, actor, changes)
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
    if "names" in changes:
        actor.names = localized_text(
            actor.names, changes["names"], field=["names"], require_name=True
        )
    if "description" in changes:
        actor.description = optional_text(
            actor.description, changes["description"], field=["description"]
        )
    if "acronym" in changes:
        actor.acronym = clean_text(changes["acronym"], field=["acronym"], max_length=40)
    if "address" in changes:
        actor.address = clean_text(
            changes["address"], field=["address"], max_length=400, multiline=True
        )
    if "postal_code" in changes:
        actor.postal_code = clean_postal_code(changes["postal_code"], field=["postalCode"])
    if "phone" in changes:
        actor.phone = clean_text(changes["phone"], field=["phone"], max_length=40)
    if "email" in changes:
        actor.email = clean_email(changes["email"], field=["email"])
    if "website" in changes:
        actor.website = clean_website(changes["website"], field=["website"])
    if "location" in changes:
        actor.latitude, actor.longitude = _location(changes["location"])
    if "languages" in changes:
        actor.languages = [str(language) for language in dict.fromkeys(changes["languages"])]
    if "accepts_referrals" in changes:
        actor.accepts_referrals = changes["accepts_referrals"]
    if "active" in changes:
        actor.active = changes["active"]
    if "territory_id" in changes:
        actor.territory_id = await _territory(session, changes["territory_id"])
    if ("location" in changes or "territory_id" in changes) and actor.latitude is not None:
        assert actor.longitude is not None
        actor.territory_id = await commune_for(
            session, actor.territory_id, actor.latitude, actor.longitude
        )
    if "parent_id" in changes:
        actor.parent_id = await _parent(session, actor, changes["parent_id"])
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
