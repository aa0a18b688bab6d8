from __future__ import annotations

from network import clock
from network.consents import repository
from schema.audit_reads import record_identity_reads
from schema.consents.types import Consent
from schema.context import Info
from schema.relay import node_resolver


@node_resolver("Consent")
async def consent_nodes(info: Info, pks: list[int]) -> dict[int, Consent]:
    """Consents are identity: only for callers who see their young person's identity."""
    async with info.context.sessions() as session:
        found = await repository.get_visible(session, info.context.viewer, pks, now=clock.now())
    await record_identity_reads(info.context, (row.youth_id for row in found.values()))
    cipher = info.context.cipher
    return {pk: Consent.of(row, cipher) for pk, row in found.items()}
