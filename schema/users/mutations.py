from __future__ import annotations

import strawberry

from network.database import UnitOfWork
from network.ids import to_global_id
from network.users import service
from schema.common import UserError
from schema.context import Info
from schema.mutations import run_mutation
from schema.users.types import User


@strawberry.type
class LoginPayload:
    token: str | None
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
