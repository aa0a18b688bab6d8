from __future__ import annotations

import strawberry

from network.consents import service
from network.crypto import DataCipher
from network.enums import ConsentGiver
from network.ids import pk_of, to_global_id
from network.records.consents import Consent as ConsentRow
from schema.common import UserError
from schema.consents.inputs import RecordConsentInput
from schema.consents.types import Consent
from schema.context import Info
from schema.mutations import mutate, mutate_one


@strawberry.type
class ConsentPayload:
    consent: Consent | None
    user_errors: list[UserError]


@strawberry.type
class ConsentMutation:
    @strawberry.mutation(description="Their mediator, a MEDIATOR of their institution, ADMIN.")
    async def record_consent(self, info: Info, input: RecordConsentInput) -> ConsentPayload:
        cipher = info.context.cipher
        consent, errors = await mutate(
            info,
            lambda uow, viewer: service.record_consent(
                uow.session,
                viewer=viewer,
                cipher=cipher,
                youth_id=pk_of(input.youth_id, "Youth", field="youthId"),
                given_by=input.given_by or ConsentGiver.YOUTH,
                scope=input.scope(),
                given_on=input.given_on,
                expires_on=input.expires_on,
                evidence=input.evidence,
                idempotency_key=input.idempotency_key,
            ),
            lambda row: _changed(row, cipher),
            given=("Youth", input.youth_id),
        )
        return ConsentPayload(consent=consent, user_errors=errors)

    @strawberry.mutation(description="Takes effect at once for every actor it covered.")
    async def withdraw_consent(self, info: Info, id: strawberry.ID) -> ConsentPayload:
        cipher = info.context.cipher
        consent, errors = await mutate_one(
            info,
            "Consent",
            id,
            lambda session, viewer, pk: service.withdraw_consent(
                session, viewer=viewer, consent_id=pk
            ),
            lambda row: _changed(row, cipher),
        )
        return ConsentPayload(consent=consent, user_errors=errors)


def _changed(row: ConsentRow, cipher: DataCipher) -> tuple[Consent, list[str]]:
    return Consent.of(row, cipher), [
        to_global_id("Consent", row.id),
        to_global_id("Youth", row.youth_id),
    ]
