"""Signing in, tokens, turning a token into a Viewer, and one's own profile."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TypedDict

from sqlalchemy.ext.asyncio import AsyncSession

from network import clock
from network.actors import repository as actors
from network.actors.models import Actor
from network.enums import ActorKind, Channel, Language, NotificationKind, Role
from network.errors import InvalidInput, NotFound, PermissionDenied, Unauthenticated
from network.settings import Settings
from network.territories.models import Territory
from network.users import repository, rules, tokens
from network.users.models import NotificationPreference, User
from network.users.passwords import hash_password, token_digest, verify_password
from network.validation import check_name, clean_text
from network.viewer import ANONYMOUS, Viewer

# ``last_used_at`` is written at most this often, so most requests only read.
TOUCH_EVERY = timedelta(minutes=1)


async def viewer_for_user(session: AsyncSession, user: User) -> Viewer:
    roles = frozenset(Role(r) for r in user.roles)
    kind: str | None = None
    scope: list[int] = []
    if user.actor_id is not None:
        kind, scope = await actors.actor_subtree(session, user.actor_id)
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
    """The Viewer behind a bearer token; anonymous without one, an error for a bad one
    (``token_holder``)."""
    viewer, _ = await token_holder(session, token)
    return viewer


async def token_holder(session: AsyncSession, token: str | None) -> tuple[Viewer, User | None]:
    """The Viewer behind a bearer token, and their user row as the check read it (None
    without a token); an error for a bad one.

    The one place a token is judged, for HTTP and WebSocket alike: refused once revoked,
    past its ``expires_at``, idle longer than its ``idle_seconds`` (sign-in sessions), or
    when its user is deactivated. Records the use (``last_used_at``) at most once a
    minute, in ``session``: the caller commits it.
    """
    if not token:
        return ANONYMOUS, None
    now = clock.now()
    found = await repository.live_token(session, token_digest(token), now=now)
    if found is None:
        raise Unauthenticated("invalid or expired token")
    row, user = found
    last = row.last_used_at or row.created_at
    if row.idle_seconds is not None and last + timedelta(seconds=row.idle_seconds) <= now:
        raise Unauthenticated("invalid or expired token")
    if row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY:
        await repository.touch_token(session, row.id, now=now)
    return replace(await viewer_for_user(session, user), token_id=row.id), user


def _session_token(session: AsyncSession, user: User, settings: Settings) -> Awaitable[str]:
    return tokens.issue_session(
        session,
        user=user,
        lifetime=timedelta(hours=settings.session_lifetime_hours),
        idle=timedelta(minutes=settings.session_idle_minutes),
    )


async def login(
    session: AsyncSession, *, user: User | None, password: str, settings: Settings
) -> str:
    """A session token for ``user`` (found by their email) when the password is theirs.

    An unknown email costs the same argon2 verification as a wrong password."""
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise Unauthenticated("wrong email or password")
    if not user.active:
        raise Unauthenticated("wrong email or password")
    return await _session_token(session, user, settings)


def check_new_password(password: str, *, user: User, settings: Settings, field: list[str]) -> None:
    rules.check_password(
        password,
        email=user.email,
        roles=[Role(r) for r in user.roles],
        min_score=settings.password_min_score,
        field=field,
        other_inputs=[user.display_name],
    )


async def change_password(
    session: AsyncSession, *, viewer: Viewer, current: str, new: str, settings: Settings
) -> User:
    """Checks the current password, sets the new one, and ends every other session and
    token of the user but the one of this request."""
    user = await get_user(session, viewer.signed_in_id())
    if not verify_password(user.password_hash, current):
        raise Unauthenticated("the current password is wrong", field=["currentPassword"])
    check_new_password(new, user=user, settings=settings, field=["newPassword"])
    user.password_hash = hash_password(new)
    await repository.revoke_tokens(
        session, user_id=user.id, now=clock.now(), kinds=[tokens.SESSION], except_id=viewer.token_id
    )
    await session.flush()
    return user


async def deactivate_user(session: AsyncSession, *, viewer: Viewer, user_id: int) -> User:
    """ADMIN switches a user off: they cannot sign in, and every token of theirs ends."""
    if not viewer.is_admin:
        raise PermissionDenied("ADMIN only")
    user = await get_user(session, user_id)
    if user.id == viewer.user_id:
        raise InvalidInput("an administrator does not deactivate themselves", field=["id"])
    user.active = False
    await repository.revoke_tokens(session, user_id=user.id, now=clock.now())
    await session.flush()
    return user


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
    password_min_score: int = Settings.model_fields["password_min_score"].default,
) -> User:
    """A new user; actor-bound roles need an actor, COORDINATOR needs a territory; the
    password follows ``network.users.rules.check_password``."""
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
    if password is not None:
        rules.check_password(
            password,
            email=email,
            roles=roles,
            min_score=password_min_score,
            other_inputs=[display_name],
        )
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


# a temporary password: 20 random URL-safe characters (120 bits), told to the admin once
TEMPORARY_PASSWORD_BYTES = 15


@dataclass(frozen=True)
class NewUser:
    """Whom an administrator creates: the user's role decides what else it needs."""

    email: str
    display_name: str
    roles: Sequence[Role]
    actor_id: int | None = None
    territory_id: int | None = None
    language: Language = Language.FR


