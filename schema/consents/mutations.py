from __future__ import annotations

import strawberry

from network.consents import service
from network.consents.models import Consent as ConsentRow
from network.database import UnitOfWork
from network.enums import ConsentGiver
from network.ids import pk_of, to_global_id
from schema.auth import require_user
from schema.common import UserError
from schema.consents.inputs import RecordConsentInput
from schema.consents.types import Consent
from schema.context import Info
from schema.mutations import attempted_ids, run_mutation


@strawberry.type
class ConsentPayload:
    consent: Consent | None
    user_errors: list[UserError]


@strawberry.type
class ConsentMutation:
    @strawberry.mutation(description="Their mediator, a MEDIATOR of their institution, ADMIN.")
    async def record_consent(self, info: Info, input: RecordConsentInput) -> ConsentPayload:
        viewer, cipher = info.context.viewer, info.context.cipher

        async def change(uow: UnitOfWork) -> tuple[Consent, list[str]]:
            require_user(viewer)
            row = await service.record_consent(
                uow.session,
                viewer=viewer,
                cipher=cipher,
                youth_id=pk_of(input.youth_id, "Youth", field="youthId"),
                given_by=input.given_by or ConsentGiver.YOUTH,
                scope=input.scope(),
                given_on=input.given_on,
                expires_on=input.expires_on,
                evidence=input.evidence,
            )
            return _changed(row, info)

        consent, errors = await run_mutation(
            info,
            "recordConsent",
            change,
            audit_ids=attempted_ids("Youth", input.youth_id),
            input_field="input",
        )
        return ConsentPayload(consent=consent, user_errors=errors)

    @strawberry.mutation(description="Takes effect at once for every actor it covered.")
    async def withdraw_consent(self, info: Info, id: strawberry.ID) -> ConsentPayload:
        viewer = info.context.viewer

        async def change(uow: UnitOfWork) -> tuple[Consent, list[str]]:
            require_user(viewer)
            row = await service.withdraw_consent(
                uow.session, viewer=viewer, consent_id=pk_of(id, "Consent")
            )
            return _changed(row, info)

        consent, errors = await run_mutation(
            info, "withdrawConsent", change, audit_ids=attempted_ids("Consent", id)
        )
        return ConsentPayload(consent=consent, user_errors=errors)


def _changed(row: ConsentRow, info: Info) -> tuple[Consent, list[str]]:
    return Consent.of(row, info.context.cipher), [
        to_global_id("Consent", row.id),
        to_global_id("Youth", row.youth_id),
    ]
