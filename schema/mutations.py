"""One way to run a mutation: a unit of work, an audit entry, errors as ``userErrors``.

A resolver calls ``run_mutation(info, change)`` where ``change`` is an async function of
the unit of work returning ``(result, record_ids)``. Expected failures become
``userErrors`` and roll the change back; an audit entry records the attempt either way,
in the change's own transaction when it succeeded, under the mutation's own field name
(``createActor``). With ``input_field``, error paths raised relative to the mutation's
input argument are given from the argument's name (``["territoryId"]`` becomes
``["input", "territoryId"]``).
Most resolvers call ``mutate``, which adds the signed-in check and the payload's view;
those whose one argument is the ``id`` of the record they change call ``mutate_one``.
A module whose mutations answer alike declares it once as ``Answers``: the view of the
row written and the payload of that view.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from network.audit import service as audit
from network.database import UnitOfWork, unit_of_work
from network.errors import DomainError, InvalidInput
from network.ids import pk_of, to_global_id
from network.viewer import Viewer
from schema.auth import require_admin, require_user
from schema.common import UserError
from schema.context import Info

T = TypeVar("T")
R = TypeVar("R")
P = TypeVar("P")
Row = TypeVar("Row", bound="HasId")
Change = Callable[[UnitOfWork], Awaitable[tuple[T, Sequence[str]]]]


class HasId(Protocol):
    @property
    def id(self) -> int: ...


def shown_as(type_name: str, of: Callable[[Row], T]) -> Callable[[Row], tuple[T, list[str]]]:
    """The ``shown`` of ``mutate`` for a write returning one row: the payload shows
    ``of(row)``, the audit entry names the row, a ``type_name``."""
    return lambda row: (of(row), [to_global_id(type_name, row.id)])


def attempted_ids(type_name: str, *global_ids: str | None) -> list[str]:
    """The ids a failed attempt names, for its audit entry: only well-formed ones of the type."""
    found = []
    for global_id in global_ids:
        if global_id is None:
            continue
        try:
            found.append(to_global_id(type_name, pk_of(global_id, type_name)))
        except InvalidInput:
            continue
    return found


async def run_mutation(
    info: Info,
    change: Change[T],
    *,
    audit_ids: Sequence[str] = (),
    input_field: str | None = None,
) -> tuple[T | None, list[UserError]]:
    context = info.context
    operation = info.field_name
    try:
        async with unit_of_work(context.sessions) as uow:
            result, record_ids = await change(uow)
            await audit.record(
                uow.session,
                viewer=context.viewer,
                operation=operation,
                record_ids=record_ids,
                request_id=context.request_id,
            )
        return result, []
    except DomainError as error:
        async with unit_of_work(context.sessions) as uow:
            await audit.record(
                uow.session,
                viewer=context.viewer,
                operation=operation,
                record_ids=audit_ids,
                outcome=str(error.code),
                request_id=context.request_id,
            )
        if input_field is not None and error.field:
            error.field = [input_field, *error.field]
        return None, [UserError.of(error)]


async def mutate(
    info: Info,
    write: Callable[[UnitOfWork, Viewer], Awaitable[R]],
    shown: Callable[[R], tuple[T, Sequence[str]]],
    *,
    given: tuple[str, str | None] | None = None,
    input_field: str | None = "input",
    admin: bool = False,
) -> tuple[T | None, list[UserError]]:
    """``run_mutation`` for a signed-in caller (ADMIN with ``admin``): ``write(uow,
    viewer)`` makes the change, ``shown(result)`` gives what the payload shows and the ids
    the audit entry names; a refused attempt's entry names ``given`` (a type and the id
    the caller gave) when it is well formed."""
    viewer = info.context.viewer

    async def change(uow: UnitOfWork) -> tuple[T, Sequence[str]]:
        caller = require_admin(viewer) if admin else require_user(viewer)
        return shown(await write(uow, caller))

    return await run_mutation(
        info,
        change,
        audit_ids=attempted_ids(*given) if given else (),
        input_field=input_field,
    )


async def mutate_one(
    info: Info,
    type_name: str,
    id: str,
    write: Callable[[AsyncSession, Viewer, int], Awaitable[R]],
    shown: Callable[[R], tuple[T, Sequence[str]]],
    *,
    admin: bool = False,
) -> tuple[T | None, list[UserError]]:
    """``mutate`` for a mutation whose one argument is the ``id`` of a ``type_name``:
    ``write(session, viewer, pk)`` changes the record behind it (a malformed id or
    another type's is refused as invalid ``id``); a refused attempt's audit entry names
    the id when it is well formed."""
    return await mutate(
        info,
        lambda uow, viewer: write(uow.session, viewer, pk_of(id, type_name)),
        shown,
        given=(type_name, id),
        input_field=None,
        admin=admin,
    )


@dataclass(frozen=True)
class Answers(Generic[R, T, P]):
    """How a module's mutations answer: ``shown(row)`` gives the view of the row written
    and the ids its audit entry names (as for ``mutate``), ``payload(view, errors)`` the
    mutation's payload."""

    shown: Callable[[R], tuple[T, Sequence[str]]]
    payload: Callable[[T | None, list[UserError]], P]

    async def mutate(
        self,
        info: Info,
        write: Callable[[UnitOfWork, Viewer], Awaitable[R]],
        *,
        given: tuple[str, str | None] | None = None,
        input_field: str | None = "input",
        admin: bool = False,
    ) -> P:
        """``mutate``, answered with the payload."""
        found, errors = await mutate(
            info, write, self.shown, given=given, input_field=input_field, admin=admin
        )
        return self.payload(found, errors)

    async def mutate_one(
        self,
        info: Info,
        type_name: str,
        id: str,
        write: Callable[[AsyncSession, Viewer, int], Awaitable[R]],
        *,
        admin: bool = False,
    ) -> P:
        """``mutate_one``, answered with the payload."""
        found, errors = await mutate_one(info, type_name, id, write, self.shown, admin=admin)
        return self.payload(found, errors)
