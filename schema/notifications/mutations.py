from __future__ import annotations

import strawberry

from network import clock
from network.database import UnitOfWork
from network.ids import pk_of, to_global_id
from network.inbox import service
from schema.auth import require_user
from schema.context import Info
from schema.mutations import attempted_ids, run_mutation
from schema.notifications.types import MarkReadPayload, Notification


@strawberry.type
class NotificationMutation:
    @strawberry.mutation(
        description="Mark the caller's notifications read: those named by ``ids``, or with"
        " ``all: true`` every unread one. An id that is not the caller's is NOT_FOUND."
    )
    async def mark_notifications_read(
        self,
        info: Info,
        ids: list[strawberry.ID] | None = None,
        all: bool | None = None,
    ) -> MarkReadPayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[list[Notification], list[str]]:
            require_user(viewer)
            pks = [pk_of(i, "Notification", field="ids") for i in ids] if ids is not None else None
            rows = await service.mark_read(
                uow.session, viewer=viewer, ids=pks, everything=bool(all), now=clock.now()
            )
            return [Notification.of(row) for row in rows], [
                to_global_id("Notification", row.id) for row in rows
            ]

        marked, errors = await run_mutation(
            info,
            change,
            audit_ids=attempted_ids("Notification", *(ids or [])),
        )
        return MarkReadPayload(notifications=marked or [], user_errors=errors)
