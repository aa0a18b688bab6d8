"""Signing in, tokens, turning a token into a Viewer, and one's own profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

from sqlalchemy.ext.asyncio import AsyncSession

from network.enums import ActorKind, Channel, Language, NotificationKind, Role
from network.errors import InvalidInput, NotFound, Unauthenticated
from network.territories.models import Territory
from network.users import repository
from network.users.models import ApiToken, NotificationPreference, User
from network.users.passwords import hash_password, new_token, token_digest, verify_password
from network.validation import check_name, clean_text
from network.viewer import ANONYMOUS, Viewer


async def viewer_for_user(session: AsyncSession, user: User) -> Viewer:
    roles = frozenset(Role(r) for r in user.roles)
    kind: str | None = None
    scope: list[int] = []
    if user.actor_id is not None:
        kind, scope = await repository.actor_subtree(session, user.actor_id)
    territory_path = None
    if user.territory_id is not None:
        territory = await session.get(Territory, user.territory_id)
        territory_path = territory.path if territory else None
    return Viewer(
        user_id=user.id,
        roles=roles,
        actor_id=user.actor_id,
        actor_kind=ActorKind(kind) if kind else None,
        actor_scope=frozenset(scope),
        territory_id=user.territory_id,
        territory_path=territory_path,
        language=user.language,
    )


async def viewer_for_token(session: AsyncSession, token: str | None) -> Viewer:
    """The Viewer behind a bearer token; anonymous without one, an error for a bad one."""
    if not token:
        return ANONYMOUS
    user = await repository.get_by_token_digest(session, token_digest(token))
    if user is None:
        raise Unauthenticated("invalid or expired token")
    return await viewer_for_user(session, user)


async def issue_token(session: AsyncSession, *, user: User) -> str:
    """A new token for ``user``; the caller sees it once, the database keeps its digest."""
    token = new_token()
    session.add(ApiToken(user_id=user.id, token_hash=token_digest(token)))
    await session.flush()
    return token


async def login(session: AsyncSession, *, email: str, password: str) -> tuple[User, str]:
    user = await repository.get_by_email(session, email)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise Unauthenticated("wrong email or password")
    if not user.active:
        raise Unauthenticated("wrong email or password")
    return user, await issue_token(session, user=user)


async def create_user(
    session: AsyncSession,
    *,
    email: str,
    password: str | None,
    display_name: str,
    roles: Sequence[Role],
    actor_id: int | None = None,
    territory_id: int | None = None,
    language: Language = Language.FR,
    phone: str | None = None,
) -> User:
    """A new user; actor-bound roles need an actor, COORDINATOR needs a territory."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise InvalidInput("not an email address", field=["email"])
    if not roles:
        raise InvalidInput("at least one role is required", field=["roles"])
    if {Role.AGENCY_STAFF, Role.MEDIATOR} & set(roles) and actor_id is None:
        raise InvalidInput("AGENCY_STAFF and MEDIATOR users belong to an actor", field=["actor"])
    if Role.COORDINATOR in roles and territory_id is None:
        raise InvalidInput("a COORDINATOR needs a territory", field=["territory"])
    check_name(display_name, field=["displayName"])
    if password is not None and len(password) < 8:
        raise InvalidInput("a password has at least 8 characters", field=["password"])
    if await repository.get_by_email(session, email) is not None:
        raise InvalidInput("a user with this email exists", field=["email"])
    user = User(
        email=email,
        password_hash=hash_password(password) if password else None,
        display_name=display_name,
        roles=[str(r) for r in roles],
        actor_id=actor_id,
        territory_id=territory_id,
        language=language,
        phone=phone,
    )
    session.add(user)
    await session.flush()
    return user


async def get_user(session: AsyncSession, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("no such user")
    return user


class ProfileChanges(TypedDict, total=False):
    """What a user changes of their own profile: an absent key is unchanged.

    ``preferences`` replaces the channels of the kinds it names; other kinds keep theirs.
    """

    display_name: str
    phone: str | None
    language: Language
    preferences: Sequence[tuple[NotificationKind, Sequence[Channel]]]


async def update_profile(session: AsyncSession, *, viewer: Viewer, changes: ProfileChanges) -> User:
    """Every signed-in user updates their own profile and notification preferences."""
    if viewer.user_id is None:
        raise Unauthenticated("sign in first")
    user = await get_user(session, viewer.user_id)
    if "display_name" in changes:
        name = clean_text(changes["display_name"], field=["displayName"], max_length=200)
        check_name(name or "", field=["displayName"])
        if name is None:
            raise InvalidInput("a display name is required", field=["displayName"])
        user.display_name = name
    if "phone" in changes:
        user.phone = clean_text(changes["phone"], field=["phone"], max_length=40)
    if "language" in changes:
        user.language = changes["language"]
    if "preferences" in changes:
        await _replace_preferences(session, user.id, changes["preferences"])
    await session.flush()
    return user


async def _replace_preferences(
    session: AsyncSession,
    user_id: int,
    preferences: Sequence[tuple[NotificationKind, Sequence[Channel]]],
) -> None:
    kinds = [str(kind) for kind, _ in preferences]
    if len(set(kinds)) != len(kinds):
        raise InvalidInput("each kind at most once", field=["preferences"])
    current = {row.kind: row for row in await repository.preferences(session, [user_id])}
    for kind, channels in preferences:
        row = current.get(str(kind))
        if row is None:
            row = NotificationPreference(user_id=user_id, kind=str(kind))
            session.add(row)
        row.channels = [str(channel) for channel in dict.fromkeys(channels)]
