from __future__ import annotations

import strawberry

from network.database import UnitOfWork
from network.enums import Language
from network.errors import AccountLocked, RateLimited
from network.ids import pk_of, to_global_id
from network.users import repository, service, tokens
from network.users.models import User as UserRow
from network.viewer import Viewer
from schema.auth import require_admin, require_user
from schema.common import UserError
from schema.context import Context, Info
from schema.limits.address import client_address
from schema.limits.signin import SignInThrottle, account_key, address_key, retry_seconds
from schema.mutations import mutate, mutate_one, run_mutation, shown_as
from schema.users.inputs import (
    ChangePasswordInput,
    CreateApiTokenInput,
    CreateUserInput,
    SetUserRolesInput,
    UpdateMyProfileInput,
)
from schema.users.types import ApiToken, User

_user = shown_as("User", User.of)
_FALLBACK: dict[int, SignInThrottle] = {}


def _throttle(context: Context) -> SignInThrottle:
    """The app's throttle; a context made without one gets a process-wide one."""
    if context.signin is not None:
        return context.signin
    return _FALLBACK.setdefault(id(context.settings), SignInThrottle(context.settings))


@strawberry.type
class LoginPayload:
    token: str | None
    user: User | None
    user_errors: list[UserError]
    retry_after: int | None = strawberry.field(
        default=None,
        description="Seconds before the next attempt is heard, when this one was refused "
        "as RATE_LIMITED (failures in a row) or ACCOUNT_LOCKED.",
    )


@strawberry.type
class UserPayload:
    user: User | None
    user_errors: list[UserError]


@strawberry.type
class LogoutPayload:
    user_errors: list[UserError]


@strawberry.type
class ApiTokenPayload:
    api_token: ApiToken | None
    user_errors: list[UserError]


@strawberry.type
class CreateApiTokenPayload:
    api_token: ApiToken | None
    token: str | None = strawberry.field(description="The secret, shown this once only.")
    user_errors: list[UserError]


@strawberry.type
class CreateUserPayload:
    user: User | None
    temporary_password: str | None = strawberry.field(
        description="The password the user first signs in with, shown this once only; "
        "they change it on their account."
    )
    user_errors: list[UserError]


def _belonging(input: CreateUserInput | SetUserRolesInput) -> tuple[int | None, int | None]:
    """The actor and territory pks an input names."""
    actor = pk_of(input.actor_id, "Actor", field="actorId") if input.actor_id else None
    territory = (
        pk_of(input.territory_id, "Territory", field="territoryId") if input.territory_id else None
    )
    return actor, territory


def _new_user(input: CreateUserInput) -> service.NewUser:
    actor, territory = _belonging(input)
    return service.NewUser(
        email=input.email,
        display_name=input.display_name,
        roles=list(input.roles),
        actor_id=actor,
        territory_id=territory,
        language=input.language or Language.FR,
    )


