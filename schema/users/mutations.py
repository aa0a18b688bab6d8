from __future__ import annotations

import strawberry

from network.database import UnitOfWork
from network.ids import to_global_id
from network.users import service
from schema.auth import require_user
from schema.common import UserError
from schema.context import Info
from schema.mutations import run_mutation
from schema.users.inputs import UpdateMyProfileInput
from schema.users.types import User


@strawberry.type
class LoginPayload:
    token: str | None
    user: User | None
    user_errors: list[UserError]


@strawberry.type
class UserPayload:
    user: User | None
    user_errors: list[UserError]


@strawberry.type
class UserMutation:
    @strawberry.mutation
    async def login(self, info: Info, email: str, password: str) -> LoginPayload:
        async def change(uow: UnitOfWork) -> tuple[tuple[User, str], list[str]]:
            row, token = await service.login(uow.session, email=email, password=password)
            return (User.of(row), token), [to_global_id("User", row.id)]

        result, errors = await run_mutation(info, "login", change)
        if result is None:
            return LoginPayload(token=None, user=None, user_errors=errors)
        user, token = result
        return LoginPayload(token=token, user=user, user_errors=[])

    @strawberry.mutation(description="Every signed-in user, on their own profile.")
    async def update_my_profile(self, info: Info, input: UpdateMyProfileInput) -> UserPayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[User, list[str]]:
            require_user(viewer)
            row = await service.update_profile(uow.session, viewer=viewer, changes=input.changes())
            return User.of(row), [to_global_id("User", row.id)]

        user, errors = await run_mutation(info, "updateMyProfile", change, input_field="input")
        return UserPayload(user=user, user_errors=errors)