async def _check_belonging(
    session: AsyncSession,
    *,
    roles: Sequence[Role],
    actor_id: int | None,
    territory_id: int | None,
) -> None:
    """Roles given once each; an actor-bound role needs an existing actor, COORDINATOR an
    existing territory; a user has either, never both."""
    if not roles:
        raise InvalidInput("at least one role is required", field=["roles"])
    if len(set(roles)) != len(roles):
        raise InvalidInput("each role at most once", field=["roles"])
    if actor_id is not None and territory_id is not None:
        raise InvalidInput("a user belongs to an actor or to a territory", field=["territoryId"])
    actor_bound = {Role.AGENCY_STAFF, Role.MEDIATOR} & set(roles)
    if actor_id is not None:
        if not actor_bound:
            raise InvalidInput(
                "only AGENCY_STAFF and MEDIATOR users belong to an actor", field=["actorId"]
            )
        if await session.get(Actor, actor_id) is None:
            raise InvalidInput("no such actor", field=["actorId"])
    if territory_id is not None:
        if Role.COORDINATOR not in roles:
            raise InvalidInput("only a COORDINATOR has a territory", field=["territoryId"])
        if await session.get(Territory, territory_id) is None:
            raise InvalidInput("no such territory", field=["territoryId"])
    if actor_bound and actor_id is None:
        raise InvalidInput("AGENCY_STAFF and MEDIATOR users belong to an actor", field=["actorId"])
    if Role.COORDINATOR in roles and territory_id is None:
        raise InvalidInput("a COORDINATOR needs a territory", field=["territoryId"])


async def add_user(
    session: AsyncSession, *, viewer: Viewer, new: NewUser, settings: Settings
) -> tuple[User, str]:
    """ADMIN creates a user with a temporary password, returned this once only (it is
    stored hashed): they sign in with it and change it on their account page. An
    actor-bound role needs an existing actor, COORDINATOR an existing territory; a user
    has either, never both."""
    if not viewer.is_admin:
        raise PermissionDenied("ADMIN only")
    name = clean_text(new.display_name, field=["displayName"], max_length=200)
    if name is None:
        raise InvalidInput("a display name is required", field=["displayName"])
    await _check_belonging(
        session, roles=new.roles, actor_id=new.actor_id, territory_id=new.territory_id
    )
    password = secrets.token_urlsafe(TEMPORARY_PASSWORD_BYTES)
    user = await create_user(
        session,
        email=new.email,
        password=password,
        display_name=name,
        roles=new.roles,
        actor_id=new.actor_id,
        territory_id=new.territory_id,
        language=new.language,
        password_min_score=settings.password_min_score,
    )
    return user, password


async def set_roles(
    session: AsyncSession,
    *,
    viewer: Viewer,
    user_id: int,
    roles: Sequence[Role],
    actor_id: int | None,
    territory_id: int | None,
) -> User:
    """ADMIN gives a user other roles, with the actor or territory they need (as
    ``add_user``); they take effect at the user's next request. An administrator keeps
    their own ADMIN role."""
    if not viewer.is_admin:
        raise PermissionDenied("ADMIN only")
    user = await get_user(session, user_id)
    await _check_belonging(session, roles=roles, actor_id=actor_id, territory_id=territory_id)
    if user.id == viewer.user_id and Role.ADMIN not in roles:
        raise InvalidInput("an administrator keeps their own ADMIN role", field=["roles"])
    user.roles = [str(r) for r in roles]
    user.actor_id, user.territory_id = actor_id, territory_id
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
    user = await get_user(session, viewer.signed_in_id())
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