@strawberry.type
class UserMutation:
    @strawberry.mutation(
        description="A sign-in session token. Failures in a row wait longer each time, "
        "then lock the account and the address for a while (docs/api.md)."
    )
    async def login(self, info: Info, email: str, password: str) -> LoginPayload:
        context = info.context
        throttle = _throttle(context)
        account = account_key(email)
        address = address_key(client_address(context.request, context.settings.trusted_proxies))
        targeted: list[str] = []  # the account tried, for the audit entry of a failure
        retry: list[int] = []

        async def change(uow: UnitOfWork) -> tuple[tuple[User, str], list[str]]:
            refused = await throttle.attempt([account, address])
            if refused is not None:
                retry.append(retry_seconds(refused))
                if refused.locked:
                    raise AccountLocked(f"too many failed sign-ins: locked for {retry[0]} s")
                raise RateLimited(f"too many failed sign-ins: retry in {retry[0]} s")
            row = await repository.get_by_email(uow.session, email)
            if row is not None:
                targeted.append(to_global_id("User", row.id))
            token = await service.login(
                uow.session, user=row, password=password, settings=context.settings
            )
            assert row is not None  # login refuses an unknown email
            return (User.of(row), token), targeted

        result, errors = await run_mutation(info, change, audit_ids=targeted)
        if result is None:
            return LoginPayload(
                token=None, user=None, user_errors=errors, retry_after=retry[0] if retry else None
            )
        await throttle.succeeded(account=account, address=address)
        user, token = result
        return LoginPayload(token=token, user=user, user_errors=[])

    @strawberry.mutation(description="Ends the token of this request.")
    async def logout(self, info: Info) -> LogoutPayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[None, list[str]]:
            require_user(viewer)
            await tokens.end_current(uow.session, viewer=viewer)
            return None, [to_global_id("User", viewer.user_id or 0)]

        _, errors = await run_mutation(info, change)
        return LogoutPayload(user_errors=errors)

    @strawberry.mutation(
        description="Checks the current password, sets the new one, and ends the user's "
        "other sign-in sessions (integration tokens stay)."
    )
    async def change_password(self, info: Info, input: ChangePasswordInput) -> UserPayload:
        settings = info.context.settings
        user, errors = await mutate(
            info,
            lambda uow, viewer: service.change_password(
                uow.session,
                viewer=viewer,
                current=input.current_password,
                new=input.new_password,
                settings=settings,
            ),
            _user,
        )
        return UserPayload(user=user, user_errors=errors)

    @strawberry.mutation(description="An integration token of the caller's own.")
    async def create_api_token(
        self, info: Info, input: CreateApiTokenInput
    ) -> CreateApiTokenPayload:
        context = info.context
        viewer = context.viewer

        async def change(uow: UnitOfWork) -> tuple[tuple[ApiToken, str], list[str]]:
            require_user(viewer)
            row, secret = await tokens.issue_integration(
                uow.session,
                user_id=viewer.user_id or 0,
                name=input.name,
                expires_at=input.expires_at,
                max_days=context.settings.api_token_max_days,
            )
            return (ApiToken.of(row), secret), [to_global_id("ApiToken", row.id)]

        result, errors = await run_mutation(info, change, input_field="input")
        if result is None:
            return CreateApiTokenPayload(api_token=None, token=None, user_errors=errors)
        return CreateApiTokenPayload(api_token=result[0], token=result[1], user_errors=[])

    @strawberry.mutation(description="Its owner or ADMIN ends an integration token.")
    async def revoke_api_token(self, info: Info, id: strawberry.ID) -> ApiTokenPayload:
        token, errors = await mutate_one(
            info,
            "ApiToken",
            id,
            lambda session, viewer, pk: tokens.revoke_integration(
                session, viewer=viewer, token_id=pk
            ),
            shown_as("ApiToken", ApiToken.of),
        )
        return ApiTokenPayload(api_token=token, user_errors=errors)

    @strawberry.mutation(
        description="ADMIN: the user can no longer sign in, and all their tokens end."
    )
    async def deactivate_user(self, info: Info, id: strawberry.ID) -> UserPayload:
        user, errors = await mutate_one(
            info,
            "User",
            id,
            lambda session, viewer, pk: service.deactivate_user(session, viewer=viewer, user_id=pk),
            _user,
            admin=True,
        )
        return UserPayload(user=user, user_errors=errors)

    @strawberry.mutation(description="Every signed-in user, on their own profile.")
    async def update_my_profile(self, info: Info, input: UpdateMyProfileInput) -> UserPayload:
        user, errors = await mutate(
            info,
            lambda uow, viewer: service.update_profile(
                uow.session, viewer=viewer, changes=input.changes()
            ),
            _user,
        )
        return UserPayload(user=user, user_errors=errors)

    @strawberry.mutation(
        description="ADMIN: a new user with a temporary password, shown once. AGENCY_STAFF "
        "and MEDIATOR users need an actor, a COORDINATOR a territory."
    )
    async def create_user(self, info: Info, input: CreateUserInput) -> CreateUserPayload:
        context = info.context

        async def change(uow: UnitOfWork) -> tuple[tuple[User, str], list[str]]:
            viewer = require_admin(context.viewer)
            row, password = await service.add_user(
                uow.session, viewer=viewer, new=_new_user(input), settings=context.settings
            )
            return (User.of(row), password), [to_global_id("User", row.id)]

        result, errors = await run_mutation(info, change, input_field="input")
        if result is None:
            return CreateUserPayload(user=None, temporary_password=None, user_errors=errors)
        return CreateUserPayload(user=result[0], temporary_password=result[1], user_errors=[])

    @strawberry.mutation(
        description="ADMIN: the user's roles, with the actor or territory they need (as "
        "createUser); an administrator keeps their own ADMIN role."
    )
    async def set_user_roles(self, info: Info, input: SetUserRolesInput) -> UserPayload:
        async def write(uow: UnitOfWork, viewer: Viewer) -> UserRow:
            actor, territory = _belonging(input)
            return await service.set_roles(
                uow.session,
                viewer=viewer,
                user_id=pk_of(input.id, "User", field="id"),
                roles=list(input.roles),
                actor_id=actor,
                territory_id=territory,
            )

        user, errors = await mutate(info, write, _user, given=("User", input.id), admin=True)
        return UserPayload(user=user, user_errors=errors)
